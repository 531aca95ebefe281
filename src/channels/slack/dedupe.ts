import type { Clock } from '../../clock.js';

/** How long an event id is remembered: Slack retries within minutes (three times at most). */
const REMEMBER_MS = 60 * 60 * 1000;

/**
 * Slack resends an event it thinks was not received (`X-Slack-Retry-Num`), and Bolt passes
 * every copy on: the first copy of an event id is answered, the others are dropped. Kept in
 * memory: a restart between a send and its retry may answer twice, which is rare and harmless
 * next to never answering.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** True the first time an id is offered within the hour, false for every copy after. */
  firstTime(eventId: string): boolean {
    const now = this.clock.now().toMillis();
    for (const [id, expires] of this.seen) {
      if (expires > now) break; // insertion order is expiry order
      this.seen.delete(id);
    }
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, now + REMEMBER_MS);
    return true;
  }
}
