/**
 * How much memory klikbot holds as questions accumulate: the real entry point started as its
 * own process as `npm start` runs it (compiled; local mode, the file store), then 100,000 questions over HTTP from 10,000
 * conversations, 20 in flight; the process's resident memory (VmRSS) after every 10,000.
 * Target: ≤ 200 MB at the end.
 *
 *   npm run bench:memory
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { messageActivity, postMessages } from '../tests/support/bot-framework.js';
import { compiledStart, spawnBot, waitForListening } from '../tests/support/child-bot.js';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const CONVERSATIONS = 10_000;
const IN_FLIGHT = 20;
const SAMPLE_EVERY = QUESTIONS / 10;
const ASKED = [
  'hvornår er deadline for BBR?',
  'hvem er FK-administrator?',
  'hvad er status på trin 3?',
  'hvilke strategier er der for Organisation?',
  'hvornår er næste programledermøde?',
];

async function residentMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kilobytes / 1024);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-bench-memory-'));
// the compiled entry point, as `npm start` runs it (tsx would add its own memory)
execFileSync(process.execPath, ['scripts/build-if-changed.mjs'], { stdio: 'inherit' });
const bot = spawnBot(
  { KLIKBOT_DB: path.join(dir, 'state.json'), KLIKBOT_NOW: '2018-09-06T10:00:00+02:00', LOG_LEVEL: 'info' },
  compiledStart((process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)),
);
try {
  const url = await waitForListening(bot);
  const pid = bot.process.pid!;
  const curve = [`start: ${await residentMegabytes(pid)} MB`];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < QUESTIONS) {
      const n = next++;
      const conversation = `bench-${n % CONVERSATIONS}`;
      const response = await postMessages(
        url,
        messageActivity(ASKED[n % ASKED.length]!, {
          conversation: { id: conversation },
          from: { id: `user-${n % CONVERSATIONS}`, name: 'Bench' },
        }),
      );
      await response.text();
      if (response.status !== 200) throw new Error(`question ${n}: HTTP ${response.status}`);
      if ((n + 1) % SAMPLE_EVERY === 0)
        curve.push(`${(n + 1).toLocaleString('en')}: ${await residentMegabytes(pid)} MB`);
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => worker()));
  console.log(`resident memory (VmRSS) after questions from ${CONVERSATIONS.toLocaleString('en')} conversations:`);
  console.log(curve.join('\n'));
} finally {
  bot.process.kill('SIGTERM');
  await bot.exited;
  await rm(dir, { recursive: true, force: true });
}
