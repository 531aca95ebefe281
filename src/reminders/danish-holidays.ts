/**
 * Denmark's public holidays (helligdage) by the Holidays Act: the fixed days and those that
 * follow Easter. Worked out here rather than by a holiday library because the rules are few
 * and settled, while a library of every country's calendar held about 9 MB of the bot's memory
 * for these eleven days (tests/reminders/danish-holidays.test.ts checks the days against one).
 */

/** The last year Store Bededag was a public holiday: it was abolished from 2024. */
const LAST_STORE_BEDEDAG = 2023;

/** Days after Easter Sunday, and whether the day is still kept in `year`. */
const EASTER_DAYS: { offset: number; keptIn?: (year: number) => boolean }[] = [
  { offset: -3 }, // Skærtorsdag
  { offset: -2 }, // Langfredag
  { offset: 0 }, // Påskedag
  { offset: 1 }, // Anden påskedag
  { offset: 26, keptIn: (year) => year <= LAST_STORE_BEDEDAG }, // Store Bededag
  { offset: 39 }, // Kristi Himmelfartsdag
  { offset: 49 }, // Pinsedag
  { offset: 50 }, // Anden pinsedag
];

/** Nytårsdag, Juledag, Anden juledag. */
const FIXED_DAYS = ['01-01', '12-25', '12-26'];

const MS_PER_DAY = 86_400_000;

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876), as UTC midnight. */
function easterSunday(year: number): number {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const correction = Math.floor((century + 8) / 25);
  const moonCorrection = Math.floor((century - correction + 1) / 3);
  const epact = (19 * golden + century - leapCenturies - moonCorrection + 15) % 30;
  const weekday = (32 + 2 * (century % 4) + 2 * Math.floor(yearOfCentury / 4) - epact - (yearOfCentury % 4)) % 7;
  const shift = Math.floor((golden + 11 * epact + 22 * weekday) / 451);
  const month = Math.floor((epact + weekday - 7 * shift + 114) / 31);
  const day = ((epact + weekday - 7 * shift + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** The ISO dates (YYYY-MM-DD) of Denmark's public holidays in `year`. */
export function danishPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const movable = EASTER_DAYS.filter((each) => each.keptIn?.(year) ?? true).map((each) =>
    new Date(easter + each.offset * MS_PER_DAY).toISOString().slice(0, 10),
  );
  return [...FIXED_DAYS.map((monthDay) => `${year}-${monthDay}`), ...movable].sort();
}
