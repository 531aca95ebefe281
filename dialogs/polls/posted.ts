import { forEveryone } from '../../src/core/own-copy.js';
import type { PostedMessage, Reply } from '../../src/core/types.js';
import type { ActionServices } from '../types.js';
import { pollIdOf } from './card.js';

function sameMessage(a: PostedMessage, b: PostedMessage): boolean {
  return a.conversationId === b.conversationId && a.messageId === b.messageId;
}

/**
 * A poll's card was posted (or written over) at `message`: remembered there, so that votes and
 * the close can bring it up to date. A closed poll's result shown in another message (a typed
 * "luk afstemning", the button of "which poll?") is also written over the card people voted
 * on, which would otherwise stay open, with its vote buttons, for everyone; that card stays
 * the poll's, unless it can no longer be written to.
 */
export async function pollCardPosted(reply: Reply, message: PostedMessage, services: ActionServices): Promise<void> {
  const pollId = pollIdOf(reply);
  const poll = pollId === undefined ? undefined : services.polls?.get(pollId);
  if (!poll || pollId === undefined) return;
  const card = poll.message;
  if (poll.closedAt !== undefined && card && !sameMessage(card, message) && services.tell) {
    const to = { channel: poll.channel, conversationId: poll.conversationId };
    if (await services.tell(to, [{ ...forEveryone(reply), replaces: { ...card } }])) return;
  }
  await services.polls?.rememberMessage(pollId, message);
}
