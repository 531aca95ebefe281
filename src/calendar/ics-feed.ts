import { createEvents } from 'ics';
import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import type { Municipality } from '../knowledge/schemas/municipalities.js';
import { deadlineEntries } from './deadline-entries.js';
import { eventEntries } from './event-entries.js';
import type { FeedEntry } from './feed-entry.js';
import { refold } from './fold.js';
import type { MunicipalityView } from './municipality-view.js';

export { findFeedMunicipality, type MunicipalityView } from './municipality-view.js';

/** The feed's PRODID (RFC 5545 §3.7.3). */
export const PRODUCT_ID = '-//klikbot//Monopolbrudsprogrammet//DA';

const CALENDAR_NAME = 'klikbot – Monopolbrudsprogrammet';

/** The name calendar clients show: the programme's, or the programme's for one municipality. */
export function calendarName(municipality?: Pick<Municipality, 'name'>): string {
  return municipality ? `${CALENDAR_NAME} – ${municipality.name}` : CALENDAR_NAME;
}

/** The file name offered for download: klikbot.ics, or klikbot-<id>.ics for one municipality. */
export function calendarFileName(municipality?: Pick<Municipality, 'id'>): string {
  return municipality ? `klikbot-${municipality.id}.ics` : 'klikbot.ics';
}

/** Every VEVENT of the feed: task and other deadlines, then events and meeting runs. */
export function calendarEntries(knowledge: Knowledge, view?: MunicipalityView): FeedEntry[] {
  const entries = [...deadlineEntries(knowledge, view), ...eventEntries(knowledge)];
  const seen = new Set<string>();
  for (const entry of entries) {
    // a shared UID makes clients merge two records into one, silently losing one of them
    if (seen.has(entry.uid))
      throw new Error(
        `Two calendar records share the id behind UID ${entry.uid}; ids must be distinct across tasks, deadlines, events and meetings`,
      );
    seen.add(entry.uid);
  }
  return entries;
}

/**
 * The iCalendar feed (RFC 5545) of the programme's deadlines, events and meetings, written by
 * the `ics` library and refolded to 75 octets a line. DTSTAMP is `now` (the bot's clock). With
 * a municipality, task deadlines carry its status, and those it has done lose their alarms.
 */
export function buildCalendarFeed(knowledge: Knowledge, now: DateTime, view?: MunicipalityView): string {
  const timestamp = now.toMillis();
  const events = calendarEntries(knowledge, view).map((entry) => ({ ...entry, timestamp }));
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    method: 'PUBLISH',
    calName: calendarName(view?.municipality),
  });
  if (error || value === null)
    throw new Error(`The calendar feed could not be written: ${error?.message ?? 'no output'}`, { cause: error });
  return refold(value);
}
