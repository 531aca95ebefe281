import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { StatusRepository, type StatusChange } from '../../src/state/statuses.js';
import { openStore, type FileStore } from '../../src/state/store.js';
import { recorded } from '../support/recorded.js';

let dir: string;
let store: FileStore;
let repo: StatusRepository;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
const anna = { channel: 'slack', userId: 'U1', name: 'Anna', conversationId: 'C1' };
const admin = { channel: 'teams', userId: 'aad-admin' };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-statuses-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  clock.set(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
  repo = new StatusRepository(store, clock);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const change = (status: StatusChange['status'], overrides: Partial<StatusChange> = {}): StatusChange => ({
  municipalityId: 'aarhus',
  taskId: 'bbr-adgangsstyring',
  step: 3,
  status,
  by: anna,
  ...overrides,
});

describe('StatusRepository.record', () => {
  it('records nothing when the status is already in force, even for identical saves at the same moment', async () => {
    expect(await repo.record(change('not-started'))).toBe('unchanged');
    const results = await Promise.all(Array.from({ length: 5 }, () => repo.record(change('started'))));
    expect(results.filter((result) => result !== 'unchanged')).toHaveLength(1);
    expect(store.read().statusUpdates).toHaveLength(1);
  });

  it('records who, when, from where, the old and the new value; the default is not started', async () => {
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('not-started');
    const update = recorded(await repo.record(change('started')));
    expect(update.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(update).toEqual({
      id: update.id,
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'started',
      previous: 'not-started',
      by: anna,
      at: '2018-09-06T10:00:00.000+02:00',
    });
    expect(store.read().statusUpdates).toEqual([update]);
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('started');
  });

  it('keeps municipalities, tasks and steps apart; a task without steps has no step', async () => {
    await repo.record(change('done'));
    await repo.record(change('started', { municipalityId: 'odense' }));
    await repo.record(change('started', { taskId: 'udpeg-fk-adm-og-fk-ansv', step: undefined }));
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 4)).toBe('not-started');
    expect(repo.current('aarhus', 'bbr-adgangsstyring')).toBe('not-started');
    expect(repo.current('odense', 'bbr-adgangsstyring', 3)).toBe('started');
    expect(repo.current('aarhus', 'udpeg-fk-adm-og-fk-ansv')).toBe('started');
    expect(store.read().statusUpdates[2]).not.toHaveProperty('step');
  });

  it('chains `previous` through updates made at the same moment', async () => {
    const statuses = ['started', 'done', 'not-started', 'done', 'started'] as const;
    const updates = (await Promise.all(statuses.map((status) => repo.record(change(status))))).map(recorded);
    expect(updates.map((u) => u.previous)).toEqual(['not-started', 'started', 'done', 'not-started', 'done']);
    expect(new Set(updates.map((u) => u.id)).size).toBe(5);
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('started');
  });

  it('writes nothing for a change the state schema refuses', async () => {
    await expect(repo.record(change('finished' as 'done'))).rejects.toThrow(/does not match the expected layout/);
    await expect(repo.record(change('done', { step: 0 }))).rejects.toThrow(/does not match the expected layout/);
    expect(store.read().statusUpdates).toEqual([]);
  });
});

describe('StatusRepository.undo', () => {
  it('restores the previous status by marking the update undone, with who and when', async () => {
    await repo.record(change('started'));
    const done = recorded(await repo.record(change('done')));
    clock.set(DateTime.fromISO('2018-09-06T10:05:00+02:00'));
    const undone = await repo.undo(done.id, admin);
    expect(undone).toMatchObject({
      id: done.id,
      status: 'done',
      previous: 'started',
      undoneAt: '2018-09-06T10:05:00.000+02:00',
      undoneBy: admin,
    });
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('started');
    expect(store.read().statusUpdates).toHaveLength(2);
  });

  it('refuses an unknown id, an update undone already and one a later update superseded', async () => {
    const first = recorded(await repo.record(change('started')));
    const second = recorded(await repo.record(change('done')));
    expect(await repo.undo('00000000-0000-4000-8000-000000000000', anna)).toBe('not-found');
    expect(await repo.undo(first.id, anna)).toBe('superseded');
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
    await repo.undo(second.id, anna);
    expect(await repo.undo(second.id, anna)).toBe('already-undone');
  });

  it('walks back one update at a time, and a new update after an undo chains from the restored status', async () => {
    const first = recorded(await repo.record(change('started')));
    const second = recorded(await repo.record(change('done')));
    await repo.undo(second.id, anna);
    expect(await repo.undo(first.id, anna)).toMatchObject({ id: first.id });
    expect(repo.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('not-started');
    expect(recorded(await repo.record(change('done'))).previous).toBe('not-started');
  });

  it('lets only one of two simultaneous undos of the same update win', async () => {
    const update = recorded(await repo.record(change('done')));
    const results = await Promise.all([repo.undo(update.id, anna), repo.undo(update.id, admin)]);
    expect(results[1]).toBe('already-undone');
    expect(store.read().statusUpdates[0]?.undoneBy).toEqual(anna);
  });

  it('does not let an update elsewhere supersede this one', async () => {
    const update = recorded(await repo.record(change('done')));
    await repo.record(change('done', { step: 4 }));
    await repo.record(change('done', { municipalityId: 'odense' }));
    expect(await repo.undo(update.id, anna)).toMatchObject({ id: update.id });
  });
});

describe('StatusRepository.history', () => {
  it('lists the latest updates newest first, undone ones included, up to the limit', async () => {
    const a = recorded(await repo.record(change('started')));
    clock.set(DateTime.fromISO('2018-09-07T10:00:00+02:00'));
    const b = recorded(await repo.record(change('done')));
    await repo.undo(b.id, anna);
    const c = recorded(await repo.record(change('done', { by: admin })));
    await repo.record(change('done', { step: 4 }));
    expect(repo.history('aarhus', 'bbr-adgangsstyring', 3, 10).map((u) => u.id)).toEqual([c.id, b.id, a.id]);
    expect(repo.history('aarhus', 'bbr-adgangsstyring', 3, 2).map((u) => u.id)).toEqual([c.id, b.id]);
    expect(repo.history('aarhus', 'bbr-adgangsstyring', 3, 0)).toEqual([]);
    expect(repo.history('aarhus', 'bbr-adgangsstyring', 3, 10)[1]?.undoneAt).toBe('2018-09-07T10:00:00.000+02:00');
  });

  it('survives a restart', async () => {
    const update = recorded(await repo.record(change('done')));
    const reopened = new StatusRepository(await openStore(store.filePath), clock);
    expect(reopened.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
    expect(reopened.get(update.id)).toEqual(update);
  });
});
