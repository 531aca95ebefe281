import { addressOf } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { isOpen } from '../../src/polls/results.js';
import type { PollRepository } from '../../src/state/polls.js';
import type { DeepReadonly, Poll } from '../../src/state/schema.js';
import { actorOf } from '../membership/acting-for.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import {
  isCreator,
  mayManage,
  namedPoll,
  pollIdArgs,
  pollMeant,
  pollsOf,
  pollsUnavailable,
  quoted,
  type PollLookup,
} from './access.js';
import { deletedCard, pollCard } from './card.js';
import { activeSession, runsMeetingHere, type WithMeetings } from '../meetings/host.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';
import { dialogButton } from '../shared/buttons.js';
import { POLL_DIALOGS } from '../names.js';

/** The most open polls "luk afstemning" offers as buttons: a card holds only a few. */
const MAX_CHOICES = 6;

/** Whether the person may close or delete the poll: its creator, an administrator, or the host or a co-host of the meeting running here. */
function moderates(context: DialogContext, poll: DeepReadonly<Poll>, services: ActionServices): boolean {
  return mayManage(context.turn, poll, services) || runsMeetingHere(context, services);
}

/** "Hvilken afstemning skal lukkes?": one button per open poll, newest last; only for the one who asked. */
function whichPoll(context: DialogContext, open: readonly DeepReadonly<Poll>[]): Reply[] {
  const shown = open.slice(-MAX_CHOICES);
  return notice(
    say(
      context,
      `Der er ${open.length} åbne afstemninger her. Hvilken skal lukkes?`,
      `There are ${open.length} open polls here. Which one should close?`,
    ),
    {
      buttons: shown.map((poll) =>
        dialogButton(quoted(context, poll.question, 40), POLL_DIALOGS.close, { pollId: poll.id }),
      ),
    },
  );
}

/** "Slet »…«?": the one poll a typed delete means, named on a button, since it is not the person's own. */
function confirmDelete(context: DialogContext, poll: DeepReadonly<Poll>): Reply[] {
  return notice(
    say(
      context,
      'Den nyeste afstemning her er ikke din. Tryk på den for at slette den; intet er slettet endnu.',
      'The newest poll here is not yours. Press it to delete it; nothing has been deleted yet.',
    ),
    { buttons: [dialogButton(quoted(context, poll.question, 40), POLL_DIALOGS.delete, { pollId: poll.id })] },
  );
}

/**
 * The poll a typed "luk afstemning" means: the one open poll here the person may close; with
 * several, the question which (closing the newest without asking closed the wrong one).
 */
function pollToClose(context: DialogContext, polls: PollRepository, services: ActionServices): PollLookup {
  const now = context.turn.now;
  const open = polls.pollsIn(addressOf(context.turn)).filter((poll) => isOpen(poll, now));
  if (open.length === 0)
    return {
      ok: false,
      replies: notice(say(context, 'Der er ingen åben afstemning her.', 'There is no open poll here.')),
    };
  const theirs = open.filter((poll) => moderates(context, poll, services));
  if (theirs.length === 0) return { ok: false, replies: onlyCreator(context, 'close', services) };
  if (theirs.length > 1) return { ok: false, replies: whichPoll(context, theirs) };
  return { ok: true, poll: theirs[0]! };
}

/** Who may close or delete: named with the meeting's hosts where a meeting runs here, as they may too. */
function onlyCreator(context: DialogContext, what: 'close' | 'delete', services: WithMeetings): Reply[] {
  const sessions = services.meetings?.sessions;
  const meeting = sessions !== undefined && activeSession(context, sessions) !== undefined;
  const who = meeting
    ? say(
        context,
        'Kun den, der oprettede afstemningen, mødets vært eller medvært eller en administrator',
        "Only whoever created the poll, the meeting's host or co-host, or an administrator,",
      )
    : say(
        context,
        'Kun den, der oprettede afstemningen, eller en administrator',
        'Only whoever created the poll, or an administrator,',
      );
  const verb =
    what === 'close' ? say(context, 'kan lukke den', 'can close it') : say(context, 'kan slette den', 'can delete it');
  return notice(`${who} ${verb}. ${say(context, 'Intet er ændret.', 'Nothing was changed.')}`);
}

function deletedNotice(context: DialogContext): Reply[] {
  return notice(
    say(context, 'Afstemningen er slettet. Intet er ændret.', 'The poll has been deleted. Nothing was changed.'),
  );
}

/**
 * Closes a poll ("Luk afstemning", or "luk" typed: the one open poll here the person may
 * close, or with several a question which) and answers with the results card. Its creator,
 * an administrator, or the host or a co-host of the meeting running here may; anyone else
 * gets a notice and nothing changes. A poll already closed answers with its results.
 */
export const pollClose: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsed = pollIdArgs.safeParse(args);
  const pollId = parsed.success ? parsed.data.pollId : undefined;
  const found = pollId !== undefined ? namedPoll(context, polls, pollId) : pollToClose(context, polls, services);
  if (!found.ok) return found.replies;
  if (!moderates(context, found.poll, services)) return onlyCreator(context, 'close', services);
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
 * afstemningen") the conversation's newest, the person's own first. Its creator, an
 * administrator, or the host or a co-host of the meeting running here may.
 */
export const pollDelete: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsed = pollIdArgs.safeParse(args);
  const named = parsed.success ? parsed.data.pollId : undefined;
  const found = pollMeant(context, polls, named, 'any');
  if (!found.ok) return found.replies;
  if (!moderates(context, found.poll, services)) return onlyCreator(context, 'delete', services);
  // deleting cannot be undone: a typed "slet afstemningen" that means someone else's poll asks first
  if (named === undefined && !isCreator(context.turn, found.poll)) return confirmDelete(context, found.poll);
  const outcome = await polls.delete(found.poll.id);
  if (!outcome.ok) return deletedNotice(context);
  return [deletedCard(context, outcome.poll)];
};
