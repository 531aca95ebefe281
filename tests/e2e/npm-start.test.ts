import { appendFile, cp, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, waitForListening, type ChildBot } from '../support/child-bot.js';

/** What `npm start` reads: a copy, so that its dist/ is its own and the checkout's is never raced. */
const PROJECT_PARTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'src',
  'dialogs',
  'data',
  'scripts',
];
const COMPILING = /klikbot: compiling TypeScript/;

describe('npm start, as the README says', () => {
  let project: string;
  let stateDir: string;

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'klikbot-npm-start-'));
    stateDir = await mkdtemp(path.join(tmpdir(), 'klikbot-npm-state-'));
    for (const part of PROJECT_PARTS) await cp(part, path.join(project, part), { recursive: true });
    await symlink(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
    await rm(stateDir, { recursive: true, force: true });
  });

  const npmStart = (state = 'state.json'): ChildBot =>
    spawnBot({ KLIKBOT_DB: path.join(stateDir, state) }, { command: 'npm', args: ['start'], cwd: project });

  /** Starts, waits until it listens and answers, signals npm's own PID, and returns the bot's output. */
  async function startAndStop(signal: NodeJS.Signals, state?: string): Promise<ChildBot> {
    const bot = npmStart(state);
    try {
      const url = await waitForListening(bot, 110_000);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      // the PID a service manager, `kill $!` or a container stop signals: npm's, not node's
      bot.process.kill(signal);
    }
    expect(await bot.exited).toBe(0);
    expect(bot.logLines().map((line) => line.msg)).toEqual(
      expect.arrayContaining(['klikbot stopping', 'klikbot stopped']),
    );
    return bot;
  }

  it('compiles once and says so, starts without compiling on an unchanged tree, and compiles again after a change', async () => {
    const first = await startAndStop('SIGTERM');
    expect(first.stderr()).toMatch(COMPILING);
    const entry = path.join(project, 'dist', 'src', 'index.js');
    const built = (await stat(entry)).mtimeMs;

    // unchanged: straight to node, the compiled files untouched; Ctrl-C stops it as cleanly
    const second = await startAndStop('SIGINT');
    expect(second.stderr()).not.toMatch(COMPILING);
    expect((await stat(entry)).mtimeMs).toBe(built);

    // changed, and started twice at once (each with its own state): one compiles, the other waits for it
    await appendFile(path.join(project, 'src', 'index.ts'), '\n// changed after the first build\n');
    const both = await Promise.all([startAndStop('SIGTERM', 'a.json'), startAndStop('SIGTERM', 'b.json')]);
    expect(both.filter((bot) => COMPILING.test(bot.stderr()))).toHaveLength(1);
  }, 240_000);

  it('starts nothing when the code does not compile, and says why', async () => {
    await appendFile(path.join(project, 'dialogs', 'index.ts'), '\nexport const broken: number = "not a number";\n');
    const bot = npmStart();
    expect(await bot.exited).not.toBe(0);
    expect(bot.stdout() + bot.stderr()).toMatch(/error TS2322/);
    expect(bot.stderr()).toMatch(/did not compile; see the errors above\. Nothing was started/);
    expect(bot.logLines().some((line) => line.msg === 'klikbot listening')).toBe(false);
  }, 120_000);
});
