/**
 * The question path over HTTP beside a bare botbuilder echo bot, in one run: the compiled
 * klikbot (as `npm start` runs it; local mode, the file store) and bench/echo-bot.ts each run
 * as their own process, and this process asks both the same questions over keep-alive
 * connections, CONNECTIONS at a time, each connection sending its next question as soon as
 * the answer is read; the questions are the labelled set's, in turn. Rounds of ROUND_MS alternate between the two (echo, klikbot, klikbot,
 * echo, …) so that whatever else the shared machine does falls on both alike.
 * Targets: klikbot's throughput ≥ 0.8× the echo bot's, its p99 ≤ 1.25× the echo bot's p99.
 *
 *   npm run bench:echo
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { messageActivity } from '../tests/support/bot-framework.js';
import { compiledStart, spawnBot, waitForListening, type ChildBot } from '../tests/support/child-bot.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 8_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP_MS = 3_000;
const CONVERSATIONS = 1_000;
// the labelled questions people ask (tests/understanding/questions.json), all but those that
// change something (a status, a membership, a reminder): this is the question path
const CHANGING = /^(status\.update|membership\.set|reminder\.(subscribe|unsubscribe|snooze))$/;
const labelled = JSON.parse(readFileSync('tests/understanding/questions.json', 'utf8')) as {
  questions: { text: string; intent: string }[];
};
const ASKED = labelled.questions.filter((question) => !CHANGING.test(question.intent)).map((q) => q.text);

interface Round {
  answered: number;
  failed: number;
  latencies: number[];
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * The Bot Connector's stand-in on loopback: Teams takes a bot's replies as POSTs to the
 * connector, so both bots answer the way they would in Teams. It only counts and says 200.
 */
async function startConnector(): Promise<{ url: string; replies: () => number; close: () => Promise<void> }> {
  let replies = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      replies++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `reply-${replies}` }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    replies: () => replies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let asked = 0;
/** Every 200 counted, warm-up rounds included: each must have sent its reply to the connector. */
let answeredInAll = 0;
function nextQuestion(serviceUrl: string): string {
  const n = asked++;
  return JSON.stringify(
    messageActivity(ASKED[n % ASKED.length]!, {
      conversation: { id: `bench-${n % CONVERSATIONS}` },
      from: { id: `user-${n % CONVERSATIONS}`, name: 'Bench' },
      serviceUrl,
      deliveryMode: 'normal',
    }),
  );
}

async function round(url: string, serviceUrl: string, ms: number): Promise<Round> {
  const result: Round = { answered: 0, failed: 0, latencies: [], ms };
  const start = performance.now();
  async function connection(): Promise<void> {
    while (performance.now() - start < ms) {
      const sent = performance.now();
      const status = await post(url, nextQuestion(serviceUrl));
      if (status === 200) {
        result.answered++;
        answeredInAll++;
        result.latencies.push(performance.now() - sent);
      } else result.failed++;
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, () => connection()));
  result.ms = performance.now() - start;
  return result;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(rounds: Round[]): { perSecond: number; p50: number; p99: number; failed: number } {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const answered = rounds.reduce((sum, r) => sum + r.answered, 0);
  const ms = rounds.reduce((sum, r) => sum + r.ms, 0);
  return {
    perSecond: (answered / ms) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
  };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-bench-echo-'));
const connector = await startConnector();
execFileSync(process.execPath, ['scripts/build-if-changed.mjs'], { stdio: 'inherit' });
const bots: ChildBot[] = [
  spawnBot(
    { KLIKBOT_DB: path.join(dir, 'state.json'), KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' },
    compiledStart((process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)),
  ),
  spawnBot({}, { command: process.execPath, args: ['--import', 'tsx', 'bench/echo-bot.ts'] }),
];
try {
  const [klikbot, echo] = await Promise.all(bots.map((bot) => waitForListening(bot)));
  const rounds: Record<'klikbot' | 'echo', Round[]> = { klikbot: [], echo: [] };
  await round(echo!, connector.url, WARMUP_MS);
  await round(klikbot!, connector.url, WARMUP_MS);
  for (let i = 0; i < ROUNDS; i++) {
    // echo, klikbot, klikbot, echo, …: neither always goes first
    const order = i % 2 === 0 ? (['echo', 'klikbot'] as const) : (['klikbot', 'echo'] as const);
    for (const name of order)
      rounds[name].push(await round(name === 'echo' ? echo! : klikbot!, connector.url, ROUND_MS));
  }
  // a 200 without a reply would count work that was never done
  if (connector.replies() < answeredInAll)
    throw new Error(
      `${answeredInAll} questions answered 200, but only ${connector.replies()} replies reached the connector`,
    );
  const e = summary(rounds.echo);
  const k = summary(rounds.klikbot);
  const line = (name: string, s: typeof e): string =>
    `${name.padEnd(8)} ${s.perSecond.toFixed(0).padStart(6)} answers/s   p50 ${s.p50.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   failed ${s.failed}`;
  console.log(
    `${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_MS / 1000} s each, alternating; 1-minute load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(line('echo', e));
  console.log(line('klikbot', k));
  const throughput = k.perSecond / e.perSecond;
  const p99 = k.p99 / e.p99;
  console.log(
    `klikbot / echo: throughput ${throughput.toFixed(2)}× (target ≥ 0.80×), p99 ${p99.toFixed(2)}× (target ≤ 1.25×): ${
      throughput >= 0.8 && p99 <= 1.25 ? 'met' : 'not met'
    }`,
  );
} finally {
  for (const bot of bots) bot.process.kill('SIGTERM');
  await Promise.all(bots.map((bot) => bot.exited));
  agent.destroy();
  await connector.close();
  await rm(dir, { recursive: true, force: true });
}
