// Calendar days as whole numbers (days since 1970-01-01). Date understanding runs on every
// question, and luxon took 3-25 µs a step here (a DateTime in UTC, plus, endOf month) and
// about 20 µs for each change of zone; a day count does the same arithmetic in nanoseconds
// and has no summer time to get wrong.

/** A calendar day: the number of days since 1970-01-01. */
export type Day = number;

/** The parts of a calendar day. */
export interface Civil {
  year: number;
  month: number;
  day: number;
}

/** The day of a civil date, or undefined when there is no such date (31 November). */
export function dayOf(year: number, month: number, day: number): Day | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return fromCivil(year, month, day);
}

/** The number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The era-based conversion between civil dates and day counts (proleptic Gregorian).
function fromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day. */
export function civil(day: Day): Civil {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1,
  };
}

/** The ISO weekday, Monday 1 to Sunday 7 (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week holding a day. */
export function mondayOf(day: Day): Day {
  return day - weekday(day) + 1;
}

/** The Monday of ISO week `week` of `weekYear`, or undefined when that year has no such week. */
export function isoWeekMonday(weekYear: number, week: number): Day | undefined {
  const firstMonday = mondayOf(fromCivil(weekYear, 1, 4)); // week 1 holds 4 January
  const monday = firstMonday + (week - 1) * 7;
  return week >= 1 && civil(monday + 3).year === weekYear ? monday : undefined;
}

/** The same day of the month `count` months on (or back), the month's last day if it is shorter. */
export function addMonths(day: Day, count: number): Day {
  const { year, month, day: date } = civil(day);
  const index = year * 12 + month - 1 + count;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  return fromCivil(toYear, toMonth, Math.min(date, daysInMonth(toYear, toMonth)));
}

/** A day moved by a count of days, weeks, months or years. */
export function shift(day: Day, unit: 'days' | 'weeks' | 'months' | 'years', count: number): Day {
  if (unit === 'days') return day + count;
  if (unit === 'weeks') return day + count * 7;
  return addMonths(day, unit === 'months' ? count : count * 12);
}

/** The day as YYYY-MM-DD. */
export function format(day: Day): string {
  const { year, month, day: date } = civil(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
