import type { Reply } from '../../src/core/types.js';
import { actorOf } from '../membership/acting-for.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { mayManage, pollIdArgs, pollMeant, pollsOf, pollsUnavailable } from './access.js';
import { deletedCard, pollCard } from './card.js';
import { runsMeetingHere } from '../meetings/host.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

function onlyCreator(context: DialogContext, what: 'close' | 'delete'): Reply[] {
  return notice(
    what === 'close'
      ? say(
          context,
          'Kun den, der oprettede afstemningen, eller en administrator kan lukke den. Intet er ændret.',
          'Only whoever created the poll, or an administrator, can close it. Nothing was changed.',
        )
      : say(
          context,
          'Kun den, der oprettede afstemningen, eller en administrator kan slette den. Intet er ændret.',
          'Only whoever created the poll, or an administrator, can delete it. Nothing was changed.',
        ),
  );
}

function deletedNotice(context: DialogContext): Reply[] {
  return notice(
    say(context, 'Afstemningen er slettet. Intet er ændret.', 'The poll has been deleted. Nothing was changed.'),
  );
}

/**
 * Closes a poll ("Luk afstemning", or "luk" typed: the conversation's newest open poll, the
 * person's own first) and answers with the results card. Only its creator or an
 * administrator may; anyone else gets a notice and nothing changes. A poll already closed
 * answers with its results.
 */
export const pollClose: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsed = pollIdArgs.safeParse(args);
  const found = pollMeant(
    context,
    polls,
    parsed.success ? parsed.data.pollId : undefined,
    parsed.success && parsed.data.pollId !== undefined ? 'any' : 'open',
  );
  if (!found.ok) return found.replies;
  // the host and co-hosts of the meeting running here close its polls too
  if (!mayManage(context.turn, found.poll, services) && !runsMeetingHere(context, services))
    return onlyCreator(context, 'close');
  const outcome = await polls.close(found.poll.id, actorOf(context.turn));
  if (!outcome.ok && outcome.reason === 'deleted') return deletedNotice(context);
  if (!outcome.ok && outcome.reason === 'not-found')
    return notice(
      say(context, 'Den afstemning kender jeg ikke. Intet er ændret.', "I don't know that poll. Nothing was changed."),
    );
  const poll = outcome.poll ?? found.poll;
  const results = polls.results(poll.id);
  if (!results) return deletedNotice(context);
  return [pollCard(context, poll, results, context.turn.now)];
};

/**
 * Deletes a poll (kept in the state, marked deleted): the one named, or typed ("slet
 * afstemningen") the conversation's newest, the person's own first. Only its creator or an
 * administrator may.
 */
export const pollDelete: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsed = pollIdArgs.safeParse(args);
  const found = pollMeant(context, polls, parsed.success ? parsed.data.pollId : undefined, 'any');
  if (!found.ok) return found.replies;
  if (!mayManage(context.turn, found.poll, services)) return onlyCreator(context, 'delete');
  const outcome = await polls.delete(found.poll.id);
  if (!outcome.ok) return deletedNotice(context);
  return [deletedCard(context, outcome.poll)];
};
