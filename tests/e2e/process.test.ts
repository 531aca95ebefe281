import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ask, postMessages, visibleText } from '../support/bot-framework.js';
import { spawnBot, waitForListening } from '../support/child-bot.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'klikbot-process-'));
}

describe('the klikbot process', () => {
  it('starts with KLIKBOT_NOW and answers upcoming deadlines from that day, 20 September first', async () => {
    const dir = await tempDir();
    const bot = spawnBot({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00', KLIKBOT_DB: path.join(dir, 'state.json') });
    try {
      const url = await waitForListening(bot);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { now: string };
      expect(health.now.startsWith('2018-09-06T10:00')).toBe(true);
      const [reply] = await ask(url, 'hvilke deadlines kommer nu?');
      const text = visibleText(reply!);
      expect(text).toMatch(/Næste deadline er \*\*inden torsdag 20\. september 2018\*\*/);
      // bad input to the real process: answered 400, and the process goes on answering
      expect((await postMessages(url, '{"type": ')).status).toBe(400);
      expect((await postMessages(url, { type: 'message' })).status).toBe(400);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(bot.process.exitCode).toBeNull();
    } finally {
      bot.process.kill('SIGTERM');
    }
    // a stop asked for is a clean stop, and says so
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toMatch(/"msg":"klikbot stopping"[\s\S]*"msg":"klikbot stopped"/);
    // starting on the seed warns about nothing: its acknowledged oddities are notices
    const start = bot.stdout().slice(0, bot.stdout().indexOf('"msg":"klikbot listening"'));
    expect(start).toContain('"msg":"data notice: an oddity of the seed, known and handled; not an error"');
    expect(start).not.toMatch(/"level":(40|50|60)/);
  });

  it('refuses to start on invalid data, naming file, record and field, and exits non-zero', async () => {
    const dir = await tempDir();
    await cp('data/knowledge', dir, { recursive: true });
    const tasksPath = path.join(dir, 'tasks.json');
    const tasks = JSON.parse(await readFile(tasksPath, 'utf8')) as {
      records: { id: string; deadline: string | null }[];
    };
    const dated = tasks.records.find((task) => task.deadline)!;
    dated.deadline = '2018-13-01';
    await writeFile(tasksPath, JSON.stringify(tasks));

    const bot = spawnBot({ KLIKBOT_DATA: dir, KLIKBOT_DB: path.join(dir, 'state.json') });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('knowledge_invalid');
    expect(bot.stderr()).toContain(`tasks.json, record "${dated.id}", field "deadline"`);
    expect(bot.stderr()).not.toMatch(/\n\s+at /); // a message for an operator, not a stack trace
  });

  it('refuses to start on a corrupt state file and leaves the file untouched', async () => {
    const dir = await tempDir();
    const statePath = path.join(dir, 'state.json');
    const corrupt = '{"version": 1, "conversations": [ {"chan';
    await writeFile(statePath, corrupt);
    const bot = spawnBot({ KLIKBOT_DB: statePath });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('state_corrupt');
    expect(bot.stderr()).toContain(statePath);
    expect(await readFile(statePath, 'utf8')).toBe(corrupt);
  });

  it('refuses to start on an invalid environment variable, naming it', async () => {
    const bot = spawnBot({ KLIKBOT_NOW: 'the sixth of September' });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('KLIKBOT_NOW');
  });

  it('refuses to open local mode to the network, and says what to set', async () => {
    const bot = spawnBot({ HOST: '0.0.0.0', MicrosoftAppId: '' });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('HOST: "0.0.0.0" is reachable from other machines');
    expect(bot.stderr()).toContain('KLIKBOT_ALLOW_UNAUTHENTICATED=true');
  });

  it('says which port is taken instead of printing a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const dir = await tempDir();
      const bot = spawnBot({ PORT: String(port), KLIKBOT_DB: path.join(dir, 'state.json') });
      expect(await bot.exited).toBe(1);
      expect(bot.stderr()).toContain(`listen_failed`);
      expect(bot.stderr()).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(bot.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});
