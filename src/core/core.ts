import type { Clock } from '../clock.js';
import { concrete } from '../knowledge/live.js';
import type { Knowledge } from '../knowledge/registry.js';
import { Understander } from '../understanding/understand.js';
import { ConversationMemory } from './conversation-memory.js';
import type { DialogRegistry, Routed } from './dialog-registry.js';
import { languageOf, withLanguage } from './language.js';
import type { PostedMessage, Reply, Turn } from './types.js';
import type { SharedValues } from '../state/shared-values.js';

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
export interface CoreDeps<Services> {
  knowledge: Knowledge;
  /** Without it, buttons and forms that would write are answered with a plain "not here". */
  services?: Services;
  /** For cards rendered outside a turn (currentCard); without it they are kept as they were. */
  clock?: Clock;
  /** Where the instances share each conversation's last question; absent, this instance's memory. */
  sharedValues?: SharedValues;
}

/**
 * The core over the dialogs `registry` holds (injected: the core knows no dialog by import)
 * and the loaded knowledge (and, to let people change statuses, the state).
 */
export function createCoreWith<Services>(registry: DialogRegistry<Services>, deps: CoreDeps<Services>): Core {
  // the knowledge as it is at each turn (a reload replaces it), and the understanding built over it
  const understanders = new WeakMap<Knowledge, Understander>();
  const knowledgeNow = (): { knowledge: Knowledge; understander: Understander } => {
    const knowledge = concrete(deps.knowledge);
    let understander = understanders.get(knowledge);
    if (!understander) understanders.set(knowledge, (understander = new Understander(knowledge)));
    return { knowledge, understander };
  };
  // built now, as the core is: the first question does not wait for the indexes
  knowledgeNow();
  const memory = new ConversationMemory(deps.sharedValues);

  /**
   * Runs the action dialog a button, form or typed command names, or undefined when it names
   * none. `standIn` is the answer where there is no state, when there is one.
   */
  const runAction = async (
    turn: Turn,
    language = languageOf(turn),
    standIn: Reply[] = [],
  ): Promise<Reply[] | undefined> => {
    const dialog = turn.action ? registry.action(turn.action.dialog) : undefined;
    if (!turn.action || !dialog) return undefined;
    if (!deps.services) return standIn.length > 0 ? standIn : [registry.unavailable({ language })];
    const replies = await dialog(
      { turn, knowledge: knowledgeNow().knowledge, language },
      turn.action.args,
      deps.services,
    );
    return withLanguage(replies, language);
  };

  /** The answer to text: what the router says, or the action dialog it read the text as asking for. */
  const answerWithState = async (turn: Turn, routed: Routed): Promise<Reply[]> => {
    if (routed.parts) {
      const replies: Reply[] = [];
      // (a refusal each part meets alike, "Du hører til Køge Kommune …", is said once)
      for (const part of routed.parts)
        for (const reply of await answerWithState(turn, part))
          if (!replies.some((said) => said.text === reply.text && said.heading === reply.heading)) replies.push(reply);
      return replies;
    }
    if (!routed.action) return routed.replies;
    const language = routed.understanding?.language ?? languageOf(turn);
    // an action dialog not registered (yet) leaves the router's answer
    return (await runAction({ ...turn, action: routed.action }, language, routed.replies)) ?? routed.replies;
  };

  // in a group chat or channel each person has their own thread of questions
  const topicKey = (turn: Turn) =>
    turn.conversation.isGroup ? `${turn.conversation.id}\u0000${turn.user.id}` : turn.conversation.id;
  const topicOf = (routed: Routed) => {
    const topic = routed.topic ?? routed.understanding;
    return topic && !noTopic.has(topic.intent) ? topic : undefined;
  };

  /** Answers with this instance's memory of the conversation (for callers that cannot wait). */
  const answer = (turn: Turn): Routed => {
    const routed = registry.route(turn, {
      ...knowledgeNow(),
      previous: memory.recall(topicKey(turn), turn.now),
    });
    const topic = topicOf(routed);
    if (topic) memory.remember(topicKey(turn), topic, turn.now);
    return routed;
  };

  /** Answers with the conversation's topic as any instance last set it. */
  const answerAnywhere = async (turn: Turn): Promise<Routed> => {
    const previous = await memory.recallAnywhere(topicKey(turn), turn.now);
    const routed = registry.route(turn, { ...knowledgeNow(), previous });
    const topic = topicOf(routed);
    if (topic) await memory.rememberAnywhere(topicKey(turn), topic, turn.now);
    return routed;
  };

  /** A question in words: the router's answer, then what the dialogs add to an answer (not to a command it asked for). */
  const answerQuestion = async (turn: Turn): Promise<Reply[]> => {
    const routed = await answerAnywhere(turn);
    const replies = await answerWithState(turn, routed);
    const commanded = routed.action !== undefined || (routed.parts ?? []).some((part) => part.action !== undefined);
    if (!deps.services || commanded) return replies;
    const language = routed.understanding?.language ?? languageOf(turn);
    const context = { turn, knowledge: knowledgeNow().knowledge, language };
    return withLanguage(
      await registry.answered(context, deps.services, replies, routed.understanding?.intent),
      language,
    );
  };

  return {
    handle: async (turn) => {
      const typed = turn.action ? turn : { ...turn, action: registry.command(turn.text) };
      const replies = (await runAction(typed)) ?? (await answerQuestion(turn));
      const context = { turn, knowledge: knowledgeNow().knowledge, language: languageOf(turn) };
      const asides = deps.services ? await registry.asides(context, deps.services, typed.action?.dialog) : [];
      return [...replies, ...asides];
    },
    answer,
    unknownButton: (turn) => [registry.unknownButton(turn)],
    knowsDialog: (name) => registry.knows(name),
    cardPosted: async (reply, message) => {
      if (deps.services) await registry.cardPosted(reply, message, deps.services);
    },
    currentCard: (reply) =>
      deps.services && deps.clock ? (registry.currentCard(reply, deps.services, deps.clock.now()) ?? reply) : reply,
  };
}
