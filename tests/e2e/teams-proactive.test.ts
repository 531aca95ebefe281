import { storedStateAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import { postMessages, startTestBot } from '../support/bot-framework.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import { BOT, channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';

interface Stored {
  channel: string;
  conversationId: string;
  dead?: { reason: string };
  reference: { conversation?: { id?: string }; bot?: { id?: string }; serviceUrl?: string };
}

async function stored(statePath: string): Promise<Stored[]> {
  return ((await storedStateAt(statePath)) as { conversations: Stored[] }).conversations;
}

function cardText(request: ConnectorRequest): string {
  const blocks = (request.body.attachments ?? []).flatMap((attachment) => attachment.content.body ?? []);
  return [request.body.summary ?? '', ...blocks.map((block) => block.text ?? '')].join('\n');
}

const reminder = [{ text: 'Påmindelse: fristen for at udpege FK-ADM og FK-ANSV er torsdag 1. november 2018.' }];

describe('installs, removals and proactive messages in Teams', () => {
  // each test on a fresh state and connector: each installs what it needs
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-10-25T09:00:00+02:00' }, { each: true });
  const team = {
    id: '19:general-koege@thread.tacv2',
    conversationType: 'channel',
    isGroup: true,
    tenantId: 'tenant-koege',
  };

  /** Asks a deadline question in the conversation, @mentioning the bot, and waits for its answer. */
  async function askIn(conversation: Record<string, unknown>): Promise<void> {
    const before = h.connector.requests.length;
    const question = teamsActivity(h.connector.url, {
      conversation,
      channelData,
      ...mentioning('hvornår er deadline for at udpege FK-ansvarlig?'),
    });
    expect((await postMessages(h.bot.url, question)).status).toBe(200);
    await h.connector.waitFor(before + 1);
  }

  async function install(conversation: Record<string, unknown>, action = 'add'): Promise<void> {
    const response = await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, { type: 'installationUpdate', action, conversation, channelData }),
    );
    expect(response.status).toBe(200);
  }

  /** The app installed in `conversation` (and the welcome it brings sent): the connector's requests are cleared after. */
  async function installed(conversation: Record<string, unknown>): Promise<void> {
    const before = h.connector.requests.length;
    await install(conversation);
    await h.connector.waitFor(before + 1);
    h.connector.requests.length = 0;
  }

  it('stores the team on install and welcomes it once, in Danish, with example questions', async () => {
    await install(team);
    const [welcome] = await h.connector.waitFor(1);
    expect(welcome!.url.startsWith(`/v3/conversations/${encodeURIComponent(team.id)}/activities`)).toBe(true);
    expect(cardText(welcome!)).toContain('Velkommen til klikbot');
    expect(cardText(welcome!)).toContain('@klikbot');
    expect(welcome!.body.attachments?.[0]?.content.actions?.length).toBeGreaterThanOrEqual(2);
    const record = (await stored(h.bot.statePath)).find((c) => c.conversationId === team.id);
    expect(record?.reference).toMatchObject({
      conversation: { id: team.id },
      bot: { id: BOT.id },
      serviceUrl: h.connector.url,
    });
    // Teams also announces the join as a conversationUpdate: no second welcome
    await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, {
        type: 'conversationUpdate',
        membersAdded: [BOT],
        conversation: team,
        channelData,
      }),
    );
    // a question after it is answered: a second welcome would have come before that answer
    await askIn(team);
    expect(h.connector.requests.map((request) => cardText(request))).toEqual([
      expect.stringContaining('Velkommen til klikbot'),
      expect.stringContaining('1. november 2018'),
    ]);
  });

  it('rewrites a posted message in the thread it stands in; a deleted one is reported as such and the channel stays alive', async () => {
    const channel = {
      id: '19:afstemning@thread.tacv2',
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'tenant-koege',
    };
    await install(channel);
    const before = (await h.connector.waitFor(1)).length;
    const thread = `${channel.id};messageid=1700000000001`;
    const card = { text: '📊 Pause nu? (lukket, 1 stemme)', replaces: { conversationId: thread, messageId: 'card-7' } };
    const rewritten = await h.bot.notifier.send({ channel: 'msteams', conversationId: channel.id }, [card]);
    expect(rewritten).toMatchObject({ status: 'sent', messageIds: ['card-7'] });
    const put = h.connector.requests[before];
    expect([put?.method, put?.url, put?.body.text]).toEqual([
      'PUT',
      `/v3/conversations/${encodeURIComponent(thread)}/activities/card-7`,
      card.text,
    ]);

    h.connector.plan.push({ status: 404, body: { error: { code: 'NotFound', message: 'Message not found' } } });
    expect(await h.bot.notifier.send({ channel: 'msteams', conversationId: channel.id }, [card])).toMatchObject({
      status: 'failed',
      httpStatus: 404,
      cannotRewrite: true,
    });
    // an edit Teams refuses (400 BadArgument: not a known activity id) is no use retrying either
    h.connector.plan.push({
      status: 400,
      body: { error: { code: 'BadArgument', message: 'Activity not a known activity id' } },
    });
    expect(await h.bot.notifier.send({ channel: 'msteams', conversationId: channel.id }, [card])).toMatchObject({
      status: 'failed',
      httpStatus: 400,
      cannotRewrite: true,
    });
    expect((await stored(h.bot.statePath)).find((c) => c.conversationId === channel.id)?.dead).toBeUndefined();
    expect((await h.bot.notifier.send({ channel: 'msteams', conversationId: channel.id }, reminder)).status).toBe(
      'sent',
    );
  });

  it('sends a proactive message to the stored conversation and reports it', async () => {
    await installed(team);
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: team.id }, reminder);
    expect(delivery).toMatchObject({ status: 'sent', conversationId: team.id });
    const [sent] = await h.connector.waitFor(1);
    expect(sent!.method).toBe('POST');
    expect(decodeURIComponent(sent!.url)).toContain(`/v3/conversations/${team.id}/activities`);
    expect(sent!.body.text).toBe(reminder[0]!.text);
  });

  it('retries a 429 after the Retry-After it was given, and succeeds', async () => {
    await installed(team);
    h.connector.plan.push({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { code: 'TooManyRequests', message: 'slow down' } },
    });
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: team.id }, reminder);
    expect(delivery.status).toBe('sent');
    expect(h.connector.requests).toHaveLength(2);
    expect(h.connector.requests[1]!.at - h.connector.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a 429 that gives no Retry-After, after a second, and succeeds', async () => {
    await installed(team);
    h.connector.plan.push({ status: 429, body: { error: { code: 'TooManyRequests', message: 'slow down' } } });
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: team.id }, reminder);
    expect(delivery.status).toBe('sent');
    expect(h.connector.requests).toHaveLength(2);
    expect(h.connector.requests[1]!.at - h.connector.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a conversation that stays throttled, after three tries, and says so', async () => {
    await installed(team);
    const throttled = { status: 429, body: { error: { code: 'TooManyRequests', message: 'slow down' } } };
    h.connector.plan.push(throttled, throttled, throttled, throttled);
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: team.id }, reminder);
    expect(delivery).toMatchObject({ status: 'failed', httpStatus: 429 });
    expect(h.connector.requests).toHaveLength(3);
  });

  it('retries a 502 from the connector and succeeds', async () => {
    await installed(team);
    h.connector.plan.push({ status: 502, body: { error: { code: 'BadGateway', message: 'upstream' } } });
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: team.id }, reminder);
    expect(delivery.status).toBe('sent');
    expect(h.connector.requests).toHaveLength(2);
  });

  it('marks the conversation dead on 403 "not in roster", and does not try it again', async () => {
    const personal = conversations.personal;
    await installed(personal);
    h.connector.plan.push({
      status: 403,
      body: {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      },
    });
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: personal.id }, reminder);
    expect(delivery).toMatchObject({ status: 'gone', httpStatus: 403 });
    expect(h.connector.requests).toHaveLength(1);
    const record = (await stored(h.bot.statePath)).find((c) => c.conversationId === personal.id);
    expect(record?.dead?.reason).toContain('BotNotInConversationRoster');
    const again = await h.bot.notifier.send({ channel: 'msteams', conversationId: personal.id }, reminder);
    expect(again.status).toBe('dead');
    expect(h.connector.requests).toHaveLength(1);
  });

  it('reports each conversation of a batch on its own', async () => {
    await installed(team);
    // the personal chat is stored and then gone: Teams says the bot is no longer in it
    await installed(conversations.personal);
    h.connector.plan.push({
      status: 403,
      body: {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      },
    });
    expect(
      (await h.bot.notifier.send({ channel: 'msteams', conversationId: conversations.personal.id }, reminder)).status,
    ).toBe('gone');
    const deliveries = await h.bot.notifier.sendToMany(
      [
        { channel: 'msteams', conversationId: team.id },
        { channel: 'msteams', conversationId: conversations.personal.id },
        { channel: 'msteams', conversationId: 'never-seen' },
      ],
      reminder,
    );
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'dead', 'unknown']);
  });

  it('forgets the team and every channel of it when the app is uninstalled from the team', async () => {
    await installed(team);
    const otherChannel = teamsActivity(h.connector.url, {
      conversation: conversations.channel,
      channelData,
      text: '<at>klikbot</at> hjælp',
      entities: [{ type: 'mention', text: '<at>klikbot</at>', mentioned: BOT }],
    });
    await postMessages(h.bot.url, otherChannel);
    await h.connector.waitFor(1);
    h.connector.requests.length = 0;
    const teamIds = () =>
      stored(h.bot.statePath).then((all) =>
        all
          .filter((c) => c.conversationId.includes('koege') || c.conversationId.includes('programledere'))
          .map((c) => c.conversationId),
      );
    expect(await teamIds()).toEqual([team.id, '19:programledere@thread.tacv2']);
    await install(team, 'remove');
    expect(await teamIds()).toEqual([]);
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: team.id }, reminder);
    expect(delivery.status).toBe('unknown');
    expect(h.connector.requests).toHaveLength(0);
  });

  it('welcomes a team again when the app is installed anew', async () => {
    await installed(team);
    await install(team, 'remove');
    const before = h.connector.requests.length;
    await install(team);
    const [welcome] = (await h.connector.waitFor(before + 1)).slice(before);
    expect(cardText(welcome!)).toContain('Velkommen til klikbot');
  });

  it('forgets a group chat the bot is removed from, and says nothing on an app upgrade', async () => {
    const group = {
      id: '19:another-group@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: 'tenant-koege',
    };
    await install(group, 'add-upgrade');
    expect((await stored(h.bot.statePath)).some((c) => c.conversationId === group.id)).toBe(true);
    // a question after the upgrade is answered: anything said on the upgrade would have come before that answer
    await askIn(group);
    expect(h.connector.requests.map((request) => cardText(request))).toEqual([
      expect.stringContaining('1. november 2018'),
    ]);
    const removed = teamsActivity(h.connector.url, {
      type: 'conversationUpdate',
      membersRemoved: [BOT],
      conversation: group,
      channelData,
    });
    expect((await postMessages(h.bot.url, removed)).status).toBe(200);
    expect((await stored(h.bot.statePath)).some((c) => c.conversationId === group.id)).toBe(false);
  });

  it('keeps stored conversations across a restart', async () => {
    const group = conversations.group;
    await install(group);
    await h.connector.waitFor(1);
    h.connector.requests.length = 0;
    const statePath = h.bot.statePath;
    await h.bot.close();
    h.bot = { ...(await startTestBot({ KLIKBOT_NOW: '2018-10-25T09:00:00+02:00', KLIKBOT_DB: statePath })), statePath };
    const delivery = await h.bot.notifier.send({ channel: 'msteams', conversationId: group.id }, reminder);
    expect(delivery.status).toBe('sent');
    expect((await h.connector.waitFor(1))[0]!.body.text).toBe(reminder[0]!.text);
  });
});
