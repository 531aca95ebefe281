import { DateTime } from 'luxon';
import { ZONE } from '../../clock.js';
import { remembering } from '../../lib/memo.js';
import type { Knowledge } from '../registry.js';
import type { Meeting } from '../schemas/meetings.js';

// DateTimes do not change, so the few meeting times in the data are each worked out once
const instants = remembering(
  (date: string, time: string) => `${date} ${time}`,
  (date: string, time: string) => {
    const [hour = 0, minute = 0] = time.split('.').map(Number);
    return DateTime.fromISO(date, { zone: ZONE }).set({ hour, minute });
  },
);

/** The instant a meeting's clock time ("10.30") falls on, in Denmark. */
export function meetingInstant(meeting: Pick<Meeting, 'date'>, time: string): DateTime {
  return instants(meeting.date, time);
}

/** The meeting run with this id. */
export function findMeeting(k: Knowledge, id: string): Meeting | undefined {
  return k.meetings.find((meeting) => meeting.id === id);
}

/** Meeting runs not yet over at `now`, soonest first. */
export function upcomingMeetings(k: Knowledge, now: DateTime): Meeting[] {
  return k.meetings
    .filter((meeting) => meetingInstant(meeting, meeting.end) > now)
    .sort((a, b) => meetingInstant(a, a.start).toMillis() - meetingInstant(b, b.start).toMillis());
}
