import type { ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { StatusWatch } from '../../src/dashboard/live.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { registerEvents } from '../../src/server/dashboard/events.js';
import { LINK_COOKIE } from '../../src/server/dashboard/access.js';
import { createHttpServer, listen } from '../../src/server/http-server.js';
import { DashboardLinkRepository } from '../../src/state/dashboard-links.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { openEvents } from '../support/dashboard.js';

const admin = { channel: 'teams', userId: 'aad-admin' };
const clock = createFixedClock(DateTime.fromISO('2018-10-01T10:00:00+02:00'));

/** A server with only the live stream, whose heartbeat and lifetime are as given. */
function useStreamServer(timings: { heartbeatMs: number; lifetimeMs: number }) {
  const server = createHttpServer({ clock, logger: pino({ level: 'silent' }), localMode: false });
  const administrators = new Set(['teams:aad-admin']);
  const streams = new Set<ServerResponse>();
  const parts = {} as {
    store: Store;
    links: DashboardLinkRepository;
    url: string;
    administrators: Set<string>;
    streams: Set<ServerResponse>;
  };
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-events-'));
    const store = await openStore(path.join(dir, 'klikbot.json'));
    const links = new DashboardLinkRepository(store, clock);
    Object.assign(parts, { store, links, administrators, streams });
    registerEvents(
      server,
      {
        knowledge: await loadKnowledge(path.resolve('data/knowledge')),
        store,
        watch: new StatusWatch(store, 20),
        links,
        administrators,
        state: store,
        openOnThisMachine: false,
        wallMillis: () => Date.now(),
        timings,
      },
      streams,
    );
    parts.url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/dashboard/events`;
  });
  afterAll(async () => {
    for (const stream of streams) stream.end();
    server.close();
    await parts.store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return parts;
}

async function adminCookie(links: DashboardLinkRepository): Promise<string> {
  return `${LINK_COOKIE}=${(await links.issue(admin, { scope: 'national' })).secret}`;
}

describe("the dashboard's live stream ends when its lifetime is up", () => {
  const h = useStreamServer({ heartbeatMs: 60_000, lifetimeMs: 300 });

  it('so that the browser opens it again and is checked anew', async () => {
    const stream = await openEvents(h.url, { cookie: await adminCookie(h.links) });
    await stream.ended();
    expect(h.streams.size).toBe(0);
  });
});

describe("the dashboard's live stream checks access at each heartbeat and catches a page up", () => {
  // a lifetime far past the test's own limit: only the heartbeat can end these streams
  const h = useStreamServer({ heartbeatMs: 30, lifetimeMs: 10 * 60_000 });

  it('ends a stream at the next heartbeat once its holder is no longer an administrator, with nothing changed', async () => {
    const stream = await openEvents(h.url, { cookie: await adminCookie(h.links) });
    h.administrators.delete('teams:aad-admin');
    try {
      await stream.ended();
    } finally {
      h.administrators.add('teams:aad-admin');
    }
  });

  it('sends a page every cell when the log moved on since it was drawn, and nothing when it did not', async () => {
    const statuses = new StatusRepository(h.store, clock);
    const by = { ...admin, name: 'Admin' };
    await statuses.record({ municipalityId: 'koege', taskId: 'bbr-adgangsstyring', step: 1, status: 'done', by });
    const cookie = await adminCookie(h.links);
    // drawn at position 0: the page missed the report, and is sent it first
    const behind = await openEvents(`${h.url}?since=0`, { cookie });
    const caughtUp = await behind.next();
    expect(caughtUp.cells.map((cell) => cell.id)).toEqual(['c-koege-bbr-adgangsstyring-1']);
    expect(caughtUp.id).toBe('1');
    // drawn at the present position: only what comes next
    const current = await openEvents(`${h.url}?since=1`, { cookie });
    await statuses.record({ municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 2, status: 'started', by });
    const next = await current.next();
    expect(next.cells.map((cell) => cell.id)).toEqual(['c-aarhus-bbr-adgangsstyring-2']);
    expect(next.id).toBe('2');
    behind.close();
    current.close();
  });
});
