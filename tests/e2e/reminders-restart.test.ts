import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, waitForListening, type ChildBot, type LogLine } from '../support/child-bot.js';
import { startFakeConnector, type ConnectorRequest, type FakeConnector } from '../support/connector-fake.js';

const CHANNEL = '19:aarhus@thread.tacv2';
const SINCE = '2018-09-01T10:00:00.000+02:00';
/** When the 25 October reminders are due. */
const MOMENT = '2018-10-25T09:00:00+02:00';
/**
 * Where the clock of a process meant to meet that moment starts: enough ahead of it that the
 * engine is up before 09:00 even on a busy machine (the clock runs from the start of the process).
 */
const BEFORE_MOMENT = '2018-10-25T08:59:55+02:00';

/** The headline of what arrived: the reminder card's heading (else its text's first line). */
function summary(request: ConnectorRequest): string {
  const heading = request.body.attachments?.[0]?.content.body?.[0]?.text;
  return heading ?? (request.body.text ?? '').split('\n')[0]!;
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
        reference: {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel' },
          bot: { id: '28:klikbot-app', name: 'klikbot' },
        },
        isGroup: true,
        firstSeen: SINCE,
        lastSeen: SINCE,
      },
    ],
    conversationLinks: [{ channel: 'msteams', conversationId: CHANNEL, municipalityId: 'aarhus', since: SINCE, by }],
    reminderSubscriptions: [{ channel: 'msteams', conversationId: CHANNEL, mutedItemIds: [], by, since: SINCE }],
  };
}

/** What a reminder tick reports in the log (every tick: at debug when it found nothing to do). */
interface TickReport {
  from: string;
  to: string;
  sent: number;
  failed: number;
  skipped: number;
}

function tickOf(line: LogLine): TickReport | undefined {
  return line.msg === 'reminder tick' ? (line.report as TickReport) : undefined;
}

/**
 * Waits until the engine has looked past `instant` and returns every tick it made so far. Tick
 * spans follow each other without gaps from where the engine started, so once a tick begins at
 * or after the instant, an earlier one has covered it, and its sends are done and logged.
 */
async function ticksThrough(bot: ChildBot, instant: string): Promise<TickReport[]> {
  const at = Date.parse(instant);
  const first = tickOf(await bot.waitForLog('a first reminder tick', (line) => tickOf(line) !== undefined))!;
  // a process whose engine started after the moment would never look at it: the test would prove nothing
  expect(
    Date.parse(first.from),
    `the engine began at ${first.from}, after ${instant}: the process started too late to meet the moment`,
  ).toBeLessThan(at);
  await bot.waitForLog(`a reminder tick beginning after ${instant}`, (line) => {
    const tick = tickOf(line);
    return tick !== undefined && Date.parse(tick.from) >= at;
  });
  return bot.logLines().flatMap((line) => tickOf(line) ?? []);
}

describe('reminders across a killed process and restarts later on the clock', () => {
  let connector: FakeConnector;
  const dirs: string[] = [];
  const running = new Set<ChildBot>();

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    for (const bot of running) bot.process.kill('SIGKILL');
    await Promise.all([...running].map((bot) => bot.exited));
    await connector.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function newDir(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-reminders-restart-'));
    dirs.push(dir);
    return dir;
  }

  async function start(statePath: string, now: string): Promise<ChildBot> {
    // debug: every tick is logged, the empty ones too, which is what the tests wait for
    const bot = spawnBot({
      KLIKBOT_DB: statePath,
      KLIKBOT_NOW: now,
      KLIKBOT_REMINDER_TICK_SECONDS: '1',
      LOG_LEVEL: 'debug',
    });
    running.add(bot);
    await waitForListening(bot);
    return bot;
  }

  async function kill(bot: ChildBot): Promise<void> {
    bot.process.kill('SIGKILL');
    await bot.exited;
    running.delete(bot);
  }

  /** The state folder the first morning left behind, and what it sent. */
  interface FirstMorning {
    dir: string;
    sent: ConnectorRequest[];
  }
  let firstMorning: Promise<FirstMorning> | undefined;

  /**
   * The history both tests start from: a first process, started on a fresh state just before
   * 09:00 on 25 October, sends that morning's reminders and is killed. Run once, by whichever
   * test comes first; each test then works on its own copy of the files it left.
   */
  function afterFirstMorning(): Promise<FirstMorning> {
    firstMorning ??= (async () => {
      const dir = await newDir();
      const statePath = path.join(dir, 'state.json');
      await writeFile(statePath, JSON.stringify(seededState(connector.url)));
      const before = connector.requests.length;
      const first = await start(statePath, BEFORE_MOMENT);
      await ticksThrough(first, MOMENT);
      await kill(first);
      return { dir, sent: connector.requests.slice(before) };
    })();
    return firstMorning;
  }

  /** A copy of the first morning's state folder; returns the state file in it. */
  async function copyOfFirstMorning(): Promise<string> {
    const { dir } = await afterFirstMorning();
    const copy = await newDir();
    await cp(dir, copy, { recursive: true });
    return path.join(copy, 'state.json');
  }

  it('sends the 25 October reminders once, though killed and started again with the clock before the moment', async () => {
    const { sent } = await afterFirstMorning();
    expect(sent.map(summary).sort()).toEqual([
      '🔔 Om 7 dage: BBR kun via Adgangsstyring',
      '🔔 Om 7 dage: Udpeg FK-ADM og FK-ANSV',
    ]);
    // started again with the clock before 09:00, so the restarted process meets the same moment: only the send log stops it
    const statePath = await copyOfFirstMorning();
    const before = connector.requests.length;
    const second = await start(statePath, BEFORE_MOMENT);
    const ticks = await ticksThrough(second, MOMENT);
    expect(ticks.filter((tick) => tick.sent + tick.failed + tick.skipped > 0)).toEqual([]);
    expect(connector.requests.slice(before)).toEqual([]);
    await kill(second);
    // the log a killed process left behind is whole: every line is JSON
    const log = await readFile(path.join(path.dirname(statePath), 'state.reminders.jsonl'), 'utf8');
    for (const line of log.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('after a week down, sends what the catch-up rule keeps: the 31 October reminders, late, counted from now', async () => {
    const statePath = await copyOfFirstMorning();
    const before = connector.requests.length;
    const third = await start(statePath, '2018-10-31T10:30:00+01:00');
    // the first tick looks back over the whole week down; its line is written once its sends are answered
    const catchUp = await third.waitForLog('the first reminder tick', (line) => tickOf(line) !== undefined);
    expect(tickOf(catchUp)).toMatchObject({ sent: 2, failed: 0 });
    expect(connector.requests.slice(before).map(summary).sort()).toEqual([
      '🔔 I morgen: BBR kun via Adgangsstyring',
      '🔔 I morgen: Udpeg FK-ADM og FK-ANSV',
    ]);
    // and the next tick sends nothing more of the week missed
    const next = await third.waitForLog(
      'the reminder tick after the first',
      (line) => line !== catchUp && tickOf(line) !== undefined,
    );
    expect(tickOf(next)).toMatchObject({ sent: 0, failed: 0, skipped: 0 });
    expect(connector.requests.slice(before)).toHaveLength(2);
    await kill(third);
  });
});
