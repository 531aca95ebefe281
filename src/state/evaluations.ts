import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DateTime } from 'luxon';
import { nowIso, ZONE, type Clock } from '../clock.js';
import type { ConversationKey } from '../core/address.js';
import type { PostedMessage } from '../core/types.js';
import {
  postedMessageSchema,
  type Actor,
  type DeepReadonly,
  type Evaluation,
  type EvaluationAnswer,
} from './schema.js';
import type { Store } from './store.js';
import { voterHash } from './vote-key.js';
import { plainCopy } from './mirror.js';

export type { Evaluation, EvaluationAnswer } from './schema.js';

/** The longest free-text answer to one question. */
export const EVALUATION_TEXT_MAX = 2000;

const freeText = z
  .string()
  .trim()
  .max(EVALUATION_TEXT_MAX)
  .optional()
  .transform((text) => (text === '' ? undefined : text));

/** An answer as given: a rating of 1–5 and, if written, what worked and what could be better (trimmed; empty is no answer). */
export const evaluationAnswerInput = z.object({
  rating: z.coerce.number().int().min(1).max(5),
  worked: freeText,
  improve: freeText,
});

/** An answer as given, before it is checked. */
export type EvaluationAnswerInput = z.input<typeof evaluationAnswerInput>;

/** Who answers: only to make sure they answer once; it is stored as a keyed hash, apart from the answer. */
export interface Responder {
  channel: string;
  userId: string;
}

/** An evaluation to start in a conversation, perhaps for a meeting. */
export interface NewEvaluation extends ConversationKey {
  meetingId?: string;
  startedBy: Actor;
}

/** Started, or refused because the conversation has one open already (that one). */
export type StartOutcome =
  { ok: true; evaluation: Evaluation } | { ok: false; reason: 'already-open'; evaluation: Evaluation };

/** Why an answer was not stored. */
export type AnswerRefusal = 'not-found' | 'closed' | 'already-answered';

/** Closed, or why not. */
export type CloseOutcome =
  { ok: true; evaluation: Evaluation } | { ok: false; reason: 'not-found' | 'already-closed'; evaluation?: Evaluation };

/** What the answers add up to: how many, the average rating, and how many gave each rating (index 0 is 1). */
export interface EvaluationSummary {
  answers: number;
  /** Absent when nobody answered. */
  average?: number;
  distribution: [number, number, number, number, number];
}

function inConversation(key: ConversationKey) {
  return (evaluation: DeepReadonly<Evaluation>) =>
    evaluation.channel === key.channel && evaluation.conversationId === key.conversationId;
}

function copy<T>(value: DeepReadonly<T> | T): T {
  return plainCopy(value) as T;
}

/** Where `fraction` (0 ≤ f < 1) falls among `length + 1` places to insert at. */
function placeIn(length: number, fraction: number): number {
  return Math.min(length, Math.floor(fraction * (length + 1)));
}

/** A random fraction for `placeIn`, from the system's cryptographic source: where an answer lands says nothing and cannot be foreseen. */
function randomFraction(): number {
  return randomInt(0, 2 ** 48 - 1) / 2 ** 48;
}

/**
 * End-of-meeting evaluations. An answer is stored with no voter, no name and no time, at a
 * random place among all answers (so the order says nothing about who answered when). That
 * someone answered is kept apart, as a hash keyed with the vote key (also at a random place):
 * enough to hold each person to one answer, and nothing that leads from an answer to them.
 */
