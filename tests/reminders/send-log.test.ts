import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey, SendLog, type NewDeliveryRecord } from '../../src/reminders/send-log.js';
import { sendLogPathFor } from '../../src/reminders/reminders.js';

let dir: string;
let file: string;
const opened: SendLog[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-sendlog-'));
  file = path.join(dir, 'state.reminders.jsonl');
});
afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
  await rm(dir, { recursive: true, force: true });
});

async function openLog(): Promise<SendLog> {
  const log = await SendLog.open(file);
  opened.push(log);
  return log;
}

const delivery = (overrides: Partial<NewDeliveryRecord> = {}): NewDeliveryRecord => ({
  occurrenceId: 'udpeg-fk-adm-og-fk-ansv@2018-11-01/-7',
  itemId: 'udpeg-fk-adm-og-fk-ansv',
  channel: 'msteams',
  conversationId: '19:aarhus@thread.tacv2',
  status: 'sent',
  attempt: 1,
  at: '2018-10-25T09:00:00.000+02:00',
  ...overrides,
});

describe('SendLog', () => {
  it('lives beside the state file, named after it', () => {
    expect(sendLogPathFor('/var/klikbot/state.json')).toBe('/var/klikbot/state.reminders.jsonl');
  });

  it('keeps every delivery across a reopen, the latest record per reminder and conversation', async () => {
    const log = await openLog();
    await log.append([delivery({ status: 'claimed' })], '2018-10-25T09:00:30.000+02:00');
    await log.append([delivery({ status: 'sent' })]);
    const reopened = await openLog();
    const key = deliveryKey(delivery().occurrenceId, 'msteams', '19:aarhus@thread.tacv2');
    expect(reopened.latest(key)?.status).toBe('sent');
    expect(reopened.lastTickAt()).toBe('2018-10-25T09:00:30.000+02:00');
    expect(reopened.lastSentTo('msteams', '19:aarhus@thread.tacv2')?.itemId).toBe('udpeg-fk-adm-og-fk-ansv');
    expect(reopened.unfinished()).toEqual([]);
  });

  it('reports a claim with no outcome as unfinished after a reopen', async () => {
    const log = await openLog();
    await log.append([delivery({ status: 'claimed' })]);
    expect((await openLog()).unfinished()).toHaveLength(1);
  });

  it('drops a last line the process did not finish writing, and keeps appending after it', async () => {
    const log = await openLog();
    await log.append([delivery()]);
    await appendFile(file, '{"type":"delivery","occurrenceId":"x');
    const reopened = await openLog();
    expect(reopened.latest(deliveryKey(delivery().occurrenceId, 'msteams', '19:aarhus@thread.tacv2'))?.status).toBe(
      'sent',
    );
    await reopened.append([delivery({ conversationId: 'other' })]);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('cuts off half a line a failed write left (a full disk), so the log still parses after the next write', async () => {
    const log = await openLog();
    await log.append([delivery()]);
    // the disk fills up part-way through a write: half the line is on disk, then the write fails
    const handle = (log as unknown as { handle: { appendFile(text: string, encoding: string): Promise<void> } }).handle;
    const write = handle.appendFile.bind(handle);
    let full = true;
    handle.appendFile = async (text, encoding) => {
      if (!full) return write(text, encoding);
      full = false;
      await write(text.slice(0, 20), encoding);
      throw new Error('ENOSPC: no space left on device');
    };
    await expect(log.append([delivery({ conversationId: 'lost' })])).rejects.toThrow(/ENOSPC/);
    await log.append([delivery({ conversationId: 'after' })]);
    const reopened = await openLog();
    expect(reopened.lastSentTo('msteams', 'after')?.status).toBe('sent');
    expect(reopened.lastSentTo('msteams', 'lost')).toBeUndefined();
  });

  it('refuses to start on a damaged line in the middle, naming the file and the line', async () => {
    await writeFile(
      file,
      `${JSON.stringify({ type: 'delivery', ...delivery() })}\nnot json\n${JSON.stringify({ type: 'tick', at: '2018-10-25T09:00:00+02:00' })}\n`,
    );
    await expect(SendLog.open(file)).rejects.toThrow(/state\.reminders\.jsonl is damaged at line 2/);
    await writeFile(file, `${JSON.stringify({ type: 'delivery', ...delivery(), status: 'maybe' })}\n`);
    await expect(SendLog.open(file)).rejects.toThrow(/unexpected record at line 1/);
  });

  it('lists failures newest first, leaving out those a later try delivered', async () => {
    const log = await openLog();
    await log.append([
      delivery({ status: 'failed', reason: 'connector down', retryAt: '2018-10-25T09:05:00.000+02:00' }),
    ]);
    await log.append([delivery({ conversationId: 'gone-channel', status: 'gone', reason: 'bot removed' })]);
    expect(log.failures(10).map((f) => f.conversationId)).toEqual(['gone-channel', '19:aarhus@thread.tacv2']);
    expect(log.retries()).toHaveLength(1);
    await log.append([delivery({ status: 'sent', attempt: 2 })]);
    expect(log.failures(10).map((f) => f.conversationId)).toEqual(['gone-channel']);
    expect(log.retries()).toEqual([]);
  });
});
