import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, isValidSlackRequest } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type SlackAnswer } from './slack-fake.js';
import {
  appHomeOpened,
  appMention,
  blockAction,
  directMessage,
  eventCallback,
  nowSeconds,
  postToSlack,
  signSlackRequest,
  slashCommand,
  urlVerification,
  viewSubmission,
} from './slack-requests.js';

const SECRET = 'klikbot-test-signing-secret';
const RATE_LIMITED: SlackAnswer = {
  status: 429,
  headers: { 'retry-after': '1' },
  body: { ok: false, error: 'ratelimited' },
};

describe('signSlackRequest', () => {
  it("reproduces the worked example on Slack's 'Verifying requests from Slack' page", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('signs the current time by default, and Bolt accepts it but not a six-minute-old one', () => {
    const body = urlVerification('kanal').body;
    const headers = signSlackRequest(SECRET, body);
    const expected = createHmac('sha256', SECRET)
      .update(`v0:${headers['x-slack-request-timestamp']}:${body}`)
      .digest('hex');
    expect(headers['x-slack-signature']).toBe(`v0=${expected}`);
    const check = (h: typeof headers): boolean =>
      isValidSlackRequest({
        signingSecret: SECRET,
        body,
        headers: {
          'x-slack-signature': h['x-slack-signature'],
          'x-slack-request-timestamp': Number(h['x-slack-request-timestamp']),
        },
      });
    expect(check(headers)).toBe(true);
    expect(check(signSlackRequest(SECRET, body, nowSeconds() - 6 * 60))).toBe(false);
  });
});

describe('the fake Slack Web API', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(() => fake.close());

  it('records a WebClient chat.postMessage with its token and decoded blocks, and answers with a ts', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Frist* for indberetning: 1. marts' } }];
    const result = await client.chat.postMessage({ channel: 'C0PROGRAM', text: 'Frist', blocks });
    // this test's own post: the fake is shared by the tests of this block, in whatever order they run
    const [call] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.text === 'Frist');
    expect(call).toMatchObject({
      method: 'chat.postMessage',
      token: 'xoxb-test',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(call?.args).toMatchObject({ channel: 'C0PROGRAM', text: 'Frist', blocks });
    expect(result).toMatchObject({ ok: true, channel: 'C0PROGRAM', message: { text: 'Frist', blocks } });
    expect(result.ts).toMatch(/^\d+\.000100$/);
  });

  it('gives each posted message its own ts and opens a DM channel for a user', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl });
    const first = await client.chat.postMessage({ channel: 'C0PROGRAM', text: 'en' });
    const second = await client.chat.postMessage({ channel: 'C0PROGRAM', text: 'to' });
    expect(first.ts).not.toBe(second.ts);
    expect((await client.conversations.open({ users: 'U0METTE' })).channel?.id).toBe('D0METTE');
    const updated = await client.chat.update({ channel: 'C0PROGRAM', ts: String(first.ts), text: 'rettet' });
    expect(updated).toMatchObject({ ok: true, ts: first.ts, text: 'rettet' });
  });

  it('decodes JSON-bodied calls and records response_url posts under their id', async () => {
    const view = { type: 'home', blocks: [{ type: 'divider' }] };
    const answer = await fetch(`${fake.apiUrl}views.publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ user_id: 'U0METTE', view }),
    });
    expect(await answer.json()).toMatchObject({
      ok: true,
      view: { type: 'home', id: expect.stringMatching(/^V/) as unknown },
    });
    await fetch(fake.responseUrl('kommando 1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'svar', replace_original: true }),
    });
    const [published] = fake.calls('views.publish');
    expect(published).toMatchObject({ token: 'xoxb-json', args: { user_id: 'U0METTE', view } });
    expect(fake.calls('response_url')).toMatchObject([
      { responseId: 'kommando 1', args: { text: 'svar', replace_original: true } },
    ]);
  });

  it('answers planned platform errors in order, then falls back to success', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl });
    for (const error of ['channel_not_found', 'not_in_channel'])
      fake.plan('chat.postEphemeral', { body: { ok: false, error } });
    const post = () => client.chat.postEphemeral({ channel: 'C0PROGRAM', user: 'U0METTE', text: 'x' });
    await expect(post()).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'channel_not_found' },
    });
    await expect(post()).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(post()).resolves.toMatchObject({ ok: true, message_ts: expect.any(String) as unknown });
    expect(fake.calls('chat.postEphemeral')).toHaveLength(3);
  });

  it('names the calls it saw when a wait times out', async () => {
    await new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl }).chat.postMessage({
      channel: 'C0PROGRAM',
      text: 'seen',
    });
    await expect(fake.waitFor('chat.delete', 100)).rejects.toThrow(/chat\.postMessage/);
  });
});

/** Sends one chat.postMessage after a planned answer; reports outcome, elapsed ms and the fake's arrival times. */
async function measure(options: WebClientOptions, answer: SlackAnswer) {
  const fake = await startFakeSlack();
  fake.plan('chat.postMessage', answer);
  const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, ...options });
  const started = performance.now();
  const outcome = await client.chat.postMessage({ channel: 'C0PROGRAM', text: 'x' }).then(
    (result) => ({ ok: result.ok, code: undefined as unknown, retryAfter: undefined as unknown }),
    (error: { code?: unknown; retryAfter?: unknown }) => ({
      ok: false,
      code: error.code,
      retryAfter: error.retryAfter,
    }),
  );
  const elapsed = performance.now() - started;
  const arrivals = fake.calls().map((call) => call.at);
  await fake.close();
  return {
    ...outcome,
    elapsed,
    attempts: arrivals.length,
    gap: (arrivals[1] ?? Number.NaN) - (arrivals[0] ?? Number.NaN),
  };
}

describe.concurrent('what the WebClient does with a 429 (retry-after: 1) from the fake', () => {
  it('by default waits the second, backs off 1-2 s more, retries once and succeeds', async ({ expect }) => {
    const seen = await measure({}, RATE_LIMITED);
    expect(seen).toMatchObject({ ok: true, attempts: 2 });
    expect(seen.gap).toBeGreaterThanOrEqual(1_950);
    expect(seen.gap).toBeLessThan(3_500);
  });

  it('with retries: 0 still waits the second, then rejects after one request', async ({ expect }) => {
    const seen = await measure({ retryConfig: { retries: 0 } }, RATE_LIMITED);
    expect(seen).toMatchObject({ ok: false, code: 'slack_webapi_request_error', attempts: 1 });
    expect(seen.elapsed).toBeGreaterThanOrEqual(950);
    expect(seen.elapsed).toBeLessThan(1_600);
  });

  it('with rejectRateLimitedCalls rejects at once with the retry-after', async ({ expect }) => {
    const seen = await measure({ rejectRateLimitedCalls: true }, RATE_LIMITED);
    expect(seen).toMatchObject({ ok: false, code: 'slack_webapi_rate_limited_error', retryAfter: 1, attempts: 1 });
    expect(seen.elapsed).toBeLessThan(500);
  });

  it('with a zero back-off retries right after the retry-after second', async ({ expect }) => {
    const seen = await measure({ retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 1 } }, RATE_LIMITED);
    expect(seen).toMatchObject({ ok: true, attempts: 2 });
    expect(seen.gap).toBeGreaterThanOrEqual(950);
    expect(seen.gap).toBeLessThan(1_600);
  });

  it('rejects a 429 without retry-after at once, without retrying', async ({ expect }) => {
    const seen = await measure({}, { status: 429, body: { ok: false, error: 'ratelimited' } });
    expect(seen).toMatchObject({ ok: false, attempts: 1 });
    expect(seen.elapsed).toBeLessThan(500);
  });

  it('retries a 500 under the default policy but not with retries: 0', async ({ expect }) => {
    const serverError: SlackAnswer = { status: 500, body: { ok: false } };
    expect(await measure({}, serverError)).toMatchObject({ ok: true, attempts: 2 });
    expect(await measure({ retryConfig: { retries: 0 } }, serverError)).toMatchObject({
      ok: false,
      code: 'slack_webapi_http_error',
      attempts: 1,
    });
  });
});

/** A Bolt app on a loopback server whose listeners echo what they received through the fake. */
async function startEchoBolt(fake: FakeSlack): Promise<{ url: string; close(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    token: 'xoxb-test',
    botId: 'B0KLIKBOT',
    botUserId: 'U0KLIKBOT',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  app.command('/klik', async ({ ack, command, respond }) => {
    await ack();
    await respond({ text: `kommando ${command.text} fra ${command.user_id} i ${command.channel_id}` });
  });
  app.action(/^klikbot:/, async ({ ack, action, respond }) => {
    await ack();
    await respond({ text: `knap ${'value' in action ? String(action.value) : ''}`, replace_original: true });
  });
  app.view('spoergsmaal', async ({ ack, view }) => {
    await ack();
    await app.client.chat.postMessage({
      channel: 'D0METTE',
      text: `modal ${view.private_metadata} ${JSON.stringify(view.state.values)}`,
    });
  });
  app.event('app_mention', async ({ event, say }) => {
    await say(`nævnt: ${event.text}`);
  });
  app.event('message', async ({ event, say, context }) => {
    await say(`dm ${'channel_type' in event ? event.channel_type : '?'} forsøg ${context.retryNum ?? 0}`);
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
  });
  const server: Server = createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the request builders, as Bolt receives them', () => {
  let fake: FakeSlack;
  let bolt: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    fake = await startFakeSlack();
    bolt = await startEchoBolt(fake);
  });
  afterAll(async () => {
    await bolt.close();
    await fake.close();
  });
  const posted = async (prefix: string) =>
    (await fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.args.text).startsWith(prefix), 3_000))[0];

  it('answers the url_verification challenge', async () => {
    const response = await postToSlack(bolt.url, SECRET, urlVerification('kombit-udfordring'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'kombit-udfordring' });
  });

  it('refuses a stale, a wrongly signed and an unsigned request with 401', async () => {
    const request = slashCommand({ text: 'hjælp' });
    expect((await postToSlack(bolt.url, SECRET, request, { timestamp: nowSeconds() - 6 * 60 })).status).toBe(401);
    expect((await postToSlack(bolt.url, SECRET, request, { signature: 'v0=00' })).status).toBe(401);
    expect((await postToSlack(bolt.url, SECRET, request, { signature: null })).status).toBe(401);
    expect((await postToSlack(bolt.url, 'another-secret', request)).status).toBe(401);
  });

  it('delivers a slash command whose response_url points at the fake', async () => {
    const request = slashCommand({ text: 'hvornår er fristen?', responseUrl: fake.responseUrl('cmd-1') });
    expect((await postToSlack(bolt.url, SECRET, request)).status).toBe(200);
    const [call] = await fake.waitFor((c) => c.responseId === 'cmd-1');
    expect(call?.args.text).toBe('kommando hvornår er fristen? fra U0METTE i C0PROGRAM');
  });

  it('delivers a button click and a modal submission', async () => {
    const value = JSON.stringify({ dialog: 'deadlines', args: { programme: 'SAPA' } });
    await postToSlack(
      bolt.url,
      SECRET,
      blockAction({ actionId: 'klikbot:0', value, responseUrl: fake.responseUrl('click-1') }),
    );
    const [click] = await fake.waitFor((c) => c.responseId === 'click-1');
    expect(click?.args).toMatchObject({ text: `knap ${value}`, replace_original: true });
    const values = { question: { text: { type: 'plain_text_input', value: 'Hvem er Mette?' } } };
    await postToSlack(
      bolt.url,
      SECRET,
      viewSubmission({ callbackId: 'spoergsmaal', privateMetadata: 'C0PROGRAM', values }),
    );
    expect((await posted('modal'))?.args.text).toBe(`modal C0PROGRAM ${JSON.stringify(values)}`);
  });

  it('delivers a mention, a direct message (with its retry number) and the Home tab opening', async () => {
    await postToSlack(bolt.url, SECRET, eventCallback(appMention({ text: 'deadlines' })));
    expect((await posted('nævnt'))?.args.text).toBe('nævnt: <@U0KLIKBOT> deadlines');
    const dm = eventCallback(directMessage({ text: 'hej' }));
    await postToSlack(bolt.url, SECRET, dm, { retryNum: 1, retryReason: 'http_timeout' });
    expect((await posted('dm'))?.args).toMatchObject({ text: 'dm im forsøg 1', channel: 'D0METTE' });
    await postToSlack(bolt.url, SECRET, eventCallback(appHomeOpened()));
    const [published] = await fake.waitFor('views.publish');
    expect(published?.args).toMatchObject({ user_id: 'U0METTE', view: { type: 'home' } });
  });
});
