import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { StatusWatch, type StandingChange } from '../../src/dashboard/live.js';
import { openPostgresStore } from '../../src/state/postgres/postgres-store.js';
import { StatusRepository, type StatusUpdate } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { freshDatabase, hasPostgres } from '../support/postgres.js';

const clock = createFixedClock(DateTime.fromISO('2018-10-01T10:00:00+02:00'));
const by = { channel: 'teams', userId: 'aad-mette', name: 'Mette' };
const opened: Store[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close().catch(() => undefined)));
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fileStore(): Promise<Store> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-watch-'));
  folders.push(dir);
  const store = await openStore(path.join(dir, 'klikbot.json'));
  opened.push(store);
  return store;
}

describe('StatusWatch', () => {
  it('tells each watcher the standings that changed, once, and nothing when nothing did', async () => {
    const store = await fileStore();
    const statuses = new StatusRepository(store, clock);
    await statuses.record({ municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 1, status: 'done', by });
    const watch = new StatusWatch(store, 60_000);
    const heard: StandingChange[][] = [];
    const stop = watch.watch((changes) => heard.push([...changes]));
    watch.check();
    expect(heard).toEqual([]);

    const update = (await statuses.record({
      municipalityId: 'koege',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'started',
      by,
    })) as StatusUpdate;
    watch.check();
    watch.check();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject([
      { municipalityId: 'koege', taskId: 'bbr-adgangsstyring', step: 3, standing: { status: 'started' } },
    ]);

    await statuses.undo(update.id, by);
    watch.check();
    expect(heard[1]).toMatchObject([{ municipalityId: 'koege', standing: { status: 'not-started' } }]);
    expect(heard[1]![0]!.standing?.inForce).toBeUndefined();
    stop();
  });

  it('looks at the state only while someone watches', async () => {
    const store = await fileStore();
    let reads = 0;
    const counting = { read: () => ((reads += 1), store.read()) };
    vi.useFakeTimers();
    try {
      const watch = new StatusWatch(counting, 5);
      vi.advanceTimersByTime(100);
      expect(reads).toBe(0);
      const stop = watch.watch(() => undefined);
      vi.advanceTimersByTime(50);
      expect(reads).toBeGreaterThanOrEqual(10);
      stop();
      const after = reads;
      vi.advanceTimersByTime(1_000);
      expect(reads).toBe(after);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe.runIf(hasPostgres)('StatusWatch on one database shared by two instances', () => {
  it("shows one instance's board a status reported on the other", async () => {
    const url = await freshDatabase();
    const reporting = await openPostgresStore(url);
    const showing = await openPostgresStore(url);
    opened.push(reporting, showing);
    const watch = new StatusWatch(showing);
    const heard: StandingChange[] = [];
    const stop = watch.watch((changes) => heard.push(...changes));
    await new StatusRepository(reporting, clock).record({
      municipalityId: 'koege',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'done',
      by,
    });
    await expect.poll(() => heard.map((change) => change.municipalityId), { timeout: 2_000 }).toEqual(['koege']);
    stop();
  });
});
