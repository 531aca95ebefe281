import type { Knowledge } from '../knowledge/registry.js';
import type { FoundDate } from './dates.js';
import type { Understanding } from './types.js';

/*
 * "og hvor er den d. 21?" right after the municipality days (20, 21 and 22 November): a day of
 * the month said alone reads as this month's, where none of the events asked about falls. The
 * day meant is the first of those events from that month on that falls on that day of a month.
 */

// a day of the month and nothing more: "d. 21", "den 21.", "the 21st"
const bareDay = /^(?:d\.|den|the)?\s*(\d{1,2})(?:\.|st|nd|rd|th)?$/iu;

/** The events' day a bare day of the month means, where the month it was read in has none of them. */
export function eventOnThatDay(knowledge: Knowledge, read: Understanding, found: FoundDate | undefined): Understanding {
  const day = found && bareDay.exec(found.matched.trim())?.[1];
  const dates = read.entities.dates;
  if (read.intent !== 'event.list' || !day || !dates || dates.start !== dates.end) return read;
  // (a kind of event asked about, here or just before: the day of anything at all is this month's)
  const kinds = read.entities.eventKinds;
  const asked = knowledge.events.filter((event) => kinds.includes(event.kind));
  if (asked.some((event) => event.date === dates.start)) return read;
  const fromMonth = found.span.start.slice(0, 8) + '01';
  const meant = asked
    .filter(
      (event) => event.date.length === 10 && event.date >= fromMonth && Number(event.date.slice(8)) === Number(day),
    )
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  return meant ? { ...read, entities: { ...read.entities, dates: { start: meant.date, end: meant.date } } } : read;
}
