import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCalendarFeed, findFeedMunicipality, type MunicipalityView } from '../../src/calendar/ics-feed.js';
import { createFixedClock } from '../../src/clock.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { StatusRepository, type StatusChange } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { dataDir } from '../knowledge/data-copy.js';
import { recorded } from '../support/recorded.js';
import { eventById, readFeed, rfcProblems } from './read-feed.js';

const clock = createFixedClock(DateTime.fromISO('2018-10-15T12:00:00+02:00'));
const anna = { channel: 'slack', userId: 'U1', name: 'Anna', conversationId: 'C1' };
let knowledge: Knowledge;
let dir: string;
let store: Store;
let statuses: StatusRepository;

beforeAll(async () => {
  knowledge = await loadKnowledge(dataDir);
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-calendar-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  statuses = new StatusRepository(store, clock);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function record(taskId: string, status: StatusChange['status'], step?: number, municipalityId = 'aarhus') {
  return statuses.record({ municipalityId, taskId, status, by: anna, ...(step === undefined ? {} : { step }) });
}

function feedFor(municipalityId: string) {
  const municipality = knowledge.municipalities.find((m) => m.id === municipalityId);
  if (!municipality) throw new Error(`no municipality ${municipalityId}`);
  const view: MunicipalityView = { municipality, statuses };
  const text = buildCalendarFeed(knowledge, clock.now(), view);
  expect(rfcProblems(text)).toEqual([]);
  return readFeed(text);
}

describe("a municipality's calendar feed", () => {
  it('says where the municipality stands on each task, steps summarised', async () => {
    await record('godkend-initiale-fordelingsregler', 'started');
    await record('bbr-adgangsstyring', 'done', 1);
    await record('bbr-adgangsstyring', 'done', 2);
    await record('bbr-adgangsstyring', 'started', 3);
    const { calendar, events } = feedFor('aarhus');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('klikbot – Monopolbrudsprogrammet – Aarhus Kommune');
    expect(events).toHaveLength(23);
    const status = (id: string) =>
      /Status for Aarhus Kommune \(meldt til klikbot\): ([^\n]*)\./.exec(eventById(events, id).description)?.[1];
    expect(status('godkend-initiale-fordelingsregler')).toBe('påbegyndt');
    expect(status('etabler-arbejdsgang-for-drift')).toBe('ikke påbegyndt');
    expect(status('bbr-kritisk-deadline')).toBe('2 af 5 trin fuldført, 1 påbegyndt');
    // dates that belong to no task carry no status
    expect(status('kigo-lukker')).toBeUndefined();
    expect(status('beskedfordeler-serviceaftaler-godkendes')).toBeUndefined();
    expect(eventById(events, 'bbr-kritisk-deadline').alarms).toHaveLength(2);
  });

  it("keeps a done task's event, marked ✓, without alarms; other municipalities still get theirs", async () => {
    await record('udpeg-fk-adm-og-fk-ansv', 'done');
    const aarhus = eventById(feedFor('aarhus').events, 'udpeg-fk-adm-og-fk-ansv');
    expect(aarhus.summary).toBe('✓ Udpeg FK-ADM og FK-ANSV');
    expect(aarhus.alarms).toEqual([]);
    expect(aarhus.description).toContain('Status for Aarhus Kommune (meldt til klikbot): fuldført.');
    expect(aarhus.start.toString()).toBe('2018-11-01');

    const odense = eventById(feedFor('odense').events, 'udpeg-fk-adm-og-fk-ansv');
    expect(odense.summary).toBe('Udpeg FK-ADM og FK-ANSV');
    expect(odense.alarms).toHaveLength(2);
    expect(odense.description).toContain('Status for Odense Kommune (meldt til klikbot): ikke påbegyndt.');
  });

  it('counts a task with steps as done only when every step is, and an undo brings the alarms back', async () => {
    for (const step of [1, 2, 3, 4]) await record('bbr-adgangsstyring', 'done', step);
    expect(eventById(feedFor('aarhus').events, 'bbr-kritisk-deadline').summary).toBe('BBR kun via Adgangsstyring');
    const last = recorded(await record('bbr-adgangsstyring', 'done', 5));
    const done = eventById(feedFor('aarhus').events, 'bbr-kritisk-deadline');
    expect([done.summary, done.alarms.length]).toEqual(['✓ BBR kun via Adgangsstyring', 0]);
    expect(done.description).toContain('5 af 5 trin fuldført.');

    await statuses.undo(last.id, anna);
    const undone = eventById(feedFor('aarhus').events, 'bbr-kritisk-deadline');
    expect([undone.summary, undone.alarms.length]).toEqual(['BBR kun via Adgangsstyring', 2]);
  });

  it('finds the municipality by id or by any of its names', () => {
    for (const text of ['aarhus', ' AARHUS ', 'Aarhus Kommune', 'Århus'])
      expect(findFeedMunicipality(knowledge, text)?.id, text).toBe('aarhus');
    for (const text of ['koebenhavn', 'Københavns Kommune', 'Koebenhavn'])
      expect(findFeedMunicipality(knowledge, text)?.id, text).toBe('koebenhavn');
    expect(findFeedMunicipality(knowledge, 'Atlantis')).toBeUndefined();
    expect(findFeedMunicipality(knowledge, '')).toBeUndefined();
  });
});
