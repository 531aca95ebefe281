import type { DateArray, EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import { formatDate } from '../core/format.js';
import type { DatePrecision } from '../knowledge/common.js';
import { meetingInstant } from '../knowledge/queries/meetings.js';

/** One VEVENT as handed to the `ics` library; the feed adds the DTSTAMP. */
export type FeedEntry = EventAttributes & { uid: string };

/** The calendar's domain-wide UID for a record: stable while the record's id stays. */
export function uidOf(recordId: string): string {
  return `${recordId}@klikbot`;
}

function dateArray(day: DateTime): DateArray {
  return [day.year, day.month, day.day];
}

/**
 * One all-day entry in the form `ics` writes as VALUE=DATE: the day itself, or for a
 * month-precision date the month's first day (see `monthOnly`). DTEND is exclusive
 * (RFC 5545 §3.6.1), hence the day after.
 */
export function allDay(date: string, precision: DatePrecision): { start: DateArray; end: DateArray } {
  const first = DateTime.fromISO(precision === 'month' ? `${date}-01` : date, { zone: ZONE });
  return { start: dateArray(first), end: dateArray(first.plus({ days: 1 })) };
}

/** What marks an entry whose day is not known: its title, status and the line that says so. */
export interface MonthOnly {
  title: string;
  status: 'TENTATIVE';
  transp: 'TRANSPARENT';
  busyStatus: 'FREE';
  /** The description's first line. */
  note: string;
}

/**
 * A date known only to the month ("på gensyn i november"). A month-long entry, even a free
 * one, fills every day of the month in a subscriber's calendar and reads as a confirmed plan;
 * instead it is one tentative entry that takes no time, on the month's first day, whose title
 * says the day is not set: "Næste programledermøde (dato ikke fastsat, november 2018)".
 */
export function monthOnly(title: string, date: string): MonthOnly {
  const month = formatDate(`${date}-01`, 'da', 'month');
  return {
    title: `${title} (dato ikke fastsat, ${month})`,
    status: 'TENTATIVE',
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    note: `Kun måneden er kendt: ${month}. Posten står på månedens første dag og optager ikke tid i kalenderen.`,
  };
}

/**
 * A Copenhagen clock time ("10.00") on a date as epoch milliseconds, which `ics` writes in UTC
 * ("…T080000Z"): the server's own time zone never enters, and summer time is luxon's business.
 */
export function instantMillis(date: string, time: string): number {
  return meetingInstant({ date }, time).toMillis();
}

/** Lines of a description, empty ones left out, joined with newlines (which `ics` escapes). */
export function joinLines(lines: (string | undefined | false)[]): string {
  return lines
    .filter((line): line is string => typeof line === 'string' && line.trim() !== '')
    .map((line) => line.replace(/\r\n|\r/g, '\n'))
    .join('\n');
}