export class EvaluationRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly key: Buffer,
    private readonly random: () => number = randomFraction,
  ) {}

  /** Starts an evaluation in a conversation, unless one is open there already. */
  async start(input: NewEvaluation): Promise<StartOutcome> {
    const evaluation: Evaluation = {
      id: randomUUID(),
      channel: input.channel,
      conversationId: input.conversationId,
      ...(input.meetingId !== undefined ? { meetingId: input.meetingId } : {}),
      startedBy: JSON.parse(JSON.stringify(input.startedBy)) as Actor,
      startedAt: nowIso(this.clock),
    };
    return this.store.update((draft): StartOutcome => {
      const open = draft.evaluations.find(
        (candidate) => inConversation(input)(candidate) && candidate.closedAt === undefined,
      );
      if (open) return { ok: false, reason: 'already-open', evaluation: copy(open) };
      draft.evaluations.push(evaluation);
      return { ok: true, evaluation: copy(evaluation) };
    });
  }

  /** One evaluation by id. */
  get(id: string): DeepReadonly<Evaluation> | undefined {
    return this.store.read().evaluations.find((evaluation) => evaluation.id === id);
  }

  /** The conversation's open evaluation, if any. */
  openIn(key: ConversationKey): DeepReadonly<Evaluation> | undefined {
    return this.store
      .read()
      .evaluations.find((evaluation) => inConversation(key)(evaluation) && evaluation.closedAt === undefined);
  }

  /** The conversation's evaluations, oldest first. */
  allIn(key: ConversationKey): DeepReadonly<Evaluation>[] {
    return this.store.read().evaluations.filter(inConversation(key));
  }

  /**
   * The meeting a session in this conversation runs, when one was started on `day`
   * (YYYY-MM-DD, Denmark) and not ended: what an evaluation started there is about.
   */
  meetingRunningIn(key: ConversationKey, day: string): string | undefined {
    const session = this.store
      .read()
      .meetingSessions.find(
        (candidate) => candidate.channel === key.channel && candidate.conversationId === key.conversationId,
      );
    if (!session || session.endedAt !== undefined) return undefined;
    return DateTime.fromISO(session.startedAt, { zone: ZONE }).toISODate() === day ? session.meetingId : undefined;
  }

  /** Whether this person has answered the evaluation. */
  hasAnswered(evaluationId: string, who: Responder): boolean {
    const responder = voterHash(this.key, evaluationId, who.channel, who.userId);
    return this.store
      .read()
      .evaluationResponders.some((entry) => entry.evaluationId === evaluationId && entry.responder === responder);
  }

  /**
   * Stores one person's answer, once: the answer and the mark that they answered go into the
   * state in one write, or neither does. Throws when the answer itself is not valid (the
   * dialog checks it first, with a message for the person).
   */
  async answer(
    evaluationId: string,
    who: Responder,
    given: EvaluationAnswerInput,
  ): Promise<{ ok: true } | { ok: false; reason: AnswerRefusal }> {
    const checked = evaluationAnswerInput.parse(given);
    const answer: EvaluationAnswer = {
      evaluationId,
      rating: checked.rating,
      ...(checked.worked !== undefined ? { worked: checked.worked } : {}),
      ...(checked.improve !== undefined ? { improve: checked.improve } : {}),
    };
    const responder = voterHash(this.key, evaluationId, who.channel, who.userId);
    // chosen outside the mutator, which the store may run more than once
    const [answerAt, responderAt] = [this.random(), this.random()];
    return this.store.update((draft): { ok: true } | { ok: false; reason: AnswerRefusal } => {
      const evaluation = draft.evaluations.find((candidate) => candidate.id === evaluationId);
      if (!evaluation) return { ok: false, reason: 'not-found' };
      if (evaluation.closedAt !== undefined) return { ok: false, reason: 'closed' };
      if (
        draft.evaluationResponders.some((entry) => entry.evaluationId === evaluationId && entry.responder === responder)
      )
        return { ok: false, reason: 'already-answered' };
      draft.evaluationAnswers.splice(placeIn(draft.evaluationAnswers.length, answerAt), 0, answer);
      draft.evaluationResponders.splice(placeIn(draft.evaluationResponders.length, responderAt), 0, {
        evaluationId,
        responder,
      });
      return { ok: true };
    });
  }

  /** Closes the evaluation: no more answers; the results can be shown. */
  async close(evaluationId: string): Promise<CloseOutcome> {
    const at = nowIso(this.clock);
    return this.store.update((draft): CloseOutcome => {
      const evaluation = draft.evaluations.find((candidate) => candidate.id === evaluationId);
      if (!evaluation) return { ok: false, reason: 'not-found' };
      if (evaluation.closedAt !== undefined)
        return { ok: false, reason: 'already-closed', evaluation: copy(evaluation) };
      evaluation.closedAt = at;
      return { ok: true, evaluation: copy(evaluation) };
    });
  }

  /** Keeps the channel's reference to the posted evaluation card (to update it later); false when there is no such evaluation. */
  async setMessage(evaluationId: string, message: Record<string, unknown>): Promise<boolean> {
    const stored = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
    return this.store.update((draft) => {
      const evaluation = draft.evaluations.find((candidate) => candidate.id === evaluationId);
      if (evaluation) evaluation.message = stored;
      return evaluation !== undefined;
    });
  }

  /** Keeps where the evaluation's card was posted, to rewrite it when the evaluation closes; writes only when that is news. */
  async rememberMessage(evaluationId: string, message: PostedMessage): Promise<void> {
    const known = this.postedMessage(evaluationId);
    if (
      !this.get(evaluationId) ||
      (known?.conversationId === message.conversationId && known.messageId === message.messageId)
    )
      return;
    await this.setMessage(evaluationId, { conversationId: message.conversationId, messageId: message.messageId });
  }

  /** Where the evaluation's card was posted, when klikbot knows it. */
  postedMessage(evaluationId: string): PostedMessage | undefined {
    const parsed = postedMessageSchema.safeParse(this.get(evaluationId)?.message);
    return parsed.success ? parsed.data : undefined;
  }

  /** The evaluation's answers, in the order stored (which says nothing): rating and free text, nothing else. */
  answers(evaluationId: string): DeepReadonly<EvaluationAnswer>[] {
    return this.store.read().evaluationAnswers.filter((answer) => answer.evaluationId === evaluationId);
  }

  /** How many answered, the average rating, and how many gave each rating. */
  summary(evaluationId: string): EvaluationSummary {
    return summarise(this.answers(evaluationId));
  }
}

/** The count, average and distribution of a list of answers. */
export function summarise(answers: readonly Pick<EvaluationAnswer, 'rating'>[]): EvaluationSummary {
  const distribution: EvaluationSummary['distribution'] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const { rating } of answers) {
    distribution[rating - 1] = (distribution[rating - 1] ?? 0) + 1;
    total += rating;
  }
  return { answers: answers.length, ...(answers.length > 0 ? { average: total / answers.length } : {}), distribution };
}
