import type { DateArray, EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
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
 * An all-day span in the form `ics` writes as VALUE=DATE: the day itself, or the whole month
 * for a month-precision date. DTEND is exclusive (RFC 5545 §3.6.1), hence the day after.
 */
export function allDay(date: string, precision: DatePrecision): { start: DateArray; end: DateArray } {
  const first = DateTime.fromISO(precision === 'month' ? `${date}-01` : date, { zone: ZONE });
  const after = precision === 'month' ? first.plus({ months: 1 }) : first.plus({ days: 1 });
  return { start: dateArray(first), end: dateArray(after) };
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
