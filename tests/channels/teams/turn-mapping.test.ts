import { createActionSeal } from '../../../src/core/sealed-action.js';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/channels/teams/adapter.js';
import { registerMessagesRoute } from '../../../src/channels/teams/messages-route.js';
import { createFixedClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import type { Core } from '../../../src/core/core.js';
import type { Turn } from '../../../src/core/types.js';
import { createHttpServer, listen } from '../../../src/server/http-server.js';
import { postMessages } from '../../support/bot-framework.js';
import {
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  TENANT,
  keepNoConversations,
} from '../../support/teams-activities.js';

describe('what the core sees of a Teams activity', () => {
  const turns: Turn[] = [];
  const logger = pino({ level: 'silent' });
  const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
  const server = createHttpServer({ clock, logger, localMode: true });
  const core: Pick<Core, 'handle' | 'unknownButton' | 'knowsDialog' | 'cardPosted' | 'currentCard'> = {
    handle: async (turn) => {
      turns.push(turn);
      return [{ text: 'ok' }];
    },
    unknownButton: () => [{ text: 'ukendt knap' }],
    knowsDialog: () => true,
    cardPosted: async () => undefined,
    currentCard: (reply) => reply,
  };
  let url = '';

  beforeAll(async () => {
    registerMessagesRoute(server, {
      adapter: createAdapter(loadConfig({}).teams, logger),
      core,
      clock,
      logger,
      conversations: keepNoConversations,
      localMode: true,
      seal: createActionSeal(Buffer.alloc(32, 7)),
    });
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => {
    server.close();
  });

  async function turnFor(overrides: Record<string, unknown>): Promise<Turn> {
    turns.length = 0;
    const response = await postMessages(
      url,
      teamsActivity('http://127.0.0.1:9', { deliveryMode: 'expectReplies', ...overrides }),
    );
    expect(response.status).toBe(200);
    expect(turns).toHaveLength(1);
    return turns[0]!;
  }

  it('strips the @mention in a channel and carries the tenant, team, channel and Entra ids', async () => {
    const turn = await turnFor({
      conversation: conversations.channel,
      channelData,
      ...mentioning('hvornår er deadline for FK-ansvarlig?'),
    });
    expect(turn.text).toBe('hvornår er deadline for FK-ansvarlig?');
    // the email is looked up from the roster only when a claim needs it
    const { lookupEmail, ...user } = turn.user;
    expect(user).toEqual({ id: 'aad-mette', name: 'Mette Programleder', aadObjectId: 'aad-mette' });
    expect(typeof lookupEmail).toBe('function');
    expect(turn.conversation).toEqual({
      channel: 'teams',
      id: conversations.channel.id,
      isGroup: true,
      kind: 'channel',
      tenantId: TENANT,
      teamId: channelData.team.id,
      channelId: channelData.channel.id,
      // stored and written to later as the channel itself, not the thread
      address: { channel: 'msteams', conversationId: '19:programledere@thread.tacv2' },
      // … and the thread it sits in, for what is said there later (KOMBIT's answer)
      thread: conversations.channel.id,
    });
  });

  it('knows a group chat and a personal chat apart', async () => {
    const group = await turnFor({ conversation: conversations.group, ...mentioning('hjælp') });
    expect(group.text).toBe('hjælp');
    expect(group.conversation).toMatchObject({ kind: 'group', isGroup: true, tenantId: TENANT });
    const personal = await turnFor({ conversation: conversations.personal, text: 'hjælp' });
    expect(personal.conversation).toMatchObject({ kind: 'personal', isGroup: false, tenantId: TENANT });
    expect(personal.conversation.teamId).toBeUndefined();
  });

  it('writes a mention of someone else as @name, and tells who was mentioned', async () => {
    const turn = await turnFor({
      text: '<at>Jens</at> spørger om BBR',
      entities: [{ type: 'mention', text: '<at>Jens</at>', mentioned: { id: '29:jens', name: 'Jens' } }],
    });
    expect(turn.text).toBe('@Jens spørger om BBR');
    expect(turn.mentions?.map((mention) => mention.name)).toEqual(['Jens']);
  });

  it('turns an Action.Submit payload into the button action, with no text', async () => {
    const turn = await turnFor({
      text: undefined,
      value: { klikbot: { dialog: 'task-steps', args: { taskId: 'bbr-adgangsstyring' } } },
    });
    expect(turn.text).toBe('');
    expect(turn.action).toEqual({ dialog: 'task-steps', args: { taskId: 'bbr-adgangsstyring' } });
  });
});
