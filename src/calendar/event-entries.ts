import type { Alarm, DateArray } from 'ics';
import type { Knowledge } from '../knowledge/registry.js';
import type { KlikEvent } from '../knowledge/schemas/events.js';
import type { Meeting } from '../knowledge/schemas/meetings.js';
import { escapeText } from './fold.js';
import { allDay, joinLines, instantMillis, monthOnly, uidOf, type FeedEntry, type MonthOnly } from './feed-entry.js';

const kindWords: Record<KlikEvent['kind'], string> = {
  'kick-off': 'Opstartsmøde',
  webinar: 'Webinar',
  'municipality-day': 'Kommunedag',
  meeting: 'Møde',
  workshop: 'Workshop',
};

/** A reminder 15 minutes before a timed event starts. */
export function meetingAlarm(title: string): Alarm {
  return {
    action: 'display',
    description: escapeText(`Om 15 minutter: ${title}`),
    trigger: { before: true, minutes: 15 },
  };
}

interface Timing {
  start: number | DateArray;
  end?: number | DateArray;
  alarms?: Alarm[];
  transp?: 'TRANSPARENT';
  busyStatus?: 'FREE';
}

/**
 * When the event happens: timed (in UTC) when the seed gives a start time, else all day (a
 * month-only date on the month's first day, see `monthOnly`). Without an end time the event
 * has no DTEND, which RFC 5545 reads as ending when it starts: the seed does not say how long it is.
 */
function eventTiming(event: KlikEvent): Timing {
  if (event.datePrecision === 'day' && event.start !== undefined) {
    const start = instantMillis(event.date, event.start);
    const end = event.end === undefined ? {} : { end: instantMillis(event.date, event.end) };
    return { start, ...end, alarms: [meetingAlarm(event.title)] };
  }
  return { ...allDay(event.date, event.datePrecision), transp: 'TRANSPARENT', busyStatus: 'FREE' };
}

function undatedOf(event: KlikEvent): MonthOnly | undefined {
  return event.datePrecision === 'month' ? monthOnly(event.title, event.date) : undefined;
}

function eventDescription(event: KlikEvent): string {
  return joinLines([
    event.preliminary && 'Foreløbig dato.',
    undatedOf(event)?.note,
    event.audience && `Målgruppe: ${event.audience}`,
    ...(event.details ?? []),
    event.link && `Link: ${event.link}`,
    `Kilde: ${event.source.label}`,
  ]);
}

/** One record of events.json as a VEVENT: tentative when its date is preliminary or only its month is known. */
function eventEntry(event: KlikEvent): FeedEntry {
  const undated = undatedOf(event);
  return {
    uid: uidOf(event.id),
    title: undated?.title ?? event.title,
    ...eventTiming(event),
    description: eventDescription(event),
    ...(event.place ? { location: event.place } : {}),
    ...(event.link ? { url: event.link } : {}),
    status: event.preliminary || undated ? 'TENTATIVE' : 'CONFIRMED',
    categories: [kindWords[event.kind]],
    // ics' types ask for an end or a duration, but it writes a start-only event as RFC 5545 allows
  } as FeedEntry;
}

function meetingDescription(meeting: Meeting): string {
  const agenda = meeting.agenda.map(
    (item) => `${item.start}–${item.end} ${item.title}${item.presenter ? ` (ved ${item.presenter})` : ''}`,
  );
  return joinLines([
    meeting.series,
    `Via ${meeting.medium}. Værter: ${meeting.hosts.join(', ')}.`,
    meeting.timesApproximate ? 'Program (cirka tider):' : 'Program:',
    ...agenda,
    `Spørgsmål til: ${meeting.followUp.questionsTo}`,
    `Kilde: ${meeting.source.label}`,
  ]);
}

/** One run of the programme leader meeting as a timed VEVENT, with its agenda. */
function meetingEntry(meeting: Meeting): FeedEntry {
  return {
    uid: uidOf(meeting.id),
    title: meeting.title,
    start: instantMillis(meeting.date, meeting.start),
    end: instantMillis(meeting.date, meeting.end),
    description: meetingDescription(meeting),
    location: meeting.medium,
    status: 'CONFIRMED',
    categories: ['Programledermøde'],
    alarms: [meetingAlarm(meeting.title)],
  };
}

/** Every record of events.json, then every meeting run, as VEVENTs. */
export function eventEntries(knowledge: Knowledge): FeedEntry[] {
  return [...knowledge.events.map(eventEntry), ...knowledge.meetings.map(meetingEntry)];
}
