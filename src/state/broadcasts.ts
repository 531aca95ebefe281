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
      broadcast.finishedAt = nowIso(this.clock);
      return true;
    });
  }

  /** Claims up to `max` deliveries due now, marking them as being sent, so no other send takes them. */
  async claim(id: string, max: number): Promise<{ channel: string; conversationId: string }[]> {
    const now = this.clock.now().toMillis();
    return this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (!broadcast || broadcast.state !== 'sending') return [];
      const claimed: { channel: string; conversationId: string }[] = [];
      for (const delivery of broadcast.deliveries) {
        if (claimed.length >= max) break;
        if (!isDue(delivery, now)) continue;
        delivery.status = 'sending';
        delivery.since = nowIso(this.clock);
        claimed.push({ channel: delivery.channel, conversationId: delivery.conversationId });
      }
      return claimed;
    });
  }

  /** Records what came of the claimed deliveries; the news is done when nothing is left to try. */
  async settle(id: string, outcomes: readonly DeliveryOutcome[]): Promise<void> {
    const now = this.clock.now().toMillis();
    await this.store.update((draft) => {
      const broadcast = draft.broadcasts.find((one) => one.id === id);
      if (!broadcast) return;
      const byKey = new Map(outcomes.map((outcome) => [keyOf(outcome), outcome]));
      for (const delivery of broadcast.deliveries) {
        const outcome = byKey.get(keyOf(delivery));
        if (!outcome || delivery.status !== 'sending') continue;
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
