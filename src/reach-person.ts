import { SLACK_CHANNEL } from './channels/slack/slack-deps.js';
import type { Notifier } from './core/notifier.js';
import type { Reply } from './core/types.js';
import type { ConversationRepository } from './state/conversations.js';
import type { Person } from './state/memberships.js';

// A person's channel as turns name it, to the channels their stored 1:1 chats are kept under
const STORED_CHANNELS: Record<string, string[]> = {
  teams: ['msteams'],
  slack: [SLACK_CHANNEL],
  web: ['webchat'],
  emulator: ['emulator'],
};

/**
 * Writes to a person's 1:1 chat with klikbot, the most recently seen; false where there is none
 * (they never wrote to klikbot privately) or it could not be written to. Approvals, and the
 * meeting host's quiet word from the timed work, reach people this way.
 */
export function reachPersonVia(
  conversations: ConversationRepository,
  notifier: Notifier,
): (person: Person, replies: Reply[]) => Promise<boolean> {
  return async (person, replies) => {
    const chat = conversations.personalChat(STORED_CHANNELS[person.channel] ?? [], person.userId);
    return chat
      ? (await notifier.send({ channel: chat.channel, conversationId: chat.conversationId }, replies)).status === 'sent'
      : false;
  };
}
