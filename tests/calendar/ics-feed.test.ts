import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCalendarFeed, calendarEntries, calendarName, PRODUCT_ID } from '../../src/calendar/ics-feed.js';
import { ZONE } from '../../src/clock.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { datedItems } from '../../src/knowledge/queries/dated-items.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { dataDir } from '../knowledge/data-copy.js';
import { eventById, readFeed, rfcProblems, type ReadEvent } from './read-feed.js';

const now = DateTime.fromISO('2018-10-02T10:15:00+02:00');
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await loadKnowledge(dataDir);
});

/** Every record the feed must hold: tasks with a deadline, deadlines.json, events.json, meetings.json. */
function expectedIds(k: Knowledge): string[] {
  return [
    ...k.tasks.filter((task) => task.deadline !== null).map((task) => task.id),
    ...k.deadlines.map((d) => d.id),
    ...k.events.map((e) => e.id),
    ...k.meetings.map((m) => m.id),
  ];
}

/** When a relative alarm fires, in Copenhagen: days are calendar days, hours exact (RFC 5545 §3.3.6). */
function alarmAt(event: ReadEvent, index: number): DateTime {
  const trigger = event.alarms[index]?.trigger;
  if (!trigger) throw new Error(`${event.uid} has no alarm ${index}`);
  expect(trigger.isNegative).toBe(true);
  const start = DateTime.fromISO(event.start.toString(), { zone: event.start.isDate ? ZONE : 'utc' }).setZone(ZONE);
  return start
    .minus({ days: trigger.weeks * 7 + trigger.days })
    .minus({ hours: trigger.hours, minutes: trigger.minutes, seconds: trigger.seconds });
}

