import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import type { StatusUpdate } from '../../src/state/schema.js';
import { standingKey, standingsOf, StatusRepository } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { recorded } from '../support/recorded.js';

const mette = { channel: 'slack', userId: 'U1', name: 'Mette' };
const admin = { channel: 'teams', userId: 'aad-admin' };

function update(id: number, fields: Partial<StatusUpdate>): StatusUpdate {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    municipalityId: 'aarhus',
    taskId: 'bbr-adgangsstyring',
    step: 3,
    status: 'done',
    previous: 'not-started',
    by: mette,
    at: '2018-10-02T10:00:00.000+02:00',
    ...fields,
  };
}

describe('standingsOf: where each municipality × task × step stands', () => {
  it('takes the last update not undone as the status in force', () => {
    const log = [
      update(1, { status: 'started' }),
      update(2, { status: 'done', previous: 'started', undoneAt: '2018-10-02T11:00:00.000+02:00', undoneBy: admin }),
    ];
    const standing = standingsOf(log).get(standingKey('aarhus', 'bbr-adgangsstyring', 3));
    expect(standing?.status).toBe('started');
    expect(standing?.inForce?.id).toBe(log[0]!.id);
    expect(standing?.lastChange).toEqual({ at: '2018-10-02T11:00:00.000+02:00', by: admin });
  });

  it('counts a target whose every update was undone as not started and not reported, keeping the undo as last change', () => {
    const log = [update(1, { undoneAt: '2018-10-03T08:00:00.000+02:00', undoneBy: mette })];
    const standing = standingsOf(log).get(standingKey('aarhus', 'bbr-adgangsstyring', 3));
    expect(standing).toMatchObject({ status: 'not-started', lastChange: { at: '2018-10-03T08:00:00.000+02:00' } });
    expect(standing?.inForce).toBeUndefined();
  });

  it('compares instants, not their text, across the end of summer time', () => {
    // 01:30+02:00 is 23:30 UTC; the undo at 01:10+01:00 is 00:10 UTC, forty minutes later
    const log = [
      update(1, { at: '2018-10-28T01:30:00.000+02:00', undoneAt: '2018-10-28T01:10:00.000+01:00', undoneBy: admin }),
    ];
    expect(standingsOf(log).get(standingKey('aarhus', 'bbr-adgangsstyring', 3))?.lastChange.by).toEqual(admin);
  });

  it('keeps a task without steps apart from the steps of a task', () => {
    const log = [update(1, { step: undefined, taskId: 'udpeg-fk-adm-og-fk-ansv', status: 'started' }), update(2, {})];
    const standings = standingsOf(log);
    expect(standings.get(standingKey('aarhus', 'udpeg-fk-adm-og-fk-ansv'))?.status).toBe('started');
    expect(standings.get(standingKey('aarhus', 'udpeg-fk-adm-og-fk-ansv', 3))).toBeUndefined();
    expect(standings.size).toBe(2);
  });
});

describe('StatusRepository.changes: a municipality’s recent changes', () => {
  let dir: string;
  let store: Store;
  let repo: StatusRepository;
  const clock = createFixedClock(DateTime.fromISO('2018-10-02T10:00:00+02:00'));

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-changes-'));
    store = await openStore(path.join(dir, 'klikbot.json'));
    repo = new StatusRepository(store, clock);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the newest first, undone ones included, narrowed to a task or a step, at most `limit`', async () => {
    const record = (taskId: string, step: number | undefined, status: 'started' | 'done', municipalityId = 'aarhus') =>
      repo
        .record({ municipalityId, taskId, ...(step !== undefined ? { step } : {}), status, by: mette })
        .then(recorded);
    const first = await record('bbr-adgangsstyring', 3, 'started');
    const second = await record('bbr-adgangsstyring', 4, 'started');
    const third = await record('udpeg-fk-adm-og-fk-ansv', undefined, 'done');
    await record('bbr-adgangsstyring', 3, 'done', 'koege');
    const fourth = await record('bbr-adgangsstyring', 3, 'done');
    await repo.undo(fourth.id, mette);
    expect(repo.changes('aarhus', 10).map((u) => u.id)).toEqual([fourth.id, third.id, second.id, first.id]);
    expect(repo.changes('aarhus', 10)[0]?.undoneAt).toBeDefined();
    expect(repo.changes('aarhus', 2).map((u) => u.id)).toEqual([fourth.id, third.id]);
    expect(repo.changes('aarhus', 10, { taskId: 'bbr-adgangsstyring' }).map((u) => u.id)).toEqual([
      fourth.id,
      second.id,
      first.id,
    ]);
    expect(repo.changes('aarhus', 10, { taskId: 'bbr-adgangsstyring', step: 3 }).map((u) => u.id)).toEqual([
      fourth.id,
      first.id,
    ]);
    expect(repo.changes('aarhus', 0)).toEqual([]);
    expect(repo.standings().get(standingKey('aarhus', 'bbr-adgangsstyring', 3))?.status).toBe('started');
  });
});
