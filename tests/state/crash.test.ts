import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempPathFor } from '../../src/state/durable-file.js';
import { openStore } from '../../src/state/store.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const writerScript = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const ROUNDS = 6;
const WRITERS = 4;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Runs the writer until it has acknowledged `killAfter` updates, then SIGKILLs it `delayMs`
 * later; varying the delay moves the kill around the write cycle (copy, temp file, fsync, rename).
 */
async function runAndKill(file: string, prefix: string, killAfter: number, delayMs: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, file, prefix, String(WRITERS)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let pendingText = '';
  let stderr = '';
  let killTimer: NodeJS.Timeout | undefined;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pendingText + chunk).split('\n');
    pendingText = lines.pop() ?? ''; // a line cut by the kill was never fully acknowledged
    for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
    if (acked.length >= killAfter && !killTimer) killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  });
  // 'close' waits for stdout to drain too, so acks printed just before the kill are counted.
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  if (signal !== 'SIGKILL') throw new Error(`the writer stopped by itself (exit ${code}):\n${stderr}`);
  return acked;
}

it('keeps every acknowledged update when the process is killed mid-burst', async () => {
  const file = path.join(dir, 'klikbot.json');
  const allAcked: string[] = [];
  let killsWithTempLeft = 0;
  for (let round = 0; round < ROUNDS; round++) {
    allAcked.push(...(await runAndKill(file, `r${round}`, 100 + round * 37, round * 4)));
    if (existsSync(tempPathFor(file))) killsWithTempLeft++;
    // Opening throws StateCorrupt if the kill left a partial file.
    const state = (await openStore(file)).read();
    const present = new Set(state.conversations.map((c) => c.conversationId));
    const lost = allAcked.filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    // the votes, written with the whole document, went with their update
    const voted = new Set(state.votes.map((vote) => vote.voter));
    expect(allAcked.filter((id) => Number(id.split('-')[1]) % 10 === 0 && !voted.has(id))).toEqual([]);
    if (round === ROUNDS - 1) {
      console.info(
        `crash test: ${ROUNDS} SIGKILLs, ${allAcked.length} updates acknowledged, ${present.size} present ` +
          `(${present.size - allAcked.length} written but not yet acknowledged), ` +
          `${killsWithTempLeft} kills left a temporary file behind (killed mid-write)`,
      );
    }
  }
});
