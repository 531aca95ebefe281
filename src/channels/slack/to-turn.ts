import { SLACK_CHANNEL } from './slack-deps.js';
import type { DateTime } from 'luxon';
import type { ActionPayload, ConversationKind, Turn } from '../../core/types.js';

/** Where a Slack interaction happened and who did it. */
export interface SlackPlace {
  userId: string;
  userName?: string;
  /** Conversation id: C… public channel, G… private channel or group DM, D… direct message. */
  channelId: string;
  teamId?: string;
  /** The thread it happened in (a channel's message answered in its thread), where there is one. */
  threadTs?: string;
}

function kindOf(channelId: string): ConversationKind {
  if (channelId.startsWith('D')) return 'personal';
  return 'channel';
}

/** Slack writes &, < and > as entities in message text; the understanding wants the characters. */
export function unescapeSlack(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Removes `<@BOTID>` mentions of the bot (and only the bot) from a message; line breaks stay (a pasted roster is a line a person). */
export function withoutMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  return text
    .replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** A Slack interaction as a Turn. */
export function toTurn(
  place: SlackPlace,
  text: string,
  now: DateTime,
  action?: ActionPayload,
  lookupEmail?: () => Promise<string | undefined>,
): Turn {
  const kind = kindOf(place.channelId);
  const turn: Turn = {
    user: { id: place.userId, name: place.userName, ...(lookupEmail ? { lookupEmail } : {}) },
    conversation: {
      channel: 'slack',
      id: place.channelId,
      isGroup: kind !== 'personal',
      kind,
      channelId: place.channelId,
      address: { channel: SLACK_CHANNEL, conversationId: place.channelId },
    },
    text: unescapeSlack(text).trim(),
    action,
    // Slack tells no locale in events: the text decides the language, Danish by default
    locale: 'da-DK',
    now,
  };
  if (place.teamId) turn.conversation.teamId = place.teamId;
  if (place.threadTs) turn.conversation.thread = place.threadTs;
  return turn;
}

/** What users.info answers that the email lookup reads. */
interface UsersInfo {
  user?: { team_id?: string; is_email_confirmed?: boolean; profile?: { email?: string } };
}

/**
 * The person's email address through users.info (needs the users:read.email scope), asked only
 * when a claim needs it: only an address Slack has confirmed, of a member of the workspace the
 * request came from (not a guest from another organisation's workspace); undefined otherwise,
 * or when the call fails.
 */
export function slackEmailLookup(
  client: { users: { info(args: { user: string }): Promise<unknown> } },
  userId: string,
  teamId?: string,
): () => Promise<string | undefined> {
  return async () => {
    try {
      const { user } = (await client.users.info({ user: userId })) as UsersInfo;
      if (!user || user.is_email_confirmed !== true || !teamId || user.team_id !== teamId) return undefined;
      return user.profile?.email;
    } catch {
      return undefined;
    }
  };
}
