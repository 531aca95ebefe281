import ICAL from 'ical.js';

/** One VEVENT as a calendar client reads it. */
export interface ReadEvent {
  uid: string;
  summary: string;
  description: string;
  start: ICAL.Time;
  end: ICAL.Time | undefined;
  status: string | undefined;
  /** TRANSPARENT: the entry takes no time (free/busy). */
  transp: string | undefined;
  location: string | undefined;
  dtstamp: string;
  alarms: { action: string; trigger: ICAL.Duration; description: string }[];
}

/** The feed parsed by ical.js (`ICAL.parse` + `new ICAL.Component`), as Outlook-like clients would. */
export function readFeed(text: string): { calendar: ICAL.Component; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component): ReadEvent => {
    const end = component.getFirstPropertyValue('dtend');
    return {
      uid: String(component.getFirstPropertyValue('uid')),
      summary: String(component.getFirstPropertyValue('summary')),
      description: String(component.getFirstPropertyValue('description') ?? ''),
      start: component.getFirstPropertyValue('dtstart') as ICAL.Time,
      end: (end ?? undefined) as ICAL.Time | undefined,
      status: (component.getFirstPropertyValue('status') as string | null) ?? undefined,
      transp: (component.getFirstPropertyValue('transp') as string | null) ?? undefined,
      location: (component.getFirstPropertyValue('location') as string | null) ?? undefined,
      dtstamp: String(component.getFirstPropertyValue('dtstamp')),
      alarms: component.getAllSubcomponents('valarm').map((alarm) => ({
        action: String(alarm.getFirstPropertyValue('action')),
        trigger: alarm.getFirstPropertyValue('trigger') as ICAL.Duration,
        description: String(alarm.getFirstPropertyValue('description')),
      })),
    };
  });
  return { calendar, events };
}

/** The event with this UID; fails the test when there is none. */
export function eventById(events: ReadEvent[], id: string): ReadEvent {
  const found = events.find((event) => event.uid === `${id}@klikbot`);
  if (!found) throw new Error(`no VEVENT with UID ${id}@klikbot`);
  return found;
}

/**
 * What a strict client would refuse (RFC 5545 §3.1, §3.4, §3.6): a line not ended by CRLF,
 * a line over 75 octets, a BEGIN without its END or an END out of order.
 */
export function rfcProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the last line is not ended by CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('a bare CR or LF');
  const lines = text.split('\r\n').slice(0, -1);
  const open: string[] = [];
  lines.forEach((line, index) => {
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) problems.push(`line ${index + 1} has ${octets} octets: ${line.slice(0, 30)}…`);
    const begin = /^BEGIN:(.+)$/.exec(line);
    const end = /^END:(.+)$/.exec(line);
    if (begin?.[1]) open.push(begin[1]);
    if (end?.[1] && open.pop() !== end[1])
      problems.push(`line ${index + 1}: END:${end[1]} does not close the last BEGIN`);
  });
  if (open.length > 0) problems.push(`never closed: ${open.join(', ')}`);
  if (lines[0] !== 'BEGIN:VCALENDAR' || lines.at(-1) !== 'END:VCALENDAR')
    problems.push('not one VCALENDAR from first line to last');
  return problems;
}
