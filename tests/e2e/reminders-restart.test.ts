import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, waitForListening, type ChildBot } from '../support/child-bot.js';
import { startFakeConnector, type ConnectorRequest, type FakeConnector } from '../support/connector-fake.js';

const CHANNEL = '19:aarhus@thread.tacv2';
const SINCE = '2018-09-01T10:00:00.000+02:00';

/** The first line of what arrived: the reminder's headline. */
function summary(request: ConnectorRequest): string {
  return (request.body.summary ?? request.body.text ?? '').split('\n')[0]!;
}

/**
 * The state a running klikbot would have after an Aarhus channel linked itself and asked for
 * reminders: the stored conversation (pointing at the fake connector), the link, the subscription.
 */
function seededState(serviceUrl: string): unknown {
  const by = { channel: 'teams', userId: 'aad-mette', name: 'Mette' };
  return {
    version: 1,
    conversations: [
      {
        channel: 'msteams',
        conversationId: CHANNEL,
        serviceUrl,
        reference: { channelId: 'msteams', serviceUrl, conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel' }, bot: { id: '28:klikbot-app', name: 'klikbot' } },
        isGroup: true,
        firstSeen: SINCE,
        lastSeen: SINCE,
      },
    ],
    conversationLinks: [{ channel: 'msteams', conversationId: CHANNEL, municipalityId: 'aarhus', since: SINCE, by }],
    reminderSubscriptions: [{ channel: 'msteams', conversationId: CHANNEL, mutedItemIds: [], by, since: SINCE }],
  };
}

describe('reminders across a killed process and restarts later on the clock', () => {
  let dir: string;
  let statePath: string;
  let connector: FakeConnector;
  let child: ChildBot | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-reminders-restart-'));
    statePath = path.join(dir, 'state.json');
    connector = await startFakeConnector();
    await writeFile(statePath, JSON.stringify(seededState(connector.url)));
  });
  afterAll(async () => {
    child?.process.kill('SIGKILL');
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function start(now: string): Promise<ChildBot> {
    child = spawnBot({ KLIKBOT_DB: statePath, KLIKBOT_NOW: now, KLIKBOT_REMINDER_TICK_SECONDS: '1' });
    await waitForListening(child);
    return child;
  }

  async function kill(bot: ChildBot): Promise<void> {
    bot.process.kill('SIGKILL');
    await bot.exited;
  }

  it('sends the 25 October reminders once, though killed and started again with the clock before the moment', async () => {
    const first = await start('2018-10-25T08:59:57+02:00');
    const sent = await connector.waitFor(2, 15_000);
    expect(sent.map(summary).sort()).toEqual(['🔔 Om 7 dage: BBR kun via Adgangsstyring', '🔔 Om 7 dage: Udpeg FK-ADM og FK-ANSV']);
    await kill(first);
    // started again with the clock just before 09:00, so the restarted process meets the same moment: only the send log stops it
    const second = await start('2018-10-25T08:59:58+02:00');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(connector.requests).toHaveLength(2);
    await kill(second);
    // the log a killed process left behind is whole: every line is JSON
    const log = await readFile(path.join(dir, 'state.reminders.jsonl'), 'utf8');
    for (const line of log.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  }, 60_000);

  it('after a week down, sends what the catch-up rule keeps: the 31 October reminders, late, counted from now', async () => {
    const third = await start('2018-10-31T10:30:00+01:00');
    const sent = await connector.waitFor(4, 15_000);
    expect(sent.slice(2).map(summary).sort()).toEqual(['🔔 I morgen: BBR kun via Adgangsstyring', '🔔 I morgen: Udpeg FK-ADM og FK-ANSV']);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(connector.requests).toHaveLength(4);
    await kill(third);
  }, 60_000);
});
