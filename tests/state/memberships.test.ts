import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { openStore, type Store } from '../../src/state/store.js';

let dir: string;
let store: Store;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-memberships-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  clock.set(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('MembershipRepository', () => {
  it('links a person to a municipality with the time from the clock, and keeps it on disk', async () => {
    const repo = new MembershipRepository(store, clock);
    expect(await repo.set('slack', 'U1', 'aarhus')).toEqual({});
    expect(repo.get('slack', 'U1')).toEqual({ channel: 'slack', userId: 'U1', municipalityId: 'aarhus', since: '2018-09-06T10:00:00.000+02:00' });
    const onDisk = JSON.parse(await readFile(store.filePath, 'utf8')) as { memberships: unknown[] };
    expect(onDisk.memberships).toHaveLength(1);
    expect(new MembershipRepository(await openStore(store.filePath), clock).get('slack', 'U1')?.municipalityId).toBe('aarhus');
  });

  it('keeps one municipality per person: a new one replaces the old and says which it was', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('teams', 'aad-1', 'aarhus');
    clock.set(DateTime.fromISO('2018-09-07T09:00:00+02:00'));
    expect(await repo.set('teams', 'aad-1', 'odense')).toEqual({ previous: 'aarhus' });
    expect(store.read().memberships).toEqual([{ channel: 'teams', userId: 'aad-1', municipalityId: 'odense', since: '2018-09-07T09:00:00.000+02:00' }]);
  });

  it('leaves `since` alone when the same municipality is set again', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('slack', 'U1', 'aarhus');
    clock.set(DateTime.fromISO('2018-09-08T09:00:00+02:00'));
    expect(await repo.set('slack', 'U1', 'aarhus')).toEqual({ previous: 'aarhus' });
    expect(repo.get('slack', 'U1')?.since).toBe('2018-09-06T10:00:00.000+02:00');
  });

  it('tells people apart by channel: the same id in Slack and Teams are two people', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('slack', 'X', 'aarhus');
    await repo.set('teams', 'X', 'koege');
    expect(repo.get('slack', 'X')?.municipalityId).toBe('aarhus');
    expect(repo.get('teams', 'X')?.municipalityId).toBe('koege');
    expect(repo.get('web', 'X')).toBeUndefined();
  });

  it('gives two people who join at the same moment one membership each', async () => {
    const repo = new MembershipRepository(store, clock);
    await Promise.all([repo.set('slack', 'U1', 'aarhus'), repo.set('slack', 'U1', 'odense'), repo.set('slack', 'U2', 'koege')]);
    expect(store.read().memberships.map((m) => `${m.userId}:${m.municipalityId}`)).toEqual(['U1:odense', 'U2:koege']);
  });

  it('refuses a state with two memberships for one person', async () => {
    await expect(
      store.update((draft) => {
        const since = '2018-09-06T10:00:00.000+02:00';
        draft.memberships.push({ channel: 'slack', userId: 'U1', municipalityId: 'aarhus', since }, { channel: 'slack', userId: 'U1', municipalityId: 'odense', since });
      }),
    ).rejects.toThrow(/duplicate membership slack\/U1/);
    expect(store.read().memberships).toEqual([]);
  });
});
