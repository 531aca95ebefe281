// Rules for dates the text names relative to today: days, counts of days and weeks,
// this/next/last week or month, Christmas and New Year, weekdays.
import { type Day, dayOf, shift, weekday as weekdayOf } from './calendar.js';
import { type Reading, between, monthOf, oneDay, weekOf, yearOf } from './candidate.js';
import { type Rule, pattern } from './rule.js';
import { B0, B1, COUNT, MONTH_WORD, NEXT, UNIT, WEEKDAY, readCount, readUnit, readWeekday } from './words.js';

const dayWordOffsets: readonly (readonly [RegExp, number])[] = [
  [/^i\s*dag$/iu, 0],
  [/^(i\s*)?overmorgen$/iu, 2],
  [/^i\s*morgen|^i\s*morn$/iu, 1],
  [/^i\s*forg/iu, -2],
  [/^i\s*g/iu, -1],
];

const dayWord: Rule = {
  needs: /dag|morg|morn|g(?:å|aa|a)r/i,
  // "i dag", "idag", "i morgen", "imorgen", "i overmorgen", "i går", "igår", "i forgårs"
  pattern: pattern(
    `${B0}(i\\s*dag|i\\s*morgen|i\\s*morn|(?:i\\s*)?overmorgen|i\\s*g(?:å|aa|a)r|i\\s*forg(?:å|aa|a)rs)${B1}`,
  ),
  read: (m, { today }) => {
    const found = dayWordOffsets.find(([words]) => words.test(m[1] ?? ''));
    return found && { kind: 'relative', days: oneDay(today + found[1]) };
  },
};

const offset: Rule = {
  needs: /om|siden/i,
  // "om 14 dage", "om to uger", "om en måned", "for 3 dage siden"
  pattern: pattern(`${B0}(om|for)\\s+${COUNT}\\s+${UNIT}(?:\\s+(siden))?${B1}`),
  read: (m, { today }) => {
    const count = readCount(m[2] ?? '');
    const back = m[1]?.toLowerCase() === 'for';
    if (count === undefined || back !== (m[4] !== undefined)) return undefined;
    return { kind: 'relative', days: oneDay(shift(today, readUnit(m[3] ?? ''), back ? -count : count)) };
  },
};

/** Today to `count` units ahead, or that far back to today. */
function window(today: Day, count: number, unit: string, back: boolean): Reading | undefined {
  const other = shift(today, readUnit(unit), back ? -count : count);
  const days = back ? between(other, today) : between(today, other);
  return days && { kind: 'range', days };
}

const within: Rule = {
  needs: /inden|løbet/i,
  // "inden for 14 dage", "indenfor en uge", "inden 14 dage", "i løbet af de næste 3 uger", "inden for den næste måned"
  pattern: pattern(
    `${B0}(?:inden(?:\\s*for)?|i\\s+løbet\\s+af)\\s+(?:(den|de)\\s+)?(?:(?:${NEXT}|kommende)\\s+)?(?:${COUNT}\\s+)?${UNIT}${B1}`,
  ),
  read: (m, { today }) => {
    const count = m[2] === undefined ? (m[1]?.toLowerCase() === 'den' ? 1 : undefined) : readCount(m[2]);
    return count === undefined ? undefined : window(today, count, m[3] ?? '', false);
  },
};

const comingOrPast: Rule = {
  needs: /ste|kommende|forrige/i,
  // "de næste 14 dage", "næste 30 dage", "de kommende to uger", "de sidste 14 dage"
  pattern: pattern(
    `${B0}(?:(?:i|over|for)\\s+)?(?:de\\s+)?(${NEXT}|kommende|sidste|seneste|forrige)\\s+${COUNT}\\s+${UNIT}${B1}`,
  ),
  read: (m, { today }) => {
    const count = readCount(m[2] ?? '');
    const back = /^(sidste|seneste|forrige)$/iu.test(m[1] ?? '');
    return count === undefined ? undefined : window(today, count, m[3] ?? '', back);
  },
};

const thisNextLast: Rule = {
  needs: /uge|ned/i,
  // "næste uge", "i denne uge", "i den kommende uge", "sidste måned", "i næste måned"
  pattern: pattern(
    `${B0}(?:i\\s+)?(?:den\\s+)?(denne|dette|${NEXT}|kommende|sidste|forrige|nuværende)\\s+(uge|${MONTH_WORD})${B1}`,
  ),
  read: (m, { today }) => {
    const step = /^(denne|dette|nuværende)$/iu.test(m[1] ?? '') ? 0 : /^(sidste|forrige)$/iu.test(m[1] ?? '') ? -1 : 1;
    if (m[2]?.toLowerCase() === 'uge') return { kind: 'week', days: weekOf(today + step * 7) };
    return { kind: 'month', days: monthOf(today, step) };
  },
};

