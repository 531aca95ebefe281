import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { DashboardLinkRepository, DASHBOARD_LINK_DAYS } from '../../src/state/dashboard-links.js';
import { openPostgresStore } from '../../src/state/postgres/postgres-store.js';
import { openStore, type Store } from '../../src/state/store.js';
import { freshDatabase, hasPostgres } from '../support/postgres.js';

const admin = { channel: 'teams', userId: 'aad-admin', name: 'Admin' };
const lise = { channel: 'teams', userId: 'aad-lise', name: 'Lise' };
const start = DateTime.fromISO('2018-10-01T10:00:00+02:00');

const opened: Store[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close().catch(() => undefined)));
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Opens a store (again) at one place; `text` reads what it keeps there, for checking no secret is kept. */
interface Place {
  open(): Promise<Store>;
  text(store: Store): Promise<string>;
}

async function filePlace(): Promise<Place> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-links-'));
  folders.push(dir);
  const file = path.join(dir, 'klikbot.json');
  return {
    open: async () => remember(await openStore(file)),
    text: async () => {
      const journal = await readFile(`${file}.journal`, 'utf8').catch(() => '');
      return (await readFile(file, 'utf8').catch(() => '')) + journal;
    },
  };
}

async function databasePlace(): Promise<Place> {
  const url = await freshDatabase();
  return {
    open: async () => remember(await openPostgresStore(url, { listen: false })),
    text: async (store) => JSON.stringify(store.read()),
  };
}

function remember<T extends Store>(store: T): T {
  opened.push(store);
  return store;
}

const kinds: [string, () => Promise<Place>, boolean][] = [
  ['the file store', filePlace, true],
  ['the PostgreSQL store', databasePlace, hasPostgres],
];

for (const [name, place, runs] of kinds) {
  describe.runIf(runs)(`dashboard links on ${name}`, () => {
    it('opens what it was issued for until it ends, and keeps only a hash of the secret', async () => {
      const where = await place();
      const store = await where.open();
      const clock = createFixedClock(start);
      const links = new DashboardLinkRepository(store, clock);
      const { secret, link } = await links.issue(lise, { scope: 'municipality', municipalityId: 'koege' });
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(links.open(secret)).toMatchObject({ id: link.id, scope: 'municipality', municipalityId: 'koege' });
      expect(await where.text(store)).not.toContain(secret);
      expect(links.open(secret.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')))).toBeUndefined();
      expect(links.open('not a secret')).toBeUndefined();

      clock.set(start.plus({ days: DASHBOARD_LINK_DAYS, minutes: -1 }));
      expect(links.open(secret)).toBeDefined();
      clock.set(start.plus({ days: DASHBOARD_LINK_DAYS }));
      expect(links.open(secret)).toBeUndefined();
    });

    it('revokes one person’s links or every link, and the revocation holds after a reopen', async () => {
      const where = await place();
      const store = await where.open();
      const clock = createFixedClock(start);
      const links = new DashboardLinkRepository(store, clock);
      const mine = await links.issue(lise, { scope: 'municipality', municipalityId: 'koege' });
      const theirs = await links.issue(admin, { scope: 'national' });
      expect(await links.revoke(lise, lise)).toBe(1);
      expect(links.open(mine.secret)).toBeUndefined();
      expect(links.open(theirs.secret)).toBeDefined();
      expect(await links.revoke(lise, lise)).toBe(0);
      expect(await links.revoke(admin, undefined)).toBe(1);
      expect(links.open(theirs.secret)).toBeUndefined();
      await store.close();
      const again = new DashboardLinkRepository(await where.open(), clock);
      expect(again.open(theirs.secret)).toBeUndefined();
      expect(again.open(mine.secret)).toBeUndefined();
    });

    it('forgets links a month past their end when the next is issued, so the list does not grow with the years', async () => {
      const store = await (await place()).open();
      const clock = createFixedClock(start);
      const links = new DashboardLinkRepository(store, clock);
      await links.issue(lise, { scope: 'municipality', municipalityId: 'koege' });
      clock.set(start.plus({ days: DASHBOARD_LINK_DAYS + 29 }));
      await links.issue(lise, { scope: 'municipality', municipalityId: 'koege' });
      expect(store.read().dashboardLinks).toHaveLength(2);
      clock.set(start.plus({ days: DASHBOARD_LINK_DAYS + 31 }));
      await links.issue(lise, { scope: 'municipality', municipalityId: 'koege' });
      expect(store.read().dashboardLinks).toHaveLength(2);
    });
  });
}

describe.runIf(hasPostgres)('dashboard links on one database shared by two instances', () => {
  it('opens a link issued by the other instance, and stops once the other revoked it', async () => {
    const url = await freshDatabase();
    const clock = createFixedClock(start);
    const first = new DashboardLinkRepository(remember(await openPostgresStore(url)), clock);
    const secondStore = remember(await openPostgresStore(url));
    const second = new DashboardLinkRepository(secondStore, clock);
    const { secret } = await first.issue(admin, { scope: 'national' });
    await expect.poll(() => second.open(secret)).toBeDefined();
    await first.revoke(admin, undefined);
    await expect.poll(() => second.open(secret)).toBeUndefined();
  });
});
