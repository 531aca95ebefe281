import { actionDialog, actionsUnavailableReply, type ActionServices } from '../../dialogs/action-dialogs.js';
import { knowsDialog, languageOf, routeTurn, unknownButtonReply, withLanguage, type Routed } from '../../dialogs/router.js';
import type { Knowledge } from '../knowledge/registry.js';
import { Understander } from '../understanding/understand.js';
import { commandOf } from './commands.js';
import { ConversationMemory } from './conversation-memory.js';
import type { Reply, Turn } from './types.js';

/** The channel-neutral bot: a Turn in, Replies out. */
export interface Core {
  /** Answers a turn: a button or form naming an action dialog runs it (and may write); all else is routed. */
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

/** What the core is built from: the knowledge, and the state behind the dialogs that write. */
export interface CoreDeps {
  knowledge: Knowledge;
  /** Without it, buttons and forms that would write are answered with a plain "not here". */
  services?: ActionServices;
}

/** Runs the action dialog a button or form names, or undefined when it names none. */
async function runAction(turn: Turn, deps: CoreDeps): Promise<Reply[] | undefined> {
  const dialog = turn.action ? actionDialog(turn.action.dialog) : undefined;
  if (!turn.action || !dialog) return undefined;
  const language = languageOf(turn);
  if (!deps.services) return [actionsUnavailableReply({ language })];
  const replies = await dialog({ turn, knowledge: deps.knowledge, language }, turn.action.args, deps.services);
  return withLanguage(replies, language);
}

/** Builds the core over the loaded knowledge (and, to let people change statuses, the state). */
export function createCore(deps: CoreDeps): Core {
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
    handle: async (turn) => {
      const typed = turn.action ? turn : { ...turn, action: commandOf(turn.text) };
      return (await runAction(typed, deps)) ?? answer(turn).replies;
    },
    answer,
    unknownButton: (turn) => [unknownButtonReply(turn)],
    knowsDialog,
  };
}
