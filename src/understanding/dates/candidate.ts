import type { DateTime } from 'luxon';
import { ZONE } from '../../clock.js';
import { type Day, addMonths, civil, dayOf, daysInMonth, isoWeekMonday, mondayOf } from './calendar.js';

/** The kinds of date expression, as FoundDate reports them. */
export type DateKind = 'day' | 'week' | 'month' | 'range' | 'relative';

/** A span of Copenhagen calendar days, both ends inclusive. */
export interface Days {
  start: Day;
  end: Day;
}

/** One date expression found in the text, before the year of a yearless one is settled. */
export interface Candidate {
  index: number;
  /** Where the match ends (exclusive). */
  end: number;
  kind: DateKind;
  /** The span, when the text fixes it ("i morgen", "1. november 2018"). */
  days?: Days;
  /** The span in a given year, when the text names none ("1. november", "uge 45"). */
  inYear?: (year: number) => Days | undefined;
  time?: string;
  /** A bare weekday name, which a date right after it absorbs ("fredag den 1. november"). */
  weekday?: boolean;
  /** Written as a date but no such day ("31. november"): hides what it overlaps, names nothing. */
  void?: boolean;
}

/** What a rule reads from its match; the finder adds where it was. */
export type Reading = Omit<Candidate, 'index' | 'end'>;

/** What rules resolve against. */
export interface Context {
  /** Today in Copenhagen. */
  today: Day;
  /** The year of today. */
  year: number;
  /** The question speaks of the past ("hvad var fristen 1. november?"): keep this year's date. */
  past: boolean;
}

/** The Copenhagen calendar day of an instant. */
export function dayInCopenhagen(instant: DateTime): Day {
  // luxon returns the same object when the zone is already Copenhagen, as the Clock's is
  const local = instant.setZone(ZONE);
  return dayOf(local.year, local.month, local.day) ?? 0;
}

/** The context for reading a text at `now`. */
export function contextAt(now: DateTime, past: boolean): Context {
  const today = dayInCopenhagen(now);
  return { today, year: civil(today).year, past };
}

/** A span of one day. */
export function oneDay(day: Day): Days {
  return { start: day, end: day };
}

/** The ISO week (Monday to Sunday: Danish weeks are ISO weeks) holding a day. */
export function weekOf(day: Day): Days {
  const start = mondayOf(day);
  return { start, end: start + 6 };
}

/** ISO week `week` of `weekYear`, or undefined when that year has no such week. */
export function isoWeek(weekYear: number, week: number): Days | undefined {
  const monday = isoWeekMonday(weekYear, week);
  return monday === undefined ? undefined : weekOf(monday);
}

/** A calendar month, or undefined when `month` is no month. */
export function monthIn(year: number, month: number): Days | undefined {
  const start = dayOf(year, month, 1);
  return start === undefined ? undefined : { start, end: start + daysInMonth(year, month) - 1 };
}

/** The calendar month holding a day, `step` months on. */
export function monthOf(day: Day, step = 0): Days {
  const { year, month } = civil(addMonths(day, step));
  return monthIn(year, month) ?? oneDay(day);
}

/** The calendar year holding a day, `step` years on. */
export function yearOf(day: Day, step = 0): Days {
  const year = civil(day).year + step;
  return { start: dayOf(year, 1, 1) ?? day, end: dayOf(year, 12, 31) ?? day };
}

/** The span from `start` to `end`, or undefined when either is missing or they are reversed. */
export function between(start: Day | undefined, end: Day | undefined): Days | undefined {
  return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
}

/** Whether a yearless reading exists in some year (29 February in 2000, week 53 in 2020). */
export function existsInSomeYear(inYear: (year: number) => Days | undefined): boolean {
  return inYear(2000) !== undefined || inYear(2020) !== undefined;
}

/**
 * The span a candidate stands for. A yearless one is the first occurrence that has not
 * ended yet ("1. november" on 2 November 2018 is 1 November 2019), or this year's when
 * the question speaks of the past.
 */
export function settle(candidate: Reading, context: Context): Days | undefined {
  if (candidate.days) return candidate.days;
  const { inYear } = candidate;
  if (!inYear) return undefined;
  const thisYears = inYear(context.year);
  if (context.past && thisYears) return thisYears;
  // a year back first, for spans that run over new year (winter); eight on, for 29 February
  for (let year = context.year - 1; year <= context.year + 8; year += 1) {
    const days = year === context.year ? thisYears : inYear(year);
    if (days && days.end >= context.today) return days;
  }
  return undefined;
}
