import type { DateTime } from 'luxon';
import type { Language, Reply } from '../src/core/types.js';
import type { Poll, PollRepository } from '../src/state/polls.js';
import type { ActionDialog } from './action-dialogs.js';
import { pollCard } from './poll-card.js';
import { pollClose, pollDelete } from './poll-close.js';
import { pollCreate } from './poll-create.js';
import { pollCsvDialog } from './poll-csv.js';
import { POLL_DIALOGS } from './poll-names.js';
import { pollVote } from './poll-vote.js';

export { POLL_DIALOGS } from './poll-names.js';
export { pollCard, pollIdOf } from './poll-card.js';
export type { PollServices } from './poll-access.js';

/** The poll dialogs, by the names buttons, forms and sentences use (POLL_DIALOGS). */
export const pollDialogsByName: Record<string, ActionDialog> = {
  [POLL_DIALOGS.create]: pollCreate,
  [POLL_DIALOGS.vote]: pollVote,
  [POLL_DIALOGS.close]: pollClose,
  [POLL_DIALOGS.delete]: pollDelete,
  [POLL_DIALOGS.csv]: pollCsvDialog,
};

/** A poll closed by its closing time, and its results card to put in the posted card's place (poll.message) or post anew. */
export interface ClosedPoll {
  poll: Poll;
  reply: Reply;
}

/**
 * Closes the polls whose closing time has come by `now` (for the reminder engine's tick) and
 * gives each one's results card. Writes nothing when none is due.
 */
export async function closeDuePolls(polls: PollRepository, now: DateTime, language: Language = 'da'): Promise<ClosedPoll[]> {
  const closed = await polls.closeDue(now);
  return closed.flatMap((poll) => {
    const results = polls.results(poll.id);
    return results ? [{ poll, reply: pollCard({ language }, poll, results, now) }] : [];
  });
}
