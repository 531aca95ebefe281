/**
 * How long a question takes through the whole stack (HTTP → CloudAdapter → router →
 * knowledge queries → card rendering → expectReplies body), against the cheapest request
 * the same server answers (GET /healthz) measured in the same run. Reported as ratios,
 * because this machine is shared and absolute times wander.
 *
 * Run: npm run bench
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { startKlikbot } from '../src/main.js';
import { messageActivity } from '../tests/support/bot-framework.js';

const ROUNDS = 400;
const WARMUP = 50;
const questions = [
  'hvornår er deadline for at udpege FK-ansvarlig?',
  'hvilke deadlines kommer nu?',
  'hvad laver en rolleadministrator?',
  'hvad er trinene i BBR på Adgangsstyring?',
  'hvad koster en licens til SAPA?',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(request: (round: number) => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    const started = performance.now();
    const response = await request(round);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    if (round >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const dir = await mkdtemp(path.join(tmpdir(), 'klikbot-bench-'));
const bot = await startKlikbot(
  loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    KLIKBOT_DB: path.join(dir, 'state.json'),
    KLIKBOT_NOW: '2018-09-06T10:00:00+02:00',
  }),
);
try {
  const baseline = await measure(() => fetch(`${bot.url}/healthz`));
  const answers = await measure((round) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity(questions[round % questions.length] ?? '')),
    }),
  );
  const row = (name: string, times: number[]) =>
    `${name.padEnd(28)} p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(times, 99).toFixed(2).padStart(7)} ms`;
  console.log(`${ROUNDS} sequential requests each, after ${WARMUP} warm-up`);
  console.log(row('GET /healthz (baseline)', baseline));
  console.log(row('POST /api/messages (answer)', answers));
  console.log(
    `ratio answer/baseline: p50 ${(percentile(answers, 50) / percentile(baseline, 50)).toFixed(1)}×, p99 ${(percentile(answers, 99) / percentile(baseline, 99)).toFixed(1)}×`,
  );
} finally {
  await bot.close();
}
