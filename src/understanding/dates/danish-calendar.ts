// Rules for dates the text names on the calendar: days, months, weeks, years, seasons.
import { type Day, addMonths, civil, dayOf, daysInMonth } from './calendar.js';
import { type Days, type Reading, between, existsInSomeYear, isoWeek, monthIn, oneDay, yearOf } from './candidate.js';
import { type Rule, pattern } from './rule.js';
import { B0, B1, MONTH, OPTIONAL_YEAR, YEAR_WORD, NEXT, readMonth } from './words.js';

/** A day of a month, fixed when the year is given, else resolved per year. */
function dayReading(day: number, month: number, year: number | undefined, kind: Reading['kind'] = 'day'): Reading {
  return spanReading(
    (y) => {
      const date = dayOf(y, month, day);
      return date === undefined ? undefined : oneDay(date);
    },
    year,
    kind,
  );
}

/** A reading from a span-per-year, fixed when the year is given; void when there is no such day. */
function spanReading(
  inYear: (year: number) => Days | undefined,
  year: number | undefined,
  kind: Reading['kind'],
): Reading {
  const days = year === undefined ? undefined : inYear(year);
  if (days) return { kind, days };
  return year === undefined && existsInSomeYear(inYear) ? { kind, inYear } : { kind, void: true };
}

/** A four-digit year, or a two-digit one within twenty years of today ("12/12-18"). */
function yearOrUndefined(digits: string | undefined, thisYear?: number): number | undefined {
  if (digits === undefined) return undefined;
  if (digits.length === 2) {
    const year = 2000 + Number(digits);
    return thisYear !== undefined && Math.abs(year - thisYear) <= 20 ? year : undefined;
  }
  const year = Number(digits);
  return year >= 1900 && year <= 2100 ? year : undefined;
}

const DEN = '(?:(?:den|d\\.)\\s*)?';
const DAY_NUMBER = '(\\d{1,2})(?:\\.\\s*|\\s+)';
// A numeric date is never glued to a code ("SF1511", "Q1/2019", "v1.2.3") or a time ("kl. 10.10-11").
const NOT_AFTER = '(?<![\\p{L}\\p{N}]|\\p{N}[./-]|kl\\.?\\s*|klokken\\s*)';
const NOT_BEFORE = '(?![\\p{L}\\p{N}]|[./-]\\p{N})';

const textualRange: Rule = {
  needs: /\d/,
  // "1.-15. november", "fra 1. til 15. nov", "mellem 1. og 15. november 2018"
  pattern: pattern(
    `${B0}(?:(fra|mellem)\\s+)?${DEN}(\\d{1,2})\\.?\\s*(-|–|til|og)\\s*${DEN}${DAY_NUMBER}${MONTH}${OPTIONAL_YEAR}`,
  ),
  read: (m) => {
    const month = readMonth(m[5] ?? '', m[6] ?? '');
    const first = Number(m[2]);
    const last = Number(m[4]);
    if (!month || first >= last) return undefined;
    const year = yearOrUndefined(m[7]);
    // "1. og 15. november" without "mellem" names two days: the first one
    if (m[3]?.toLowerCase() === 'og' && m[1]?.toLowerCase() !== 'mellem') return dayReading(first, month.month, year);
    const inYear = (y: number) => between(dayOf(y, month.month, first), dayOf(y, month.month, last));
    return spanReading(inYear, year, 'range');
  },
};

const textualDay: Rule = {
  needs: /\d/,
  // "1. november", "den 1 nov", "d. 20. september 2018", "1.novmber"
  pattern: pattern(`${B0}${DEN}${DAY_NUMBER}${MONTH}${OPTIONAL_YEAR}`),
  read: (m) => {
    const month = readMonth(m[2] ?? '', m[3] ?? '');
    return month && dayReading(Number(m[1]), month.month, yearOrUndefined(m[4]));
  },
};

// … but after the dated things asked for it is one: "deadlines nov?", "frister dec"
const datedThingsBefore =
  /(?:^|[^\p{L}])(?:deadlines?|deadlinerne|frist(?:er|erne)?|m(?:ø|oe)der|events?|begivenheder)\s+$/iu;

