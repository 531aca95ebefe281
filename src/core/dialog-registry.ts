import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import type { Understanding } from '../understanding/types.js';
import type { Understander } from '../understanding/understand.js';
import type { ActionPayload, Language, PostedMessage, Reply, Turn } from './types.js';

/** What every dialog gets: the turn, the knowledge base and the language to answer in. */
export interface DialogContext {
  turn: Turn;
  knowledge: Knowledge;
  language: Language;
}

/** What routing a turn needs: the knowledge, the understanding over it, and the conversation's last topic. */
export interface RouteDeps {
  knowledge: Knowledge;
  understander: Understander;
  previous?: Understanding;
}

/** The answer, and how the question was read (kept as the conversation's topic for follow-ups). */
export interface Routed {
  replies: Reply[];
  understanding?: Understanding;
  /**
   * What a follow-up leans on, where it is not `understanding`: an honest "I don't know" about
   * a named task is reported as not known, and "hvem er ansvarlig?" after it is still that task's.
   */
  topic?: Understanding;
  /**
   * Set when the text asks for an action dialog (one that reads or writes the state): the
   * router does not run it, the core does (`handle`). `replies` are then what can be said
   * without it: a stand-in's answer, the not-understood answer when the dialog is not
   * registered, or nothing.
   */
  action?: ActionPayload;
  /**
   * A message of several questions, one of which reads the state ("hvor mange er færdige med
   * BBR trin 1, og hvornår er opstartsmødet?"): each part as routed alone, in order; the core
   * runs each part's action. `replies` are then the parts' replies without the state.
   */
  parts?: Routed[];
}

/** A dialog that works with the state (`Services`): the core runs it and awaits its answer. */
export type ActionRunner<Services> = (
  context: DialogContext,
  args: Record<string, string>,
  services: Services,
) => Promise<Reply[]>;

/**
 * The dialogs as the core sees them. The composition root injects them (dialogs/registry.ts
 * holds the one registry), so the core knows no dialog by import and the dialogs may use the
 * core's types without a circle. `Services` is the state the action dialogs work with; the
 * core only hands it on.
 */
export interface DialogRegistry<Services> {
  /** Answers a turn from the knowledge alone: a button runs the dialog it names; text is understood, then answered. */
  route(turn: Turn, deps: RouteDeps): Routed;
  /** Whether a button naming this dialog can be answered (`ask`, a dialog or an action dialog). */
  knows(name: string): boolean;
  /** The typed command ("kommune Aarhus", "påmind til") the text is, if it is one. */
  command(text: string): ActionPayload | undefined;
  /** The action dialog with this name, if there is one. */
  action(name: string): ActionRunner<Services> | undefined;
  /** The answer where this klikbot has no state to run action dialogs with. */
  unavailable(context: { language: Language }): Reply;
  /** The answer to a button klikbot cannot read. */
  unknownButton(turn: Turn): Reply;
  /** What the person is told beside the answer to `dialog` (a claim that now waits for approval), at most once. */
  asides(context: DialogContext, services: Services, dialog: string | undefined): Promise<Reply[]>;
  /**
   * The answer to a question asked in words, as the person gets it (an answer learned from a
   * person where it fits better, a way to hand the question to one); `intent` is how it was read.
   */
  answered(context: DialogContext, services: Services, replies: Reply[], intent: string | undefined): Promise<Reply[]>;
  /** Keeps where a card meant for everyone was posted, so that it can be rewritten later. */
  cardPosted(reply: Reply, message: PostedMessage, services: Services): Promise<void>;
  /** A card meant for everyone as it stands at `now`; undefined for other cards. */
  currentCard(reply: Reply, services: Services, now: DateTime): Reply | undefined;
}
