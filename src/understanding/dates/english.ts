// English date expressions through chrono-node, turned into the same candidates as the
// Danish grammar's, so both can be weighed in one text.
// English only: the whole package loads every language chrono reads, about 12 MB of memory
import type * as chrono from 'chrono-node';
import * as english from 'chrono-node/en';
import type { DateTime } from 'luxon';
import { type Day, dayOf } from './calendar.js';
import {
  type Candidate,
  type Days,
  type Reading,
  between,
  monthIn,
  monthOf,
  oneDay,
  weekOf,
  yearOf,
} from './candidate.js';

// chrono reads "this week" as a day that may fall in the next week, and "next 14 days" as a
// single day: these phrases are measured from today here instead.
const period = /\b(this|next|last|coming|previous|past|current)\s+(week|month|year)\b/i;
const windowAhead = /\b(?:within|next|coming)\s+\S+\s+(?:days?|weeks?|months?|years?)\b/i;
const windowBack = /\b(?:last|past|previous)\s+\S+\s+(?:days?|weeks?|months?|years?)\b/i;
// chrono skips the day of a Danish ordinal ("1. november" is November to it): the Danish grammar reads those
const danishOrdinal = /\d\.\s*\p{L}/u;
// a bare weekday abbreviation is more often a word ("sat", "sun", "wed") than a day
const bareWeekday = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;

/** Every date expression chrono finds in the text, as candidates (`now` in Copenhagen, `today` its day). */
export function englishCandidates(text: string, now: DateTime, today: Day): Candidate[] {
  // chrono takes the offset in minutes: that of Copenhagen at `now`, so its calendar is ours
  const results = english.parse(text, { instant: now.toJSDate(), timezone: now.offset }, { forwardDate: true });
  const found: Candidate[] = [];
  for (const result of results) {
    if (danishOrdinal.test(result.text) || bareWeekday.test(result.text)) continue;
    const reading = readResult(result, today);
    if (reading) found.push({ ...reading, index: result.index, end: result.index + result.text.length });
  }
  return found;
}

function readResult(result: chrono.ParsedResult, today: Day): Reading | undefined {
  const named = period.exec(result.text);
  if (named) return periodReading(named[1] ?? '', named[2] ?? '', today);
  const start = result.start;
  const certain = (component: chrono.Component) => start.isCertain(component);
  const relative = [...result.tags()].some(
    (tag) => tag.startsWith('casualReference') || tag.startsWith('result/relative'),
  );
  const namesDay = relative || certain('day') || certain('weekday') || certain('month') || certain('year');
  const day = componentsDay(start);
  if (day === undefined || !namesDay) return undefined; // a time alone ("at 9", "10.10-11.10") names no day
  if (result.end) {
    const end = componentsDay(result.end);
    return rangeReading(between(day, end));
  }
  if (windowAhead.test(result.text)) return rangeReading(between(today, day));
  if (windowBack.test(result.text)) return rangeReading(between(day, today));
  const time = certain('hour') ? timeOf(start) : undefined;
  if (certain('month') && !certain('day') && !certain('weekday')) {
    const month = start.get('month') ?? 1;
    return certain('year')
      ? { kind: 'month', days: monthOf(day) }
      : { kind: 'month', inYear: (year) => monthIn(year, month) };
  }
  if (certain('year') && !certain('month')) return { kind: 'range', days: yearOf(day) };
  if (certain('month') && certain('day') && !certain('year')) {
    const [month, date] = [start.get('month') ?? 1, start.get('day') ?? 1];
    const inYear = (year: number): Days | undefined => {
      const inThatYear = dayOf(year, month, date);
      return inThatYear === undefined ? undefined : oneDay(inThatYear);
    };
    return { kind: 'day', inYear, time };
  }
  return { kind: relative || !certain('month') ? 'relative' : 'day', days: oneDay(day), time };
}

function periodReading(which: string, unit: string, today: Day): Reading {
  const step = /^(this|current)$/i.test(which) ? 0 : /^(last|previous|past)$/i.test(which) ? -1 : 1;
  if (/^week$/i.test(unit)) return { kind: 'week', days: weekOf(today + step * 7) };
  if (/^month$/i.test(unit)) return { kind: 'month', days: monthOf(today, step) };
  return { kind: 'range', days: yearOf(today, step) };
}

function rangeReading(days: Days | undefined): Reading | undefined {
  return days && { kind: 'range', days };
}

/** The calendar day of chrono's components, which are in the reference offset (Copenhagen's). */
function componentsDay(components: chrono.ParsedComponents): Day | undefined {
  const [year, month, day] = [components.get('year'), components.get('month'), components.get('day')];
  return year === null || month === null || day === null ? undefined : dayOf(year, month, day);
}

function timeOf(components: chrono.ParsedComponents): string {
  const pad = (value: number | null) => String(value ?? 0).padStart(2, '0');
  return `${pad(components.get('hour'))}:${pad(components.get('minute'))}`;
}
