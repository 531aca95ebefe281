import { z } from 'zod';
import type { VoteRefusal } from '../../src/state/polls.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { namedPoll, pollsOf, pollsUnavailable, voterOf } from './access.js';
import { pollCard } from './card.js';
import { ownCopyOf } from './own-vote.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

const argsSchema = z.object({ pollId: z.uuid(), option: z.string().min(1).max(8) });

function refusalText(context: DialogContext, reason: VoteRefusal): string {
  switch (reason) {
    case 'closed':
      return say(
        context,
        'Afstemningen er lukket, så din stemme er ikke talt med.',
        'The poll is closed, so your vote was not counted.',
      );
    case 'deleted':
      return say(
        context,
        'Afstemningen er slettet, så din stemme er ikke talt med.',
        'The poll has been deleted, so your vote was not counted.',
      );
    case 'not-found':
      return say(
        context,
        'Den afstemning kender jeg ikke. Intet er ændret.',
        "I don't know that poll. Nothing was changed.",
      );
    case 'unknown-option':
    case 'one-choice':
    case 'no-choice':
      return say(
        context,
        'Den svarmulighed findes ikke i afstemningen. Intet er ændret.',
        'That option is not in the poll. Nothing was changed.',
      );
  }
}

/**
 * A press of an option's button: the vote is counted (or changed, or for a multiple-choice
 * poll toggled) and the answer is the whole updated card, which takes the pressed card's
 * place: the presser's own copy marks their choices and says what the press did, and the
 * card everyone else sees does not. A closed or deleted poll refuses with a notice and
 * leaves the card as it is.
 */
export const pollVote: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) return notice(refusalText(context, 'not-found'));
  const found = namedPoll(context, polls, parsed.data.pollId);
  if (!found.ok) return found.replies;
  const outcome = await polls.toggle(found.poll.id, voterOf(context.turn), parsed.data.option);
  if (!outcome.ok) return notice(refusalText(context, outcome.reason));
  const results = polls.results(outcome.poll.id);
  if (!results) return notice(refusalText(context, 'not-found'));
  const shared = pollCard(context, outcome.poll, results, context.turn.now);
  const { option } = parsed.data;
  // the voter's choices as the repository found them (under the HMAC key in an anonymous poll)
  const removed = outcome.poll.multiple && !outcome.choices.includes(option) ? option : undefined;
  return [ownCopyOf(context, shared, outcome.poll, { choices: outcome.choices, ...(removed ? { removed } : {}) })];
};
