import { nowIso, type Clock } from '../clock.js';
import type { Broadcast, Delivery } from './broadcast-schema.js';
import type { DeepReadonly } from './schema.js';
import type { Store } from './store.js';

export type { Audience, Broadcast, Delivery } from './broadcast-schema.js';
export { TEXT_MAX, TITLE_MAX } from './broadcast-schema.js';

/** How often a conversation's delivery is tried before it counts as failed for good. */
export const DELIVERY_TRIES = 3;
/** How long a claimed delivery keeps others from sending it: longer than a throttled send with its retries takes. */
const CLAIM_MS = 5 * 60 * 1000;

/** One conversation's outcome, as a send reports it. */
export interface DeliveryOutcome {
  channel: string;
  conversationId: string;
  status: 'sent' | 'failed' | 'gone';
  reason?: string;
}

const keyOf = (one: { channel: string; conversationId: string }) => `${one.channel}\u0000${one.conversationId}`;

/** Whether a delivery is still to be sent: waiting, failed with tries left, or claimed by a send that died. */
function isDue(delivery: DeepReadonly<Delivery>, now: number): boolean {
  if (delivery.status === 'pending') return true;
  if (delivery.status === 'failed') return delivery.tries < DELIVERY_TRIES;
  return delivery.status === 'sending' && Date.parse(delivery.since ?? '') <= now - CLAIM_MS;
}

/** KOMBIT's news sent through klikbot: drafts, and each conversation's delivery of the ones sent. */
export class BroadcastRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  all(): readonly DeepReadonly<Broadcast>[] {
    return this.store.read().broadcasts;
  }

  get(id: string): DeepReadonly<Broadcast> | undefined {
    return this.all().find((broadcast) => broadcast.id === id);
  }

  async draft(broadcast: Broadcast): Promise<void> {
    await this.store.update((draft) => {
      draft.broadcasts.push(broadcast);
    });
  }

  /**
   * Sends a draft to `to` from `sendAt`: false when it is no longer a draft (sent already, or
   * cancelled: a second press of "Send" sends nothing twice).
   */
  async confirm(
    id: string,
    to: readonly { channel: string; conversationId: string }[],
    sendAt: string,
  ): Promise<boolean> {
    return this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (!broadcast || broadcast.state !== 'draft') return false;
      const seen = new Set<string>();
      broadcast.deliveries = to
        .filter((one) => !seen.has(keyOf(one)) && seen.add(keyOf(one)))
        .map((one) => ({
          channel: one.channel,
          conversationId: one.conversationId,
          status: 'pending' as const,
          tries: 0,
        }));
      broadcast.sendAt = sendAt;
      broadcast.state = broadcast.deliveries.length > 0 ? 'sending' : 'done';
      if (broadcast.state === 'done') broadcast.finishedAt = nowIso(this.clock);
      return true;
    });
  }

  /** Cancels a draft, or what is not yet sent of one being sent; false when there was nothing to cancel. */
  async cancel(id: string): Promise<boolean> {
    return this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (!broadcast || (broadcast.state !== 'draft' && broadcast.state !== 'sending')) return false;
      broadcast.state = 'cancelled';
      for (const delivery of broadcast.deliveries)
        if (delivery.status !== 'sent' && delivery.status !== 'gone') {
          delivery.status = 'cancelled';
          delete delivery.since;
        }
      broadcast.finishedAt = nowIso(this.clock);
      return true;
    });
  }

  /**
   * Claims up to `max` deliveries due now, marking them as being sent (since `since`, which the
   * outcome must name), so no other send takes them. A claim taken over from a send that died
   * counts as a try: one that keeps killing its sender ends as failed.
   */
  async claim(id: string, max: number): Promise<{ since: string; to: { channel: string; conversationId: string }[] }> {
    const now = this.clock.now().toMillis();
    const since = nowIso(this.clock);
    return this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (!broadcast || broadcast.state !== 'sending') return { since, to: [] };
      const to: { channel: string; conversationId: string }[] = [];
      for (const delivery of broadcast.deliveries) {
        if (to.length >= max) break;
        if (!isDue(delivery, now)) continue;
        if (delivery.status === 'sending') {
          delivery.tries += 1;
          if (delivery.tries >= DELIVERY_TRIES) {
            Object.assign(delivery, { status: 'failed', reason: 'the send did not finish' });
            delete delivery.since;
            continue;
          }
        }
        delivery.status = 'sending';
        delivery.since = since;
        to.push({ channel: delivery.channel, conversationId: delivery.conversationId });
      }
      // the last deliveries may have ended as failed here: then the news is done
      if (to.length === 0 && !broadcast.deliveries.some((one) => isDue(one, now) || one.status === 'sending')) {
        broadcast.state = 'done';
        broadcast.finishedAt = since;
      }
      return { since, to };
    });
  }

  /**
   * Records what came of deliveries claimed `since`; one claimed since by another send (this one
   * took too long) is that send's to record. The news is done when nothing is left to try.
   */
  async settle(id: string, since: string, outcomes: readonly DeliveryOutcome[]): Promise<void> {
    const now = this.clock.now().toMillis();
    await this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (!broadcast) return;
      const byKey = new Map(outcomes.map((outcome) => [keyOf(outcome), outcome]));
      for (const delivery of broadcast.deliveries) {
        const outcome = byKey.get(keyOf(delivery));
        if (!outcome || delivery.status !== 'sending' || delivery.since !== since) continue;
        delivery.status = outcome.status;
        delivery.tries += 1;
        delivery.at = nowIso(this.clock);
        delete delivery.since;
        if (outcome.reason !== undefined) delivery.reason = outcome.reason.slice(0, 300);
        else delete delivery.reason;
      }
      if (
        broadcast.state === 'sending' &&
        !broadcast.deliveries.some((one) => isDue(one, now) || one.status === 'sending')
      ) {
        broadcast.state = 'done';
        broadcast.finishedAt = nowIso(this.clock);
      }
    });
  }

  /** Keeps where the delivery report stands, to rewrite it as the sending goes. */
  async setReport(id: string, report: { channel: string; conversationId: string; messageId: string }): Promise<void> {
    await this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (broadcast) broadcast.report = { ...report };
    });
  }
}
