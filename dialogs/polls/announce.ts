import { DateTime, Duration } from 'luxon';
import type { Notifier } from '../../src/core/notifier.js';
import type { Language, Reply } from '../../src/core/types.js';
import type { Logger } from '../../src/logger.js';
import type { PollResults } from '../../src/polls/results.js';
import type { PollRepository } from '../../src/state/polls.js';
import type { DeepReadonly, Poll } from '../../src/state/schema.js';
import { pollCard, resultSentence, shownPoll, shownResults, votesText } from './card.js';
import { say } from '../shared/say.js';

/**
 * How long after its closing time a poll's result is still announced in the channel: a result
 * posted hours late (klikbot was down through the meeting) would only confuse.
 */
export const ANNOUNCE_WITHIN = Duration.fromObject({ hours: 1 });

/** "📊 Afstemningen »Pause nu?« er lukket (4 stemmer): Ja 3 stemmer, 75 %; Nej 1 stemme, 25 %." */
function closedNotice(language: Language, typed: DeepReadonly<Poll>, typedResults: PollResults): Reply {
  const context = { language };
  const [poll, results] = [shownPoll(typed), shownResults(typedResults)];
  const counts = resultSentence(context, results);
  const voters = votesText(context, results.voters);
  return {
    text: say(
      context,
      `📊 Afstemningen »${poll.question}« er lukket (${voters}): ${counts}.`,
      `📊 The poll "${poll.question}" has closed (${voters}): ${counts}.`,
    ),
    broadcast: true,
  };
}

/**
 * Posts one poll's result where it was asked: its card rewritten in place (no more buttons)
 * with a short line that it closed, or, when the card cannot be rewritten or was never known,
 * the result card anew. True when the conversation has it (or never will: gone, unknown); false to try
 * again next tick.
 */
async function announce(
  poll: DeepReadonly<Poll>,
  reply: Reply,
  results: PollResults,
  notifier: Notifier,
  language: Language,
): Promise<boolean> {
  const to = { channel: poll.channel, conversationId: poll.conversationId };
  if (poll.message) {
    const rewritten = await notifier.send(to, [{ ...reply, replaces: { ...poll.message } }]);
    // the card shows the result: the line about it is sent once, whatever comes of it (the notifier logs a failure)
    if (rewritten.status === 'sent') {
      await notifier.send(to, [closedNotice(language, poll, results)]);
      return true;
    }
    // a passing failure (throttled, connector down) is tried again rather than posting the result twice
    if (rewritten.status === 'failed' && !rewritten.cannotRewrite) return false;
    if (rewritten.status !== 'failed') return true;
  }
  return (await notifier.send(to, [reply])).status !== 'failed';
}

/**
 * Closes the polls whose closing time has come by `now` and announces each one's result; one
 * whose announcement did not arrive is tried again next tick. A poll closed more than
 * ANNOUNCE_WITHIN ago (klikbot was down) only has its card rewritten, once, without a word.
 */
export async function announceClosedPolls(
  polls: PollRepository,
  notifier: Notifier,
  now: DateTime,
  logger: Logger,
): Promise<void> {
  await polls.closeDue(now);
  for (const poll of polls.unannounced()) {
    const results = polls.results(poll.id);
    if (!results) continue;
    const language = poll.language ?? 'da';
    const card = pollCard({ language }, poll, results, now);
    const late = poll.closedAt !== undefined && DateTime.fromISO(poll.closedAt) < now.minus(ANNOUNCE_WITHIN);
    if (late) {
      if (poll.message)
        await notifier.send({ channel: poll.channel, conversationId: poll.conversationId }, [
          { ...card, replaces: { ...poll.message } },
        ]);
      logger.info(
        { pollId: poll.id, closedAt: poll.closedAt },
        'a poll closed while klikbot was down: its card is brought up to date without announcing it late',
      );
      await polls.markAnnounced(poll.id);
      continue;
    }
    if (await announce(poll, card, results, notifier, language)) await polls.markAnnounced(poll.id);
    else
      logger.warn(
        { pollId: poll.id, channel: poll.channel, conversationId: poll.conversationId },
        'the result of a poll closed at its set time did not arrive; trying again next tick',
      );
  }
}
