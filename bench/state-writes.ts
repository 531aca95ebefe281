/**
 * What one status update costs as the history grows: the state starts with 0, 10,000 and
 * 50,000 status updates (and a vote per ten of them), then 60 updates are recorded one after
 * the other through the StatusRepository, each acknowledged only once it is durable. Prints
 * the median and the slowest per size, for the file store and for PostgreSQL (a throwaway
 * server the bench starts, as the tests do; skipped without PostgreSQL). Target: median
 * ≤ 20 ms at 50,000 on the file store.
 *
 *   npm run bench:writes
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { createFixedClock } from '../src/clock.js';
import { emptyState, type State, type StatusUpdate } from '../src/state/schema.js';
import { StatusRepository } from '../src/state/statuses.js';
import { openPostgresStore } from '../src/state/postgres/postgres-store.js';
import { openStore, type Store } from '../src/state/store.js';
import { freshDatabase, hasPostgres } from '../tests/support/postgres.js';

const SIZES = [0, 10_000, 50_000];
// the database syncs its writes as a real one does (the tests' server does not)
process.env.KLIKBOT_PG_FSYNC = 'on';
const UPDATES = 60;
const by = { channel: 'msteams', userId: 'bench', name: 'Bench' };
const at = '2018-09-06T10:00:00.000+02:00';

function history(size: number): State {
  const state = emptyState();
  const statuses = ['not-started', 'started', 'done'] as const;
  for (let index = 0; index < size; index += 1) {
    const update: StatusUpdate = {
      id: randomUUID(),
      municipalityId: `kommune-${index % 98}`,
      taskId: `task-${index % 13}`,
      status: statuses[(index + 1) % 3]!,
      previous: statuses[index % 3]!,
      by,
      at,
    };
    state.statusUpdates.push(update);
    if (index % 10 === 0) state.votes.push({ pollId: randomUUID(), voter: `v-${index}`, choices: ['a'], at });
  }
  return state;
}

function median(sorted: number[]): number {
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function openFilled(kind: 'file' | 'postgres', state: State, dir: string): Promise<Store> {
  if (kind === 'file') {
    const file = path.join(dir, 'klikbot.json');
    await writeFile(file, JSON.stringify(state));
    return openStore(file);
  }
  const url = await freshDatabase();
  const filling = await openPostgresStore(url, { listen: false });
  await filling.update((draft) => {
    draft.statusUpdates = state.statusUpdates;
    draft.votes = state.votes;
  });
  await filling.close();
  return openPostgresStore(url, { listen: false });
}

async function measure(kind: 'file' | 'postgres', size: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-bench-writes-'));
  try {
    const state = history(size);
    const text = JSON.stringify(state);
    const store = await openFilled(kind, state, dir);
    const statuses = new StatusRepository(store, createFixedClock(DateTime.fromISO(at)));
    const times: number[] = [];
    for (let index = 0; index < UPDATES; index += 1) {
      const started = performance.now();
      await statuses.record({
        municipalityId: 'aarhus',
        taskId: 'bench-task',
        status: index % 2 === 0 ? 'done' : 'started',
        by,
      });
      times.push(performance.now() - started);
    }
    await store.close();
    times.sort((a, b) => a - b);
    const megabytes = (Buffer.byteLength(text) / 1e6).toFixed(1);
    return `${kind === 'file' ? 'file store' : 'PostgreSQL'}, ${size.toLocaleString('en')} history entries (${megabytes} MB): median ${median(times).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const size of SIZES) console.log(await measure('file', size));
if (hasPostgres) for (const size of SIZES) console.log(await measure('postgres', size));
else console.log('PostgreSQL skipped: not installed here');
process.exit(0);
