import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { datedItems } from '../../src/knowledge/queries/dated-items.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { createLogger } from '../../src/logger.js';
import { registerCalendarRoute } from '../../src/server/calendar-route.js';
import { createHttpServer, listen } from '../../src/server/http-server.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore } from '../../src/state/store.js';
import { eventById, readFeed, rfcProblems } from '../calendar/read-feed.js';
import { dataDir } from '../knowledge/data-copy.js';

const clock = createFixedClock(DateTime.fromISO('2018-10-02T10:15:00+02:00'));
let knowledge: Knowledge;
let statuses: StatusRepository;
let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-calendar-e2e-'));
  knowledge = await loadKnowledge(dataDir);
  statuses = new StatusRepository(await openStore(path.join(dir, 'state.json')), clock);
  const logger = createLogger('silent');
  server = createHttpServer({ clock, logger, localMode: true });
  registerCalendarRoute(server, { knowledge, statuses, clock, logger });
  url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
  });
  await rm(dir, { recursive: true, force: true });
});

const get = (query = '', init: RequestInit = {}) => fetch(`${url}/calendar.ics${query}`, init);

describe('GET /calendar.ics', () => {
  it('serves every deadline, event and meeting as an iCalendar feed a client parses', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="klikbot.ics"');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(rfcProblems(text)).toEqual([]);

    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const vevents = calendar.getAllSubcomponents('vevent');
    const records = datedItems(knowledge).length + knowledge.events.length + knowledge.meetings.length;
    expect(vevents).toHaveLength(records);
    expect(records).toBe(23);
    expect(new Set(vevents.map((event) => event.getFirstPropertyValue('uid'))).size).toBe(records);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('klikbot – Monopolbrudsprogrammet');
    expect(eventById(readFeed(text).events, 'webinar-oekonomi-2018-11-14').summary).toBe(
      'Webinar: Økonomi i Monopolbruddet',
    );
    // the November meeting whose day is not announced takes one tentative, free day, not the month
    const november = eventById(readFeed(text).events, 'programledermoede-2018-11');
    expect([november.summary, november.start.toString(), november.end?.toString()]).toEqual([
      'Næste programledermøde (dato ikke fastsat, november 2018)',
      '2018-11-01',
      '2018-11-02',
    ]);
    expect([november.status, november.transp]).toEqual(['TENTATIVE', 'TRANSPARENT']);
  });

  it("serves a municipality's view by id or name, with the statuses in the store", async () => {
    await statuses.record({
      municipalityId: 'aarhus',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      status: 'done',
      by: { channel: 'web', userId: 'web-mette' },
    });
    for (const query of ['?kommune=aarhus', `?kommune=${encodeURIComponent('Århus')}`, '?kommune=Aarhus+Kommune']) {
      const response = await get(query);
      expect(response.status, query).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="klikbot-aarhus.ics"');
      const text = await response.text();
      expect(rfcProblems(text)).toEqual([]);
      const { calendar, events } = readFeed(text);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('klikbot – Monopolbrudsprogrammet – Aarhus Kommune');
      expect(events).toHaveLength(23);
      const done = eventById(events, 'udpeg-fk-adm-og-fk-ansv');
      expect([done.summary, done.alarms.length]).toEqual(['✓ Udpeg FK-ADM og FK-ANSV', 0]);
    }
    const national = eventById(readFeed(await (await get()).text()).events, 'udpeg-fk-adm-og-fk-ansv');
    expect([national.summary, national.alarms.length]).toEqual(['Udpeg FK-ADM og FK-ANSV', 2]);
  });

  it('answers 404 in Danish for a municipality it does not know', async () => {
    const response = await get('?kommune=Atlantis');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(
      'Ukendt kommune: »Atlantis«. Brug kommunens navn eller id, fx /calendar.ics?kommune=aarhus\n',
    );
  });

  it('answers 400 for a kommune that is empty, repeated, too long or holds control characters', async () => {
    const cases: [string, RegExp][] = [
      ['?kommune=', /kommune må ikke være tom/],
      ['?kommune=+', /kommune må ikke være tom/],
      ['?kommune=aarhus&kommune=odense', /kommune må kun angives én gang/],
      [`?kommune=${'a'.repeat(101)}`, /kommune må højst være 100 tegn/],
      ['?kommune=aar%00hus', /kommune må ikke indeholde kontroltegn/],
    ];
    for (const [query, message] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toMatch(new RegExp(`^Ugyldig forespørgsel: ${message.source}`));
    }
  });

  it('ignores parameters it does not know, such as a client cache buster', async () => {
    expect((await get('?nocache=1700000000')).status).toBe(200);
  });

  it('answers HEAD with the headers and no body, and refuses other methods', async () => {
    const head = await get('', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get('', { method })).status, method).toBe(405);
  });
});
