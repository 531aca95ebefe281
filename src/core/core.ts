import { actionDialog, actionsUnavailableReply, type ActionServices } from '../../dialogs/registry.js';
import { say } from '../../dialogs/types.js';
import { currentPollCard, pollIdOf } from '../../dialogs/polls/card.js';
import type { Clock } from '../clock.js';
import { knowsDialog, languageOf, routeTurn, unknownButtonReply, withLanguage, type Routed } from '../../dialogs/router.js';
import type { Knowledge } from '../knowledge/registry.js';
import { Understander } from '../understanding/understand.js';
import { commandOf } from '../../dialogs/commands.js';
import { ConversationMemory } from './conversation-memory.js';
import type { PostedMessage, Reply, Turn } from './types.js';

/** The channel-neutral bot: a Turn in, Replies out. */
export interface Core {
  /** Answers a turn: a button or form naming an action dialog runs it (and may write); all else is routed. */
  handle(turn: Turn): Promise<Reply[]>;
  /**
   * How the turn is read and answered without the state, synchronously (for measuring the
   * understanding). Text asking for an action dialog ("status", "BBR trin 3 er fuldført")
   * comes back as `action`, not run: its `replies` are only what can be said without the
   * state (see Routed). `handle` runs it.
   */
  answer(turn: Turn): Routed;
  /** The answer to a button payload the channel could not read. */
  unknownButton(turn: Turn): Reply[];
  /** Whether a button naming this dialog would be answered (an old card may name one that is gone). */
  knowsDialog(name: string): boolean;
  /**
   * The channel tells where a card meant for everyone now stands (posted, or pressed in
   * place), so that it can be updated later without anyone pressing (a poll closing at its
   * set time).
   */
  cardPosted(reply: Reply, message: PostedMessage): Promise<void>;
  /**
   * A card meant for everyone as it stands now (a poll's counts, or its result once closed),
   * for a rewrite that runs later than the press that asked for it; other cards as they are.
   */
  currentCard(reply: Reply): Reply;
}

// Questions that are no topic of their own: a follow-up to them has nothing to follow.
const noTopic = new Set(['unknown', 'help']);

/** What the core is built from: the knowledge, and the state behind the dialogs that write. */
export interface CoreDeps {
  knowledge: Knowledge;
  /** Without it, buttons and forms that would write are answered with a plain "not here". */
  services?: ActionServices;
  /** For cards rendered outside a turn (currentCard); without it they are kept as they were. */
  clock?: Clock;
}

/**
 * Runs the action dialog a button, form or typed command names, or undefined when it names
 * none. `standIn` is the answer where there is no state, when there is one.
 */
async function runAction(turn: Turn, deps: CoreDeps, language = languageOf(turn), standIn: Reply[] = []): Promise<Reply[] | undefined> {
  const dialog = turn.action ? actionDialog(turn.action.dialog) : undefined;
  if (!turn.action || !dialog) return undefined;
  if (!deps.services) return standIn.length > 0 ? standIn : [actionsUnavailableReply({ language })];
  const replies = await dialog({ turn, knowledge: deps.knowledge, language }, turn.action.args, deps.services);
  return withLanguage(replies, language);
}

/** The answer to text: what the router says, or the action dialog it read the text as asking for. */
async function answerWithState(turn: Turn, routed: Routed, deps: CoreDeps): Promise<Reply[]> {
  if (!routed.action) return routed.replies;
  const language = routed.understanding?.language ?? languageOf(turn);
  // an action dialog not registered (yet) leaves the router's answer
  return (await runAction({ ...turn, action: routed.action }, deps, language, routed.replies)) ?? routed.replies;
}

/**
 * A membership declared before claims were verified waits for approval now: its holder is
 * told so once, beside the next answer they get.
 */
async function waitingClaimNotice(turn: Turn, deps: CoreDeps, action: string | undefined): Promise<Reply[]> {
  const person = { channel: turn.conversation.channel, userId: turn.user.id };
  const membership = deps.services?.memberships.get(person.channel, person.userId);
  // a claim made now is answered by its own reply
  if (!membership || membership.state !== 'pending' || membership.told || action === 'membership-set') return [];
  try {
    await deps.services!.memberships.markTold(person);
  } catch {
    // the answer stands; the note comes again next time
    return [];
  }
  const name = deps.knowledge.municipalities.find((m) => m.id === membership.municipalityId)?.name ?? membership.municipalityId;
  const text = say(
    { language: languageOf(turn) },
    `Bemærk: tilknytninger skal nu bekræftes. Din tilknytning til ${name} venter på godkendelse fra et bekræftet medlem af kommunen eller en administrator; indtil da kan du læse alt, men ikke ændre status. Den status, du har meldt, står fortsat med sin historik. Skriv 'kommune ${name}' for at bede om godkendelse.`,
    `Note: memberships are now verified. Your membership of ${name} awaits approval by a verified member of the municipality or an administrator; until then you can read everything but not change a status. The statuses you reported stay, with their history. Type 'kommune ${name}' to ask for approval.`,
  );
  return [{ text, notice: true }];
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
      const replies = (await runAction(typed, deps)) ?? (await answerWithState(turn, answer(turn), deps));
      return [...replies, ...(await waitingClaimNotice(turn, deps, typed.action?.dialog))];
    },
    answer,
    unknownButton: (turn) => [unknownButtonReply(turn)],
    knowsDialog,
    cardPosted: async (reply, message) => {
      const pollId = pollIdOf(reply);
      if (pollId !== undefined) await deps.services?.polls?.rememberMessage(pollId, message);
    },
    currentCard: (reply) => {
      const polls = deps.services?.polls;
      return polls && deps.clock ? (currentPollCard(polls, reply, deps.clock.now()) ?? reply) : reply;
    },
  };
}
