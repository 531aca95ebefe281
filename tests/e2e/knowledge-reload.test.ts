import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { blockText, slackEnv, SLACK_SECRET } from '../support/slack-harness.js';
import { startFakeSlack, type FakeSlack } from '../support/slack-fake.js';
import { directMessage, eventCallback, postToSlack } from '../support/slack-requests.js';
import { workbookOfToday } from '../support/workbook.js';

const run = promisify(execFile);

const ADMIN = 'U0ADMIN';
const DM = 'D0ADMIN';

describe("reloading the knowledge without a restart ('genindlæs data', SIGHUP)", () => {
  let slack: FakeSlack;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-live-')), 'knowledge');
    await cp('data/knowledge', dir, { recursive: true });
    slack = await startFakeSlack();
    bot = await startTestBot(
      slackEnv(slack.apiUrl, {
        KLIKBOT_ADMINS: `slack:${ADMIN}`,
        KLIKBOT_REMINDER_TICK_SECONDS: '0',
        KLIKBOT_DATA: dir,
      }),
    );
  });
  afterEach(async () => {
    await bot.close();
    await slack.close();
  });

  /** Asks in the DM and returns what klikbot answered. */
  async function ask(text: string, user = ADMIN): Promise<string> {
    const before = slack.calls('chat.postMessage').length;
    expect(
      (await postToSlack(bot.url, SLACK_SECRET, eventCallback(directMessage({ text, user, channel: DM })))).status,
    ).toBe(200);
    await bot.idle();
    return slack
      .calls('chat.postMessage')
      .slice(before)
      .map((call) => blockText(call.args.blocks))
      .join('\n');
  }

  async function setDeadline(date: string): Promise<void> {
    const file = path.join(dir, 'tasks.json');
    const tasks = JSON.parse(await readFile(file, 'utf8')) as { records: { id: string; deadline?: string }[] };
    tasks.records.find((task) => task.id === 'udpeg-fk-adm-og-fk-ansv')!.deadline = date;
    await writeFile(file, JSON.stringify(tasks, null, 2));
  }

  const question = 'hvornår er deadline for at udpege FK-ansvarlig?';

  it('answers from the new data from the next question, and keeps the data in use when the new is wrong', async () => {
    expect(await ask(question)).toContain('1. november 2018');
    // reminders asked for before: the reminder engine has read the data as it was
    await ask('mind mig om deadlines');
    const udpeg = (listed: string) => listed.split('\n').find((line) => line.includes('Udpeg FK-ADM og FK-ANSV')) ?? '';
    const before = udpeg(await ask('påmindelser'));
    expect(before).toContain('frist 1. november 2018');
    // the quarter's sheets read in and written, as KOMBIT's administrator would
    const sheet = await workbookOfToday(dir, (sheets) => {
      sheets.Frister!.find((row) => row[0] === 'udpeg-fk-adm-og-fk-ansv')![2] = '2018-11-15';
    });
    await run('npx', ['tsx', 'scripts/import-knowledge.ts', sheet, '--write'], {
      env: { ...process.env, KLIKBOT_DATA: dir },
    });
    // not before it is asked to
    expect(await ask(question)).toContain('1. november 2018');
    expect(await ask('genindlæs data', 'U0METTE')).toContain('Kun en administrator');
    expect(await ask('genindlæs data')).toContain('Data er genindlæst');
    expect(await ask(question)).toContain('15. november 2018');
    // the reminders too: when this conversation is reminded, and of what date, follow the new data
    const after = udpeg(await ask('påmindelser'));
    expect(after).toContain('frist 15. november 2018');
    expect(after.split(':')[0]).not.toBe(before.split(':')[0]);

    await setDeadline('15. november');
    const refused = await ask('genindlæs data');
    expect(refused).toContain('Data er ikke genindlæst');
    expect(refused).toContain('udpeg-fk-adm-og-fk-ansv');
    expect(await ask(question)).toContain('15. november 2018');
  });

  it('reloads on SIGHUP, as a service manager sends it', async () => {
    await setDeadline('2018-11-22');
    process.emit('SIGHUP', 'SIGHUP');
    await expect.poll(() => ask(question), { interval: 50, timeout: 5_000 }).toContain('22. november 2018');
  });
});
