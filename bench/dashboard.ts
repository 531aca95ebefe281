/**
 * The dashboard with a year of history: the status board (98 municipalities × 13 tasks and
 * steps) drawn on the server, in-process, beside the chat's status export of the same state as
 * a baseline; then the board and the progress page loaded in Debian's Chromium, beside the web
 * chat's page on the same server. Targets (issue 20): the board drawn in ≤ 50 ms, loaded in ≤ 1 s.
 *
 * Run: npm run bench:dashboard [-- --updates 10000]
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { boardColumns, boardOf } from '../src/dashboard/board.js';
import { boardPage } from '../src/dashboard/board-page.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { startKlikbot } from '../src/main.js';
import type { StatusUpdate, TaskStatus } from '../src/state/schema.js';
import { openStore } from '../src/state/store.js';
import { statusCsv } from '../src/status/export-csv.js';

const { values } = parseArgs({ options: { updates: { type: 'string', default: '10000' } } });
const UPDATES = Number(values.updates);
const RENDER_RUNS = 200;
const LOADS = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

const knowledge = await loadKnowledge('data/knowledge');
const dir = await mkdtemp(path.join(tmpdir(), 'klikbot-bench-dashboard-'));
const statePath = path.join(dir, 'klikbot.json');

// a year of reports: every municipality moving through every task and step, some undone
const columns = boardColumns(knowledge);
const statuses: TaskStatus[] = ['started', 'done', 'not-started'];
const yearStart = DateTime.fromISO('2018-09-04T09:00:00+02:00');
const updates: StatusUpdate[] = Array.from({ length: UPDATES }, (_, index) => {
  const municipality = knowledge.municipalities[index % knowledge.municipalities.length]!;
  const column = columns[Math.floor(index / knowledge.municipalities.length) % columns.length]!;
  return {
    id: randomUUID(),
    municipalityId: municipality.id,
    taskId: column.taskId,
    ...(column.step !== undefined ? { step: column.step } : {}),
    status: statuses[index % 3]!,
    previous: 'not-started',
    by: { channel: 'teams', userId: `aad-${index % 300}`, name: `Programleder ${index % 300}` },
    at: yearStart.plus({ minutes: Math.floor((index * 525_600) / UPDATES) }).toISO()!,
    ...(index % 17 === 0 ? { undoneAt: yearStart.plus({ minutes: index * 50 + 5 }).toISO()! } : {}),
  };
});
const store = await openStore(statePath);
await store.update((draft) => void draft.statusUpdates.push(...updates));
const state = store.read();

const viewer = { sees: 'national', via: 'local' } as const;
const filter = { sort: 'name' as const };
/** The board drawn from a state: the model and the page. */
const drawBoard = (from: Pick<typeof state, 'statusUpdates'>) =>
  boardPage(knowledge, boardOf(knowledge, from, filter, viewer), filter, { language: 'da', viewer });

const fresh: number[] = [];
const again: number[] = [];
const baseline: number[] = [];
for (let run = 0; run < RENDER_RUNS; run += 1) {
  // alternating, so a slow moment of the machine falls on all three. A copy of the log that is
  // not frozen is worked out anew, as the first request after a change is; the frozen state
  // itself, as every request until the next change
  const changed = { statusUpdates: [...state.statusUpdates] };
  let started = performance.now();
  statusCsv(changed, knowledge);
  baseline.push(performance.now() - started);
  started = performance.now();
  drawBoard({ statusUpdates: [...state.statusUpdates] });
  fresh.push(performance.now() - started);
  started = performance.now();
  drawBoard(state);
  again.push(performance.now() - started);
}
await store.close();
const line = (times: number[]) => {
  const { p50, p95 } = summary(times.slice(10));
  return { p50, p95, text: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` };
};
const [drawnFresh, drawnAgain, exported] = [line(fresh), line(again), line(baseline)];
console.log(`state: ${UPDATES} status changes over a year, 98 municipalities × ${columns.length} tasks and steps`);
console.log(`the chat's status export of the same state (baseline, worked out anew): ${exported.text}`);
console.log(
  `board drawn on the server after a change: ${drawnFresh.text} (${(drawnFresh.p50 / exported.p50).toFixed(2)}× the export)`,
);
console.log(
  `board drawn again, no change since: ${drawnAgain.text} (${(drawnAgain.p50 / exported.p50).toFixed(2)}× the export)`,
);

const bot = await startKlikbot(
  loadConfig({ PORT: '0', LOG_LEVEL: 'silent', KLIKBOT_DB: statePath, KLIKBOT_REMINDER_TICK_SECONDS: '0' }),
);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();

/** Navigation start to the load event, in ms, for a fresh page (the files cached after the first). */
async function loadTime(url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const time = await page.evaluate(() => {
    type Timing = { loadEventEnd: number; startTime: number };
    const timing = (globalThis as unknown as { performance: { getEntriesByType(type: string): Timing[] } }).performance;
    const [entry] = timing.getEntriesByType('navigation');
    return entry ? entry.loadEventEnd - entry.startTime : Number.NaN;
  });
  await page.close();
  return time;
}

const loads: Record<string, number[]> = { chat: [], board: [], progress: [] };
for (let run = 0; run < LOADS + 1; run += 1) {
  const chat = await loadTime(`${bot.url}/`);
  const board = await loadTime(`${bot.url}/dashboard`);
  const progress = await loadTime(`${bot.url}/dashboard/fremdrift`);
  // the first round fills the browser's cache; it is not counted
  if (run === 0) continue;
  loads.chat!.push(chat);
  loads.board!.push(board);
  loads.progress!.push(progress);
}
for (const [name, times] of Object.entries(loads)) {
  const { p50, p95 } = summary(times);
  const label = { chat: 'the web chat page (baseline)', board: 'the status board', progress: 'the progress chart' }[
    name
  ];
  console.log(
    `loaded in Chromium, ${label}: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (${times.length} loads)`,
  );
}
await browser.close();
await bot.close();
await rm(dir, { recursive: true, force: true });
