import type { DateTime } from 'luxon';
import type { SharedValues } from '../state/shared-values.js';
import type { Understanding } from '../understanding/types.js';

/** How long a topic stays the conversation's topic: a follow-up comes within minutes. */
const TOPIC_MINUTES = 30;
/** Bounded, so a busy deployment cannot grow it without end (the oldest topics go first). */
const MAX_CONVERSATIONS = 10_000;

/** Whether a value read back from elsewhere has the shape of an understood question. */
function isUnderstanding(value: unknown): value is Understanding {
  const read = value as Partial<Understanding> | null | undefined;
  return (
    typeof read?.intent === 'string' &&
    typeof read.confidence === 'number' &&
    typeof read.entities === 'object' &&
    read.entities !== null &&
    (read.language === 'da' || read.language === 'en')
  );
}

/**
 * The last understood question per conversation, for follow-ups ("og trin 4?"). Kept in
 * memory on purpose: a topic older than half an hour is no help, so a restart loses nothing
 * worth a disk write per message. With several instances, `shared` holds it too, so that a
 * follow-up that reaches another instance is understood there.
 */
export class ConversationMemory {
  // when as milliseconds: ten thousand kept DateTimes cost memory and a luxon diff at every question
  readonly #topics = new Map<string, { understanding: Understanding; at: number }>();

  constructor(private readonly shared?: SharedValues) {}

  /** The topic as any instance last set it (this one's own, without shared values). */
  async recallAnywhere(conversationId: string, now: DateTime): Promise<Understanding | undefined> {
    if (!this.shared) return this.recall(conversationId, now);
    // a database that does not answer costs a follow-up its context, not the answer: this instance's memory stands in
    const value = await this.shared
      .get(`topic:${conversationId}`, now.toMillis())
      .catch(() => this.recall(conversationId, now));
    return isUnderstanding(value) ? value : undefined;
  }

  /** Makes an understood question the topic here and, with shared values, for every instance. */
  async rememberAnywhere(conversationId: string, understanding: Understanding, now: DateTime): Promise<void> {
    this.remember(conversationId, understanding, now);
    const at = now.toMillis();
    await this.shared
      ?.set(`topic:${conversationId}`, understanding, at, at + TOPIC_MINUTES * 60_000)
      .catch(() => undefined);
  }

  /** The conversation's topic, if it was set within the last half hour. */
  recall(conversationId: string, now: DateTime): Understanding | undefined {
    const topic = this.#topics.get(conversationId);
    if (!topic || now.toMillis() - topic.at > TOPIC_MINUTES * 60_000) return undefined;
    return topic.understanding;
  }

  /** Makes an understood question the conversation's topic. */
  remember(conversationId: string, understanding: Understanding, now: DateTime): void {
    this.#topics.delete(conversationId);
    this.#topics.set(conversationId, { understanding, at: now.toMillis() });
    if (this.#topics.size > MAX_CONVERSATIONS) {
      const oldest = this.#topics.keys().next().value;
      if (oldest !== undefined) this.#topics.delete(oldest);
    }
  }
}