const monthName: Rule = {
  needs: /jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|oct|nov|dec/i,
  // "i december", "december", "i dec", "december 2018"; a bare "dec" or "jul" (Christmas) is no month
  pattern: pattern(`${B0}(?:(i|in|hele|i\\s+hele)\\s+)?${MONTH}${B1}${OPTIONAL_YEAR}`),
  read: (m) => {
    const month = readMonth(m[2] ?? '', m[3] ?? '');
    const year = yearOrUndefined(m[4]);
    if (!month) return undefined;
    const afterDatedThings = datedThingsBefore.test((m.input ?? '').slice(0, m.index));
    // ("jan" after them is as often a person: "møder jan skal med til")
    const bare = m[1] === undefined && (!afterDatedThings || month.month === 1);
    if (month.abbreviated && year === undefined && (bare || month.month === 7)) return undefined;
    return spanReading((y) => monthIn(y, month.month), year, 'month');
  },
};

// "oktober/november", "i oktober og november", "fra oktober til december 2018", "October to November":
// the months from the first to the last (December to January runs into the next year)
const monthRange: Rule = {
  needs: /jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec/i,
  pattern: pattern(
    `${B0}(?:(?:i|in|fra|from|mellem|between)\\s+)?${MONTH}\\s*(?:/|-|–|til|og|eller|to|and|or|until)\\s*${MONTH}${B1}${OPTIONAL_YEAR}`,
  ),
  read: (m) => {
    const first = readMonth(m[1] ?? '', m[2] ?? '');
    const last = readMonth(m[3] ?? '', m[4] ?? '');
    // two months said together are months, abbreviated or not ("okt/nov")
    if (!first || !last) return undefined;
    const wraps = last.month < first.month;
    const inYear = (y: number) => between(monthIn(y, first.month)?.start, monthIn(wraps ? y + 1 : y, last.month)?.end);
    // a year said after the last month is that month's: "december til januar 2019" starts in 2018
    const year = yearOrUndefined(m[5]);
    return spanReading(inYear, year !== undefined && wraps ? year - 1 : year, 'range');
  },
};

const partOfMonthWords: readonly (readonly [RegExp, number, number | 'last'])[] = [
  [/^(primo|(i\s+)?start|(i\s+)?begyndelsen|først|forst)/iu, 1, 10],
  [/^(medio|midt|(i\s+)?midten)/iu, 11, 20],
  [/^(ultimo|(i\s+)?slutningen|sidst)/iu, 21, 'last'],
];

const partOfMonth: Rule = {
  needs: /jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|oct|nov|dec/i,
  // "primo november" (1st-10th), "medio", "ultimo", "i slutningen af", "(inden) udgangen af" (last day)
  pattern: pattern(
    `${B0}(primo|medio|ultimo|(?:i\\s+)?start(?:en)?\\s+af|(?:i\\s+)?begyndelsen\\s+af|f(?:ø|o)rst\\s+i|midt\\s+i|(?:i\\s+)?midten\\s+af|(?:i\\s+)?slutningen\\s+af|sidst\\s+i|(?:inden\\s+)?udgangen\\s+af)\\s+${MONTH}${B1}${OPTIONAL_YEAR}`,
  ),
  read: (m) => {
    const month = readMonth(m[2] ?? '', m[3] ?? '');
    if (!month) return undefined;
    const year = yearOrUndefined(m[4]);
    const lastDay = (y: number) => dayOf(y, month.month, daysInMonth(y, month.month));
    if (/udgangen/iu.test(m[1] ?? '')) {
      return spanReading(
        (y) => {
          const day = lastDay(y);
          return day === undefined ? undefined : oneDay(day);
        },
        year,
        'day',
      );
    }
    const part = partOfMonthWords.find(([words]) => words.test(m[1] ?? ''));
    if (!part) return undefined;
    const [, from, to] = part;
    const inYear = (y: number) =>
      between(dayOf(y, month.month, from), to === 'last' ? lastDay(y) : dayOf(y, month.month, to));
    return spanReading(inYear, year, 'range');
  },
};

const isoDate: Rule = {
  needs: /\d/,
  // "2018-12-12"
  pattern: pattern(`${NOT_AFTER}(\\d{4})-(\\d{1,2})-(\\d{1,2})${NOT_BEFORE}`),
  read: (m) => {
    const year = yearOrUndefined(m[1]);
    return year === undefined ? undefined : dayReading(Number(m[3]), Number(m[2]), year);
  },
};

