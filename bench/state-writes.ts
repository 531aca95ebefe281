/**
 * What one status update costs as the history grows: the state starts with 0, 10,000 and
 * 50,000 status updates (and a vote per ten of them), then 60 updates are recorded one after
 * the other through the StatusRepository, each acknowledged only once it is durable. Prints
 * the median and the slowest per size. Target: median ≤ 20 ms at 50,000.
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
import { openStore } from '../src/state/store.js';

const SIZES = [0, 10_000, 50_000];
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

async function measure(size: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-bench-writes-'));
  try {
    const file = path.join(dir, 'klikbot.json');
    const text = JSON.stringify(history(size));
    await writeFile(file, text);
    const store = await openStore(file);
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
    return `file store, ${size.toLocaleString('en')} history entries (${megabytes} MB): median ${median(times).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const size of SIZES) console.log(await measure(size));
