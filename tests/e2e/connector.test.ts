import { describe, expect, it } from 'vitest';
import { messageActivity, postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';

describe('replies through the Bot Connector (emulator-style delivery)', () => {
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });

  it('posts the reply to the conversation on the activity serviceUrl', async () => {
    const activity = messageActivity('hvornår er deadline for at udpege FK-ansvarlig?', {
      channelId: 'emulator',
      serviceUrl: h.connector.url,
      conversation: { id: 'conv/with spaces' },
      deliveryMode: undefined,
    });
    const response = await postMessages(h.bot.url, activity);
    expect(response.status).toBe(200);
    const [sent] = await h.connector.waitFor(1);
    expect(h.connector.requests).toHaveLength(1);
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe(
      `/v3/conversations/${encodeURIComponent('conv/with spaces')}/activities/${activity.id as string}`,
    );
    expect(sent!.body.summary).toContain('1. november 2018');
  });

  it('welcomes the Emulator when it connects, once', async () => {
    const joined = (members: { id: string }[]) =>
      messageActivity('', {
        type: 'conversationUpdate',
        text: undefined,
        channelId: 'emulator',
        serviceUrl: h.connector.url,
        conversation: { id: 'emulator-1' },
        deliveryMode: undefined,
        membersAdded: members,
      });
    // the Emulator announces the bot and the person in one activity, and may announce again on reconnect
    expect((await postMessages(h.bot.url, joined([{ id: 'klikbot' }, { id: 'user-1' }]))).status).toBe(200);
    expect((await postMessages(h.bot.url, joined([{ id: 'klikbot' }]))).status).toBe(200);
    const [welcome] = await h.connector.waitFor(1);
    expect(welcome!.body.summary).toContain('Hej, jeg er klikbot');
    // a question after the announcements is answered: a second welcome would have come before that answer
    const question = messageActivity('hvornår er deadline for at udpege FK-ansvarlig?', {
      channelId: 'emulator',
      serviceUrl: h.connector.url,
      conversation: { id: 'emulator-1' },
      deliveryMode: undefined,
    });
    expect((await postMessages(h.bot.url, question)).status).toBe(200);
    const [, answer] = await h.connector.waitFor(2);
    expect(answer!.body.summary).toContain('1. november 2018');
    expect(h.connector.requests).toHaveLength(2);
  });
});
