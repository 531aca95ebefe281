import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplayJournal } from '../../../src/channels/slack/replay-journal.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the journal of Slack signatures', () => {
  it('keeps what is still inside its window, drops the rest and any damaged line, and appends', async () => {
    const file = path.join(dir, 'state.slack-signatures.jsonl');
    await writeFile(file, '{"s":"v0=old","e":99}\n{"s":"v0=live","e":200}\nnot json\n{"s":42}\n{"s":"v0=cut');
    const journal = await ReplayJournal.open(file, 100);
    expect([...journal.remembered]).toEqual([['v0=live', 200]]);
    expect(await readFile(file, 'utf8')).toBe('{"s":"v0=live","e":200}\n');
    await journal.append('v0=new', 400, () => new Map());
    expect((await ReplayJournal.open(file, 150)).remembered).toEqual(
      new Map([
        ['v0=live', 200],
        ['v0=new', 400],
      ]),
    );
  });

  it('starts empty where there is no file yet', async () => {
    expect((await ReplayJournal.open(path.join(dir, 'none.jsonl'), 0)).remembered.size).toBe(0);
  });
});
