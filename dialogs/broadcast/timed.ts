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

/**
 * Sends the news due now: each tick sends up to PER_TICK deliveries of a news item, a few at a
 * time, each few claimed before and recorded right after (so a restart, or another instance,
 * sends none of them again), and rewrites the delivery report. A conversation that is gone is reported, not tried again;
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
    const news = [newsReply(broadcast)];
    // a few at a time, each few recorded as soon as it is sent: a restart loses at most those
    let sent = 0;
    while (sent < PER_TICK) {
      const { since, to } = await repository.claim(broadcast.id, AT_ONCE);
      if (to.length === 0) break;
      const outcomes = await Promise.all(
        to.map(async (one): Promise<DeliveryOutcome> => {
          const delivery = await send(one, news);
          if (delivery.status === 'sent') return { ...one, status: 'sent' };
          return { ...one, status: delivery.status === 'failed' ? 'failed' : 'gone', reason: delivery.reason };
        }),
      );
      await repository.settle(broadcast.id, since, outcomes);
      sent += to.length;
    }
    if (sent === 0) continue;
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
