import { knowsDialog, routeTurn, unknownButtonReply, type Routed } from '../../dialogs/router.js';
import type { Knowledge } from '../knowledge/registry.js';
import { Understander } from '../understanding/understand.js';
import { ConversationMemory } from './conversation-memory.js';
import type { Reply, Turn } from './types.js';

/** The channel-neutral bot: a Turn in, Replies out. */
export interface Core {
  handle(turn: Turn): Promise<Reply[]>;
  /** The same as `handle`, with how the question was read (for measuring the understanding). */
  answer(turn: Turn): Routed;
  /** The answer to a button payload the channel could not read. */
  unknownButton(turn: Turn): Reply[];
  /** Whether a button naming this dialog would be answered (an old card may name one that is gone). */
  knowsDialog(name: string): boolean;
}

// Questions that are no topic of their own: a follow-up to them has nothing to follow.
const noTopic = new Set(['unknown', 'help']);

/** Builds the core over the loaded knowledge. */
export function createCore(deps: { knowledge: Knowledge }): Core {
  const understander = new Understander(deps.knowledge);
  const memory = new ConversationMemory();
  const answer = (turn: Turn): Routed => {
    // in a group chat or channel each person has their own thread of questions
    const topicKey = turn.conversation.isGroup ? `${turn.conversation.id}\u0000${turn.user.id}` : turn.conversation.id;
    const previous = memory.recall(topicKey, turn.now);
    const routed = routeTurn(turn, { knowledge: deps.knowledge, understander, previous });
    if (routed.understanding && !noTopic.has(routed.understanding.intent)) {
      memory.remember(topicKey, routed.understanding, turn.now);
    }
    return routed;
  };
  return {
    handle: async (turn) => answer(turn).replies,
    answer,
    unknownButton: (turn) => [unknownButtonReply(turn)],
    knowsDialog,
  };
}