const numericDate: Rule = {
  needs: /\d/,
  // "12/12-2018", "12.12.2018", "12-12-18"
  pattern: pattern(`${NOT_AFTER}(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})${NOT_BEFORE}`),
  read: (m, context) => {
    const year = yearOrUndefined(m[3], context.year);
    return year === undefined ? { kind: 'day', void: true } : dayReading(Number(m[1]), Number(m[2]), year);
  },
};

const slashDate: Rule = {
  needs: /\d\//,
  // "20/9" (day first, as the users write it)
  pattern: pattern(`${NOT_AFTER}(\\d{1,2})/(\\d{1,2})${NOT_BEFORE}`),
  read: (m) => dayReading(Number(m[1]), Number(m[2]), undefined),
};

const dottedDate: Rule = {
  needs: /\d\.\d/,
  // "den 20.9", "inden 1.11": only after a word that announces a date, as "SKI 02.19" is a name
  pattern: pattern(
    `(?<=${B0}(?:den|d\\.|inden|før|fra|til|senest|efter|pr\\.|per|by|before|until|on)\\s*)(\\d{1,2})\\.(\\d{1,2})\\.?${NOT_BEFORE}`,
  ),
  read: (m) => dayReading(Number(m[1]), Number(m[2]), undefined),
};

const numericMonth: Rule = {
  needs: /\d/,
  // "11/2018", "2018-11"
  pattern: pattern(`${NOT_AFTER}(?:(\\d{1,2})/(\\d{4})|(\\d{4})-(\\d{1,2}))${NOT_BEFORE}`),
  read: (m) => {
    const year = yearOrUndefined(m[2] ?? m[3]);
    const days = year === undefined ? undefined : monthIn(year, Number(m[1] ?? m[4]));
    return days && { kind: 'month', days };
  },
};

// what is counted after an ordinal ("den 2. pause", "the 2nd break"): a thing, not a day
const COUNTED_DA =
  '(?:pause\\p{L}*|punkt\\p{L}*|opl(?:æ|ae)g\\p{L}*|trin\\p{L}*|runde\\p{L}*|del\\p{L}*|gang\\p{L}*|opgave\\p{L}*|m(?:ø|oe)de\\p{L}*|gruppe\\p{L}*|b(?:ø|oe)lge\\p{L}*|rolle\\p{L}*|strategi\\p{L}*|anbefaling\\p{L}*|sp(?:ø|oe)rgsm(?:å|aa)l\\p{L}*|version\\p{L}*|udgave\\p{L}*|kvartal\\p{L}*|halvdel\\p{L}*|uge\\p{L}*|plads\\p{L}*)';
const COUNTED_EN =
  '(?:breaks?|items?|points?|steps?|sessions?|meetings?|groups?|waves?|tasks?|rounds?|parts?|questions?|roles?|strateg\\p{L}*|recommendations?|times?|versions?|quarters?|half|weeks?|places?|talks?)';

const dayOfThisMonth: Rule = {
  needs: /(?:den|d\.?)\s*\d/i,
  // "den 20." or "d 14" with no month: the next 20th, this month or the next. Without a dot the
  // number ends the clause or a short word follows ("møder vi den 14?", "den 14 på mødet"), as
  // "den 14 dage" counts days; with a dot anything but a month, a number or a thing counted
  // ("den 2. pause" is the second break)
  pattern: pattern(
    `${B0}(?:den|d\\.?)\\s*(\\d{1,2})(?:\\.(?!\\s*(?:${MONTH}|\\d|${COUNTED_DA}${B1}))|(?=\\s*(?:$|[?!,;)–-]|kl|på|paa|i|og|eller|om|til)${B1}))`,
  ),
  read: (m, { today }) => nextDayNumbered(Number(m[1]), today),
};

const englishDayOfThisMonth: Rule = {
  needs: /\d(?:st|nd|rd|th)/i,
  // "on the 14th" with no month: the next 14th, as "den 14." ("the 14th of September" is
  // chrono's); "the 2nd break" is the second break
  pattern: pattern(`${B0}the\\s+(\\d{1,2})(?:st|nd|rd|th)${B1}(?!\\s+(?:of\\s+)?${MONTH})(?!\\s+${COUNTED_EN}${B1})`),
  read: (m, { today }) => nextDayNumbered(Number(m[1]), today),
};

