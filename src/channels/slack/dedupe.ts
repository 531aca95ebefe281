import { MemoryClaims, type Claims } from '../../state/claims.js';

/** How long an event id is remembered: Slack retries within minutes (three times at most). */
const REMEMBER_MS = 60 * 60 * 1000;

/**
 * Slack resends an event it thinks was not received (`X-Slack-Retry-Num`), and Bolt passes
 * every copy on: the first copy of an event id is answered, the others are dropped. With
 * several instances the claim is the database's, so a retry that reaches another instance
 * is dropped there too; with one, it is kept in memory (a restart between a send and its
 * retry may answer twice, which is rare and harmless next to never answering).
 */
export class SeenEvents {
  constructor(
    private readonly claims: Claims = new MemoryClaims(),
    private readonly realMillis: () => number = Date.now,
  ) {}

  /** True the first time an id is offered within the hour, false for every copy after. */
  firstTime(eventId: string): Promise<boolean> {
    // Slack retries in real time; claims keep real time, which the instances share
    const now = this.realMillis();
    return this.claims.claim(`slack-event:${eventId}`, now, now + REMEMBER_MS);
  }
}
