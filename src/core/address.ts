import type { Turn } from './types.js';

/** A conversation as klikbot stores it: the key for writing to it later, links and reminders. */
export interface ConversationKey {
  channel: string;
  conversationId: string;
}

/** The stored address of the turn's conversation: the channel's own, else the turn's channel and id. */
export function addressOf(turn: Pick<Turn, 'conversation'>): ConversationKey {
  return turn.conversation.address ?? { channel: turn.conversation.channel, conversationId: turn.conversation.id };
}