/** The next day with this number, this month or within the next two. */
function nextDayNumbered(day: number, today: Day): Reading | undefined {
  for (let ahead = 0; ahead <= 2; ahead += 1) {
    const month = civil(addMonths(today, ahead));
    const date = dayOf(month.year, month.month, day);
    if (date !== undefined && date >= today) return { kind: 'day', days: oneDay(date) };
  }
  return undefined;
}

const weekNumber: Rule = {
  needs: /uge|week/i,
  // "uge 45", "i uge 45-47", "uge 45 2019", "week 45"
  pattern: pattern(
    `${B0}(?:i\\s+)?(?:uge|week)(?:\\s+nr\\.?)?\\s*(\\d{1,2})(?:\\s*(?:-|–|til)\\s*(\\d{1,2}))?(?:\\s*[,/-]?\\s*(\\d{4}))?${NOT_BEFORE}`,
  ),
  read: (m) => {
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (first < 1 || last > 53 || last < first) return undefined;
    const inYear = (y: number) => between(isoWeek(y, first)?.start, isoWeek(y, last)?.end);
    return spanReading(inYear, yearOrUndefined(m[3]), first === last ? 'week' : 'range');
  },
};

const relativeYear: Rule = {
  needs: /\d{4}|år|aar|ar\b/i,
  // "i år", "næste år", "sidste år", "i 2019", "i løbet af 2019"
  pattern: pattern(
    `${B0}(?:(?:i|in|i\\s+løbet\\s+af|during)\\s+(\\d{4})|(i)\\s+${YEAR_WORD}|(?:(?:i|til)\\s+)?(${NEXT}|sidste|forrige)\\s+${YEAR_WORD})${B1}`,
  ),
  read: (m, { today }) => {
    if (m[1] !== undefined) {
      const year = yearOrUndefined(m[1]);
      const first = year === undefined ? undefined : dayOf(year, 1, 1);
      return first === undefined ? undefined : { kind: 'range', days: yearOf(first) };
    }
    const step = m[2] !== undefined ? 0 : /^(sidste|forrige)$/iu.test(m[3] ?? '') ? -1 : 1;
    return { kind: 'range', days: yearOf(today, step) };
  },
};

// Danish seasons by the usual meteorological months; winter runs from December into the next year.
const seasons: readonly (readonly [RegExp, number, number])[] = [
  [/^for/iu, 3, 5],
  [/^sommer/iu, 6, 8],
  [/^efter/iu, 9, 11],
  [/^vinter/iu, 12, 14],
];

const season: Rule = {
  needs: /efter|for|sommer|vinter/i,
  // "i efteråret", "til foråret", "sommeren 2019": a bare "sommer" is not enough
  pattern: pattern(
    `${B0}(?:(i|til)\\s+)?(efter${YEAR_WORD}(?:et)?|for${YEAR_WORD}(?:et)?|sommer(?:en)?|vinter(?:en)?)${B1}(?:\\s+(\\d{4})${B1})?`,
  ),
  read: (m) => {
    const year = yearOrUndefined(m[3]);
    if (m[1] === undefined && year === undefined) return undefined;
    const found = seasons.find(([words]) => words.test(m[2] ?? ''));
    if (!found) return undefined;
    const [, from, to] = found;
    // winter's "month 14" is February of the next year
    const inYear = (y: number) =>
      between(monthIn(y, from)?.start, monthIn(y + Math.floor((to - 1) / 12), ((to - 1) % 12) + 1)?.end);
    return spanReading(inYear, year, 'range');
  },
};

/** The rules for calendar dates, most specific first (the finder prefers earlier, longer matches). */
export const calendarRules: readonly Rule[] = [
  textualRange,
  monthRange,
  textualDay,
  partOfMonth,
  monthName,
  isoDate,
  numericDate,
  slashDate,
  dottedDate,
  numericMonth,
  dayOfThisMonth,
  englishDayOfThisMonth,
  weekNumber,
  relativeYear,
  season,
];