function utc(event: ReadEvent, which: 'start' | 'end' = 'start'): string {
  const time = which === 'start' ? event.start : event.end;
  if (!time || time.isDate) throw new Error(`${event.uid} has no timed ${which}`);
  return DateTime.fromSeconds(time.toUnixTime(), { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '';
}

describe('the national calendar feed', () => {
  it('holds every task deadline, deadline, event and meeting once, under a stable UID', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    const ids = expectedIds(knowledge);
    expect(ids).toHaveLength(23);
    expect(events.map((event) => event.uid).sort()).toEqual(ids.map((id) => `${id}@klikbot`).sort());
    expect(buildCalendarFeed(knowledge, now)).toBe(buildCalendarFeed(knowledge, now));
  });

  it('names itself, publishes, and stamps every event with the clock', () => {
    const text = buildCalendarFeed(knowledge, now);
    const { calendar, events } = readFeed(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(PRODUCT_ID);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('klikbot – Monopolbrudsprogrammet');
    expect(new Set(events.map((event) => event.dtstamp))).toEqual(new Set(['2018-10-02T08:15:00Z']));
    const later = readFeed(buildCalendarFeed(knowledge, DateTime.fromISO('2018-11-30T23:30:00+01:00'))).events;
    expect(new Set(later.map((event) => event.dtstamp))).toEqual(new Set(['2018-11-30T22:30:00Z']));
  });

  it('puts each deadline on its day as an all-day event', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    for (const item of datedItems(knowledge).filter((dated) => dated.precision === 'day')) {
      const event = eventById(events, item.id);
      expect(event.summary).toBe(item.title);
      expect(event.start.isDate, item.id).toBe(true);
      expect(event.description).toMatch(/\nKilde: Programledermøde september 2018$/);
    }
    const fk = eventById(events, 'udpeg-fk-adm-og-fk-ansv');
    expect([fk.start.toString(), fk.end?.toString()]).toEqual(['2018-11-01', '2018-11-02']);
  });

  it('blocks no month for a date known only to its month: one tentative, free entry on its first day that says so', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    const kigo = eventById(events, 'kigo-lukker');
    const november = eventById(events, 'programledermoede-2018-11');
    const read = (event: ReadEvent) => [
      event.summary,
      event.start.toString(),
      event.end?.toString(),
      event.status,
      event.transp,
      event.alarms.length,
    ];
    expect(read(kigo)).toEqual([
      'Definitivt farvel til KIGO (dato ikke fastsat, oktober 2018)',
      '2018-10-01',
      '2018-10-02',
      'TENTATIVE',
      'TRANSPARENT',
      0,
    ]);
    expect(kigo.description).toMatch(
      /^Kun måneden er kendt: oktober 2018\. Posten står på månedens første dag og optager ikke tid i kalenderen\.\nDefinitivt farvel til KIGO oktober 2018\./,
    );
    expect(read(november)).toEqual([
      'Næste programledermøde (dato ikke fastsat, november 2018)',
      '2018-11-01',
      '2018-11-02',
      'TENTATIVE',
      'TRANSPARENT',
      0,
    ]);
    expect(november.description).toMatch(/^Kun måneden er kendt: november 2018\./);
    // nothing in the feed fills more than a day, and nothing confirmed is without its day
    const days = (event: ReadEvent) => (event.end ? event.end.subtractDate(event.start).toSeconds() / 86_400 : 0);
    expect(events.filter((event) => days(event) > 1).map((event) => event.uid)).toEqual([]);
    expect(events.filter((event) => event.status === 'CONFIRMED' && /ikke fastsat/.test(event.summary))).toEqual([]);
  });

  it('says what the date means in Danish, with the seed text and its source', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    expect(eventById(events, 'beskedfordeler-serviceaftaler-godkendes').description).toMatch(
      /^Skal være gjort inden torsdag 20\. september 2018\.\nDer annonceres den 12\. september en række serviceaftaler/,
    );
    expect(eventById(events, 'ski-0219-fakturering-senest').description).toMatch(
      /^Senest søndag 1\. december 2019\.\n/,
    );
    expect(eventById(events, 'godkend-initiale-fordelingsregler').description).toMatch(
      /^KLIK-opgave med frist senest onsdag 12\. december 2018\.\nBasisopgave:/,
    );
    expect(eventById(events, 'bbr-kritisk-deadline').description).toBe(
      'Dato: torsdag 1. november 2018.\nKritisk deadline: Den 1. november kan brugerne ikke logge på BBR, medmindre det sker via Adgangsstyring.\nKilde: Programledermøde september 2018',
    );
  });

  it('reminds 7 days and 1 day before each deadline at 09:00 Copenhagen time, across the end of summer time', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    // a month-only date has no day to be reminded of (see above)
    for (const item of datedItems(knowledge).filter((dated) => dated.precision === 'day')) {
      const event = eventById(events, item.id);
      expect(
        event.alarms.map((alarm) => [alarm.action, alarm.trigger.toString()]),
        item.id,
      ).toEqual([
        ['DISPLAY', '-P6DT15H'],
        ['DISPLAY', '-PT15H'],
      ]);
      expect(alarmAt(event, 0).toFormat('HH:mm')).toBe('09:00');
      expect(alarmAt(event, 1).toFormat('HH:mm')).toBe('09:00');
    }
    // 1 November 2018: a week before is still summer time (+02:00), the day before is not
    const fk = eventById(events, 'udpeg-fk-adm-og-fk-ansv');
    expect(alarmAt(fk, 0).toISO()).toBe('2018-10-25T09:00:00.000+02:00');
    expect(alarmAt(fk, 1).toISO()).toBe('2018-10-31T09:00:00.000+01:00');
    expect(fk.alarms.map((alarm) => alarm.description)).toEqual([
      'Om 7 dage: Udpeg FK-ADM og FK-ANSV',
      'I morgen: Udpeg FK-ADM og FK-ANSV',
    ]);
  });

  it('gives meetings and timed events their Copenhagen times in UTC, with an alarm 15 minutes before', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    const meeting = eventById(events, 'programledermoede-2018-09-06');
    expect([utc(meeting), utc(meeting, 'end')]).toEqual(['2018-09-06T08:00:00Z', '2018-09-06T10:00:00Z']);
    expect(utc(eventById(events, 'programledermoede-2018-09-12'))).toBe('2018-09-12T11:00:00Z');
    expect(utc(eventById(events, 'programledermoede-2018-09-14'))).toBe('2018-09-14T08:30:00Z');
    // 14 November is winter time: 10.00 in Copenhagen is 09:00Z
    const webinar = eventById(events, 'webinar-oekonomi-2018-11-14');
    expect([utc(webinar), utc(webinar, 'end')]).toEqual(['2018-11-14T09:00:00Z', '2018-11-14T10:00:00Z']);
    for (const event of [meeting, webinar]) {
      expect(event.alarms.map((alarm) => [alarm.action, alarm.trigger.toString()])).toEqual([['DISPLAY', '-PT15M']]);
    }
    expect(webinar.alarms[0]?.description).toBe('Om 15 minutter: Webinar: Økonomi i Monopolbruddet');
  });

  it('converts a time on either side of 28 October 2018 correctly', () => {
    const k = structuredClone(knowledge);
    const day = k.events.find((event) => event.id === 'organisation-opstartsmoede-2018-11-01');
    if (!day) throw new Error('the seed lost the Odense kick-off');
    k.events.push({ ...day, id: 'summer-event', date: '2018-10-26', start: '10.00', end: '12.00' });
    k.events.push({ ...day, id: 'start-only', date: '2018-10-28', start: '09.30' });
    Object.assign(day, { start: '10.00', end: '12.00' });
    const { events } = readFeed(buildCalendarFeed(k, now));
    expect(utc(eventById(events, 'organisation-opstartsmoede-2018-11-01'))).toBe('2018-11-01T09:00:00Z');
    expect(utc(eventById(events, 'summer-event'))).toBe('2018-10-26T08:00:00Z');
    // the day summer time ends, and no end time given: no DTEND rather than an invented one
    const startOnly = eventById(events, 'start-only');
    expect([utc(startOnly), startOnly.end]).toEqual(['2018-10-28T08:30:00Z', undefined]);
  });

  it('makes events without a time all-day ones, preliminary ones tentative, without alarms', () => {
    const { events } = readFeed(buildCalendarFeed(knowledge, now));
    const kickOff = eventById(events, 'organisation-opstartsmoede-2018-11-02');
    expect([kickOff.start.toString(), kickOff.end?.toString(), kickOff.status, kickOff.location]).toEqual([
      '2018-11-02',
      '2018-11-03',
      'TENTATIVE',
      'Århus',
    ]);
    expect(kickOff.alarms).toEqual([]);
    expect(eventById(events, 'kommunedag-2018-11-20').description).toContain(
      'Link: https://www.kombit.dk/nyheder/tilmeld-dig-efter%C3%A5rets-kommunedage',
    );
  });

  it('keeps æøå, commas and long agendas intact through folding, and passes the RFC basics', () => {
    const text = buildCalendarFeed(knowledge, now);
    expect(rfcProblems(text)).toEqual([]);
    expect(text.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(20);
    const meeting = eventById(readFeed(text).events, 'programledermoede-2018-09-14');
    const record = knowledge.meetings.find((m) => m.id === 'programledermoede-2018-09-14');
    expect(Buffer.byteLength(meeting.description, 'utf8')).toBeGreaterThan(600);
    expect(meeting.description).toContain(
      'Via Skype. Værter: Mette Vinther Poulsen, Peter Hansen, Mimi Rasmussen.\nProgram (cirka tider):\n10.30–10.35 Velkomst, dagens program og det praktiske\n',
    );
    for (const item of record?.agenda ?? [])
      expect(meeting.description).toContain(`${item.start}–${item.end} ${item.title}`);
    expect(eventById(readFeed(text).events, 'webinar-oekonomi-2018-11-15').summary).toBe(
      'Webinar: Økonomi i Monopolbruddet',
    );
  });

  it('reads back text with every character RFC 5545 escapes, in summaries, descriptions and alarms', () => {
    const k = structuredClone(knowledge);
    const tricky = 'Frist; for ÆØÅ-kommuner, med \\ og "citat" – ' + 'ø'.repeat(80);
    Object.assign(k.deadlines[0] ?? {}, {
      title: tricky,
      description: 'Første linje;\nanden linje, med komma\r\ntredje',
    });
    const text = buildCalendarFeed(k, now);
    expect(rfcProblems(text)).toEqual([]);
    const event = readFeed(text).events.find((e) => e.summary === tricky);
    expect(event?.description).toContain('\nFørste linje;\nanden linje, med komma\ntredje\n');
    expect(event?.alarms.map((alarm) => alarm.description)).toEqual([`Om 7 dage: ${tricky}`, `I morgen: ${tricky}`]);
  });

  it('refuses two records sharing an id, which would merge them in a calendar', () => {
    const k = structuredClone(knowledge);
    const first = k.events[0];
    if (first) k.events.push({ ...first });
    expect(() => calendarEntries(k)).toThrow(/share the id behind UID ski-0219-opstartsmoede-2018-08-20@klikbot/);
  });

  it("names a municipality's calendar after it", () => {
    expect(calendarName({ name: 'Aarhus Kommune' })).toBe('klikbot – Monopolbrudsprogrammet – Aarhus Kommune');
  });
});
