import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask, visibleText } from '../support/bot-framework.js';
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
    } finally {
      bot.process.kill('SIGTERM');
      await bot.exited;
    }
  });

  it('refuses to start on invalid data, naming file, record and field, and exits non-zero', async () => {
    const dir = await tempDir();
    await cp('data/knowledge', dir, { recursive: true });
    const tasksPath = path.join(dir, 'tasks.json');
    const tasks = JSON.parse(await readFile(tasksPath, 'utf8')) as { records: { id: string; deadline: string | null }[] };
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
});