const holiday: Rule = {
  needs: /jul|christmas|nyt|new/i,
  // "inden jul" (to Christmas Eve), "før nytår", "mellem nu og nytår" (to 31 December); English "before Christmas" too
  pattern: pattern(
    `${B0}(?:inden|før|foer|for|til|frem\\s+til|indtil|(?:mellem|fra)\\s+nu\\s+og|before|by|until)\\s+(jul(?:eaften|en)?|christmas|nyt(?:å|aa|a)r(?:saften)?|new\\s+year(?:'s)?(?:\\s+eve)?)${B1}`,
  ),
  read: (m, { today, year }) => {
    const christmas = /^(jul|christmas)/iu.test(m[1] ?? '');
    const target = (inYear: number) => dayOf(inYear, 12, christmas ? 24 : 31);
    const thisYears = target(year);
    const end = thisYears !== undefined && thisYears >= today ? thisYears : target(year + 1);
    const days = between(today, end);
    return days && { kind: 'range', days };
  },
};

const restOf: Rule = {
  needs: /rest|udgangen/i,
  // "resten af måneden", "inden udgangen af ugen", "rest of the year": today to the end of it
  pattern: pattern(
    `${B0}(?:rest(?:en)?\\s+(?:af|of)|(?:inden\\s+)?udgangen\\s+af)\\s+(?:the\\s+)?(ugen|week|${MONTH_WORD}en|month|(?:å|aa|a)ret|year)${B1}`,
  ),
  read: (m, { today }) => {
    const unit = (m[1] ?? '').toLowerCase();
    const whole = /^(ugen|week)$/u.test(unit)
      ? weekOf(today)
      : /^(month|m)/u.test(unit)
        ? monthOf(today)
        : yearOf(today);
    const days = between(today, whole.end);
    return days && { kind: 'range', days };
  },
};

// the seasons as Danes count them: spring March–May, summer June–August, autumn September–November, winter December–February
const seasons: Record<string, [number, number]> = {
  for: [3, 5],
  som: [6, 8],
  eft: [9, 11],
  vin: [12, 2],
  spr: [3, 5],
  sum: [6, 8],
  aut: [9, 11],
  win: [12, 2],
};

const season: Rule = {
  // not "fall": "which deadlines fall in December?"
  needs: /for|som|eft|vin|spring|summer|autumn|winter/i,
  // "i efteråret", "resten af efteråret", "this autumn": the season of this year, from today where it has begun
  pattern: pattern(
    `${B0}(?:(resten\\s+af|rest\\s+of)\\s+)?(?:(?:i|this|in\\s+the)\\s+)?(for(?:å|aa|a)ret|sommeren|efter(?:å|aa|a)ret|vinteren|spring|summer|autumn|winter)${B1}`,
  ),
  read: (m, { today, year, past }) => {
    const [first, last] = seasons[(m[2] ?? '').toLowerCase().slice(0, 3)] ?? [0, 0];
    const span = (inYear: number) => {
      const start = dayOf(inYear, first, 1);
      const endYear = last < first ? inYear + 1 : inYear;
      const end = shift(dayOf(endYear, last, 1) ?? 0, 'months', 1) - 1;
      return start === undefined ? undefined : { start, end };
    };
    // a season that has ended this year is next year's, unless the question speaks of the past
    const thisYears = span(year);
    const days = thisYears && (thisYears.end >= today || past) ? thisYears : span(year + 1);
    if (!days) return undefined;
    const started = days.start <= today && days.end >= today;
    return { kind: 'range', days: { start: m[1] && started ? today : days.start, end: days.end } };
  },
};

const weekdayName: Rule = {
  needs: /dag/i,
  // "på fredag", "om fredagen", "næste mandag", "fredag" (the next one after today); "i mandags" (the last one)
  pattern: pattern(
    `${B0}(?:(i)\\s+|(?:nu\\s+)?(?:p(?:å|aa|a)|om)\\s+(?:${NEXT}\\s+)?|${NEXT}\\s+|kommende\\s+|førstkommende\\s+)?${WEEKDAY}(s|en)?${B1}`,
  ),
  read: (m, { today }) => {
    const past = m[1] !== undefined;
    // ("om fredagen", "fredagen": the coming one, as "fredag")
    if (past !== (m[3] === 's')) return undefined;
    const wanted = readWeekday(m[2] ?? '');
    const current = weekdayOf(today);
    const ahead = past ? -((current - wanted + 6) % 7) - 1 : ((wanted - current + 6) % 7) + 1;
    return { kind: 'relative', days: oneDay(today + ahead), weekday: !past };
  },
};

/** The rules for dates relative to today. */
export const relativeRules: readonly Rule[] = [
  dayWord,
  offset,
  within,
  comingOrPast,
  thisNextLast,
  holiday,
  restOf,
  season,
  weekdayName,
];
