import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeSlack, type FakeSlack } from '../support/slack-fake.js';
import { postToSlack, slashCommand } from '../support/slack-requests.js';

describe('a Slack-only deployment on a public address', () => {
  let fake: FakeSlack;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let base = '';

  beforeAll(async () => {
    fake = await startFakeSlack();
    bot = await startTestBot({
      HOST: '0.0.0.0',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: fake.apiUrl,
    });
    base = `http://127.0.0.1:${bot.port}`;
  });
  afterAll(async () => {
    await bot.close();
    await fake.close();
  });

  it('answers Slack', async () => {
    const response = await postToSlack(
      base,
      'secret',
      slashCommand({ text: 'hjælp', responseUrl: fake.responseUrl('only-1') }),
    );
    expect(response.status).toBe(200);
    const [answer] = await fake.waitFor('response_url');
    expect(JSON.stringify(answer!.args)).toContain('klikbot');
  });

  it('serves no unauthenticated Bot Framework endpoint and no web chat', async () => {
    const activity = {
      type: 'message',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'u' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
      text: 'hej',
      deliveryMode: 'expectReplies',
    };
    const messages = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(messages.status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });
});
