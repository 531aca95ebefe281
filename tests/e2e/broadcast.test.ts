import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { blockText, buttonClick, buttonLabelled, slackEnv, SLACK_SECRET } from '../support/slack-harness.js';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../support/slack-fake.js';
import {
  directMessage,
  eventCallback,
  postToSlack,
  viewSubmission,
  type SlackRequest,
} from '../support/slack-requests.js';
import { storedStateAt } from '../support/stored-text.js';

const ADMIN = 'U0ADMIN';
const ADMIN_DM = 'D0ADMIN';
const SINCE = '2018-09-01T08:00:00.000Z';
const TEAMS = Array.from({ length: 100 }, (_, n) => `19:kanal-${String(n).padStart(3, '0')}@thread.tacv2`);
const SLACK = Array.from({ length: 100 }, (_, n) => `C0KANAL${String(n).padStart(3, '0')}`);

/** 100 Teams channels (through the fake connector) and 100 Slack channels klikbot was added to. */
function seededState(serviceUrl: string): unknown {
  const teams = TEAMS.map((id) => ({
    channel: 'msteams',
    conversationId: id,
    serviceUrl,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id, isGroup: true, conversationType: 'channel' },
      bot: { id: '28:klikbot-app', name: 'klikbot' },
    },
    isGroup: true,
    firstSeen: SINCE,
    lastSeen: SINCE,
  }));
  const slack = SLACK.map((id) => ({
    channel: 'slack',
    conversationId: id,
    reference: { channel: id },
    isGroup: true,
    firstSeen: SINCE,
    lastSeen: SINCE,
  }));
  // one of each in turn, so each tick of sending meets both channels
  return { version: 1, conversations: teams.flatMap((one, index) => [one, slack[index]!]) };
}

interface StoredBroadcast {
  state: string;
  deliveries: { conversationId: string; status: string; reason?: string }[];
}

describe('KOMBIT news to 200 conversations across Teams and Slack', () => {
  let connector: FakeConnector;
  let slack: FakeSlack;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let statePath: string;
  // (the process started again a few minutes later, as a restart would)
  const env = (now = '2018-09-06T10:00:00+02:00') =>
    slackEnv(slack.apiUrl, { KLIKBOT_ADMINS: `slack:${ADMIN}`, KLIKBOT_REMINDER_TICK_SECONDS: '0', KLIKBOT_NOW: now });

  beforeEach(async () => {
    connector = await startFakeConnector();
    slack = await startFakeSlack();
    statePath = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-broadcast-')), 'state.json');
    await writeFile(statePath, JSON.stringify(seededState(connector.url)));
    bot = await startTestBot(env(), { statePath });
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
    await slack.close();
  });

  const post = async (request: SlackRequest) => {
    expect((await postToSlack(bot.url, SLACK_SECRET, request)).status).toBe(200);
    await bot.idle();
  };
  const newest = (match: (call: SlackCall) => boolean) => slack.calls().filter(match).at(-1)!;

  it('reaches each exactly once through throttling and a restart, and reports the gone ones', async () => {
    // the administrator writes the news in the form, from the DM
    await post(eventCallback(directMessage({ text: 'ny nyhed', user: ADMIN, channel: ADMIN_DM })));
    const offer = newest((call) => call.method === 'chat.postMessage' && call.args.channel === ADMIN_DM);
    const open = buttonLabelled(offer.args.blocks, /Ny nyhed/);
    await post(buttonClick({ actionId: open.action_id, value: open.value, user: ADMIN, channel: ADMIN_DM }));
    const view = (await slack.waitFor('views.open'))[0]!.args.view as { callback_id: string; private_metadata: string };
    const text = (value: string) => ({ text: { type: 'plain_text_input', value } });
    await post(
      viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        user: ADMIN,
        values: {
          title: text('Nyt webinar om Organisation'),
          text: text('Vi holder webinar om strategierne for Organisation den 2. oktober.'),
          audience: { choice: { type: 'static_select', selected_option: { value: 'all' } } },
        },
      }),
    );
    const preview = newest(
      (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('Sådan ser nyheden ud'),
    );
    expect(blockText(preview.args.blocks)).toContain('201 samtaler');
    const send = buttonLabelled(preview.args.blocks, /^Send$/);

    await post(buttonClick({ actionId: send.action_id, value: send.value, user: ADMIN, channel: ADMIN_DM }));
    // a throttled post in each channel, waited out by the channels' own clients (Retry-After)
    slack.plan('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    connector.plan.push({ status: 429, headers: { 'retry-after': '1' } });
    await bot.reminders.tick();
    const halfway = ((await storedStateAt(statePath)) as { broadcasts: StoredBroadcast[] }).broadcasts[0]!;
    expect(halfway.deliveries.filter((one) => one.status === 'sent')).toHaveLength(100);

    // a restart in the middle; two conversations are gone on each side
    await bot.close();
    bot = await startTestBot(env('2018-09-06T10:05:00+02:00'), { statePath });
    slack.plan('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    slack.plan('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    connector.plan.push({ status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } });
    connector.plan.push({ status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } });
    await bot.reminders.tick();
    await bot.reminders.tick();

    const done = ((await storedStateAt(statePath)) as { broadcasts: StoredBroadcast[] }).broadcasts[0]!;
    expect(done.state).toBe('done');
    const gone = done.deliveries.filter((one) => one.status === 'gone').map((one) => one.conversationId);
    expect(gone).toHaveLength(4);
    expect(done.deliveries.filter((one) => one.status === 'sent')).toHaveLength(197);

    // each conversation got it once: one post each, and one more where a post was throttled and tried again
    const teamsPosts = connector.requests.filter(
      (request) => request.method === 'POST' && /\/activities$/.test(request.url),
    );
    const teamsCounts = TEAMS.map(
      (id) => teamsPosts.filter((request) => decodeURIComponent(request.url).includes(`/conversations/${id}/`)).length,
    );
    expect(teamsCounts.filter((count) => count !== 1)).toEqual([2]);
    const slackPosts = slack
      .calls('chat.postMessage')
      .filter((call) => blockText(call.args.blocks).includes('Nyt webinar'));
    const slackCounts = SLACK.map((id) => slackPosts.filter((call) => call.args.channel === id).length);
    expect(slackCounts.filter((count) => count !== 1)).toEqual([2]);

    // the report, rewritten as it went, ends with the counts
    const report = slack
      .calls('chat.update')
      .filter((call) => blockText(call.args.blocks).includes('Levering:'))
      .at(-1)!;
    expect(blockText(report.args.blocks)).toMatch(/Sendt\*?\s*197/);
    expect(blockText(report.args.blocks)).toMatch(/Væk\*?\s*4/);
  });
});
