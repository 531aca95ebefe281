import { storedStateAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';

interface CardContent {
  body?: { type: string; text?: string }[];
}

function shown(request: ConnectorRequest): string {
  const card = (request.body.attachments?.[0]?.content ?? {}) as CardContent;
  return [request.body.text ?? '', ...(card.body ?? []).map((element) => element.text ?? '')].join('\n');
}

const jens = { id: '29:jens', name: 'Jens', aadObjectId: 'aad-jens' };
// another thread in the same team channel: Teams gives each its own conversation id
const sameChannelOtherThread = {
  ...conversations.channel,
  id: '19:programledere@thread.tacv2;messageid=1700000000999',
};
const otherChannel = { ...conversations.channel, id: '19:andre@thread.tacv2;messageid=1700000000123' };
const otherChannelData = { ...channelData, channel: { id: '19:andre@thread.tacv2', name: 'Andre' } };

describe('a Teams channel linked to a municipality: everyone in it acts for it', () => {
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-10-01T10:00:00+02:00' });

  async function say(text: string, overrides: Record<string, unknown>): Promise<ConnectorRequest> {
    const before = h.connector.requests.length;
    expect(
      (await postMessages(h.bot.url, teamsActivity(h.connector.url, { ...mentioning(text), ...overrides }))).status,
    ).toBe(200);
    return (await h.connector.waitFor(before + 1))[before]!;
  }

  async function statusUpdates(): Promise<
    { municipalityId: string; taskId: string; step?: number; status: string; by: { userId: string } }[]
  > {
    const state = (await storedStateAt(h.bot.statePath)) as {
      statusUpdates: Awaited<ReturnType<typeof statusUpdates>>;
    };
    return state.statusUpdates;
  }

  it('"kanal Aarhus" in a channel, then another person there reports a status for Aarhus; elsewhere they are refused', async () => {
    const linked = await say('kanal Aarhus', { conversation: conversations.channel, channelData });
    expect(linked.method).toBe('POST');
    expect(linked.url).toContain(encodeURIComponent(conversations.channel.id));
    expect(shown(linked)).toContain(
      'Denne kanal hører nu til Aarhus Kommune (sat af Mette Programleder). Alle her kan melde status for Aarhus Kommune',
    );

    const reported = await say('BBR trin 3 er fuldført', {
      from: jens,
      conversation: sameChannelOtherThread,
      channelData,
    });
    expect(shown(reported)).toContain(
      'BBR på Adgangsstyring, trin 3 er nu fuldført for Aarhus Kommune (før: ikke påbegyndt)',
    );
    expect(await statusUpdates()).toMatchObject([
      { municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 3, status: 'done', by: { userId: 'aad-jens' } },
    ]);

    const refused = await say('BBR trin 4 er fuldført', {
      from: jens,
      conversation: otherChannel,
      channelData: otherChannelData,
    });
    expect(shown(refused)).toMatch(/^Du hører ikke til en kommune endnu/);
    expect(await statusUpdates()).toHaveLength(1);
  });
  it('"vi er Odense Kommune" written in a channel links the person and the channel', async () => {
    const thirdChannel = { ...conversations.channel, id: '19:odense@thread.tacv2;messageid=1700000000555' };
    const reply = await say('vi er Odense Kommune', {
      from: { id: '29:karen', name: 'Karen', aadObjectId: 'aad-karen' },
      conversation: thirdChannel,
      channelData: { ...channelData, channel: { id: '19:odense@thread.tacv2', name: 'Odense' } },
    });
    expect(shown(reply)).toContain('Odense Kommune');
    const state = (await storedStateAt(h.bot.statePath)) as {
      conversationLinks: { channel: string; conversationId: string; municipalityId: string }[];
      memberships: { userId: string; municipalityId: string }[];
    };
    expect(state.conversationLinks).toContainEqual(
      expect.objectContaining({
        channel: 'msteams',
        conversationId: '19:odense@thread.tacv2',
        municipalityId: 'odense',
      }),
    );
    expect(state.memberships).toContainEqual(
      expect.objectContaining({ userId: 'aad-karen', municipalityId: 'odense' }),
    );
  });
});
