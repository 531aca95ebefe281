/**
 * Time from `npm start` to "klikbot listening" on an unchanged tree (the build is skipped), side
 * by side with node started on the compiled entry directly and with a bare node HTTP server, in
 * alternating rounds so that the machine's noise falls on all three alike.
 *
 *   npm run build && npm run bench:start
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compiledStart } from '../tests/support/child-bot.js';

const ROUNDS = 7;

interface Variant {
  name: string;
  command: string;
  args: string[];
  /** The line that says it is listening. */
  ready: RegExp;
}

const variants: Variant[] = [
  { name: 'npm start (unchanged tree)', command: 'npm', args: ['start'], ready: /"msg":"klikbot listening"/ },
  {
    name: 'node dist/src/index.js',
    ...compiledStart(),
    ready: /"msg":"klikbot listening"/,
  },
  {
    name: 'bare node HTTP server (baseline)',
    command: process.execPath,
    args: ['-e', "require('node:http').createServer().listen(0, '127.0.0.1', () => console.log('listening'))"],
    ready: /^listening$/m,
  },
];

/** Milliseconds from spawn to the ready line; the process is stopped with SIGTERM and awaited. */
async function timeStart(variant: Variant, statePath: string): Promise<number> {
  const started = performance.now();
  const child = spawn(variant.command, variant.args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', KLIKBOT_DB: statePath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (variant.ready.test(out)) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`${variant.name} exited (${code}) before it listened:\n${out}`)));
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  await exited;
  return ready;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-bench-start-'));
try {
  const times = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  // one unmeasured round, so a stale build is compiled before anything is timed
  for (const variant of variants) await timeStart(variant, path.join(dir, 'state.json'));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const variant of variants)
      times.get(variant.name)!.push(await timeStart(variant, path.join(dir, 'state.json')));
  }
  const baseline = median(times.get(variants[2]!.name)!);
  for (const variant of variants) {
    const all = times.get(variant.name)!;
    const mid = median(all);
    console.log(
      `${variant.name.padEnd(34)} median ${mid.toFixed(0).padStart(5)} ms  (min ${Math.min(...all).toFixed(0)}, max ${Math.max(...all).toFixed(0)})  ${(mid / baseline).toFixed(1)}× baseline`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
