import type { DateTime } from 'luxon';
import type { Understanding } from '../understanding/types.js';

/** How long a topic stays the conversation's topic: a follow-up comes within minutes. */
const TOPIC_MINUTES = 30;
/** Bounded, so a busy deployment cannot grow it without end (the oldest topics go first). */
const MAX_CONVERSATIONS = 10_000;

/**
 * The last understood question per conversation, for follow-ups ("og trin 4?"). Kept in
 * memory on purpose: a topic older than half an hour is no help, so a restart loses nothing
 * worth a disk write per message.
 */
export class ConversationMemory {
  readonly #topics = new Map<string, { understanding: Understanding; at: DateTime }>();

  /** The conversation's topic, if it was set within the last half hour. */
  recall(conversationId: string, now: DateTime): Understanding | undefined {
    const topic = this.#topics.get(conversationId);
    if (!topic || now.diff(topic.at, 'minutes').minutes > TOPIC_MINUTES) return undefined;
    return topic.understanding;
  }

  /** Makes an understood question the conversation's topic. */
  remember(conversationId: string, understanding: Understanding, now: DateTime): void {
    this.#topics.delete(conversationId);
    this.#topics.set(conversationId, { understanding, at: now });
    if (this.#topics.size > MAX_CONVERSATIONS) {
      const oldest = this.#topics.keys().next().value;
      if (oldest !== undefined) this.#topics.delete(oldest);
    }
  }
}
