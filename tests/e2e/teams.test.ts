import { storedStateAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import { postMessages } from '../support/bot-framework.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import { channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';

/** Everything a person reads in what the bot sent: the text, or the card's text blocks. */
function readable(request: ConnectorRequest): string {
  const blocks = (request.body.attachments ?? []).flatMap((attachment) => attachment.content.body ?? []);
  return [request.body.text ?? '', request.body.summary ?? '', ...blocks.map((block) => block.text ?? '')].join('\n');
}

async function storedConversations(
  statePath: string,
): Promise<{ channel: string; conversationId: string; dead?: { reason: string } }[]> {
  const state = (await storedStateAt(statePath)) as {
    conversations: { channel: string; conversationId: string; dead?: { reason: string } }[];
  };
  return state.conversations;
}

describe('klikbot in Teams, through a fake Bot Connector', () => {
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });

  async function post(activity: Record<string, unknown>): Promise<Response> {
    const response = await postMessages(h.bot.url, activity);
    expect(response.status).toBe(200);
    return response;
  }

  it('answers in a personal chat on the reply route of the question', async () => {
    const question = teamsActivity(h.connector.url, { text: 'hvornår er deadline for at udpege FK-ansvarlig?' });
    await post(question);
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.method).toBe('POST');
    expect(reply!.url).toBe(
      `/v3/conversations/${encodeURIComponent(conversations.personal.id)}/activities/${question.id as string}`,
    );
    expect(readable(reply!)).toContain('1. november 2018');
  });

  it('answers an @mention in a group chat', async () => {
    await post(
      teamsActivity(h.connector.url, {
        conversation: conversations.group,
        ...mentioning('hvad er trinene i BBR på Adgangsstyring?'),
      }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.url).toContain(encodeURIComponent(conversations.group.id));
    expect(readable(reply!)).toMatch(/Trin 1|1\./);
  });

  it('answers an @mention in a channel thread, and keeps the channel (not the thread) for later', async () => {
    await post(
      teamsActivity(h.connector.url, {
        conversation: conversations.channel,
        channelData,
        ...mentioning('hvornår er deadline for at udpege FK-ansvarlig?'),
      }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(reply!.url).toContain(encodeURIComponent(conversations.channel.id));
    expect(readable(reply!)).toContain('1. november 2018');
    const stored = await storedConversations(h.bot.statePath);
    expect(stored.map((c) => c.conversationId)).toContain('19:programledere@thread.tacv2');
  });

  it('replaces the card in place when an Action.Execute is pressed', async () => {
    const response = await post(
      teamsActivity(h.connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'role-list',
            data: { klikbot: { dialog: 'role-list', args: { category: 'project' }, replacesCard: true } },
          },
          trigger: 'manual',
        },
      }),
    );
    const answer = (await response.json()) as {
      statusCode: number;
      type: string;
      value: { body: { text?: string }[]; actions: { type: string }[] };
    };
    expect(answer.statusCode).toBe(200);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(answer.value.body.map((block) => block.text ?? '').join('\n')).toMatch(
      /projekt- og programroller[\s\S]*Projektejer/,
    );
    expect(answer.value.actions.some((action) => action.type === 'Action.Execute')).toBe(true);
    expect(h.connector.requests).toHaveLength(0);
  });

  it('updates the card by id when a client falls back to Action.Submit', async () => {
    await post(
      teamsActivity(h.connector.url, {
        channelId: 'emulator',
        replyToId: 'card-message-7',
        value: { klikbot: { dialog: 'role-list', args: { category: 'technical' }, replacesCard: true } },
      }),
    );
    const [update] = await h.connector.waitFor(1);
    expect(update!.method).toBe('PUT');
    expect(update!.url).toBe(
      `/v3/conversations/${encodeURIComponent(conversations.personal.id)}/activities/card-message-7`,
    );
    expect(readable(update!)).toMatch(/tekniske roller/i);
  });

  it('refuses a card action it cannot read without touching the card', async () => {
    const response = await post(
      teamsActivity(h.connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', data: { other: 1 } } },
      }),
    );
    const answer = (await response.json()) as { statusCode: number; type: string; value: { message: string } };
    expect(answer.statusCode).toBe(400);
    expect(answer.type).toBe('application/vnd.microsoft.error');
    expect(answer.value.message).toContain('Den knap kender jeg ikke');
  });

  it('leaves a card whose button names a dialog this klikbot no longer has', async () => {
    const stale = { klikbot: { dialog: 'no-such-dialog', args: {}, replacesCard: true } };
    const response = await post(
      teamsActivity(h.connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', data: stale } },
      }),
    );
    expect(((await response.json()) as { statusCode: number }).statusCode).toBe(400);
    await post(teamsActivity(h.connector.url, { channelId: 'emulator', replyToId: 'card-message-8', value: stale }));
    const [answer] = await h.connector.waitFor(1);
    expect(answer!.method).toBe('POST');
    expect(answer!.body.text).toContain('Den knap kender jeg ikke');
  });
});
