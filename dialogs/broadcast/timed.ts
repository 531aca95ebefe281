import type { DateTime } from 'luxon';
import type { Logger } from '../../src/logger.js';
import type { DeliveryOutcome } from '../../src/state/broadcasts.js';
import type { BroadcastServices } from '../types.js';
import { newsReply } from './compose.js';
import { reportReply } from './send.js';

/** How many conversations one tick sends a news item to: the rest wait for the next tick. */
export const PER_TICK = 100;
/** How many conversations are written to at once: the channels' own clients wait out their 429s. */
const AT_ONCE = 4;

/** Runs `work` over `items`, `limit` at a time, keeping their order in the results. */
async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Sends the news due now: each tick claims up to PER_TICK deliveries of a news item (so a restart,
 * or another instance, sends none of them again), sends them a few at a time, records each
 * outcome, and rewrites the delivery report. A conversation that is gone is reported, not tried again;
 * one that failed is tried again on later ticks, up to three times.
 */
export async function broadcastTimedWork(
  work: { broadcasts: BroadcastServices; logger: Logger },
  now: DateTime,
): Promise<void> {
  const { repository, send } = work.broadcasts;
  const due = repository
    .all()
    .filter((one) => one.state === 'sending' && Date.parse(one.sendAt ?? '') <= now.toMillis());
  for (const broadcast of due) {
    const claimed = await repository.claim(broadcast.id, PER_TICK);
    if (claimed.length === 0) continue;
    const news = [newsReply(broadcast)];
    const outcomes = await eachLimited(claimed, AT_ONCE, async (to): Promise<DeliveryOutcome> => {
      const delivery = await send(to, news);
      if (delivery.status === 'sent') return { ...to, status: 'sent' };
      const reason = delivery.reason;
      return { ...to, status: delivery.status === 'failed' ? 'failed' : 'gone', reason };
    });
    await repository.settle(broadcast.id, outcomes);
    const now = repository.get(broadcast.id);
    if (!now?.report) continue;
    const { channel, conversationId, messageId } = now.report;
    const rewritten = await send({ channel, conversationId }, [
      { ...reportReply({ language: 'da' }, now), replaces: { conversationId, messageId } },
    ]);
    if (rewritten.status !== 'sent')
      work.logger.warn({ broadcast: broadcast.id, rewritten }, 'the delivery report was not rewritten');
  }
}
