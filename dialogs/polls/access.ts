import { z } from 'zod';
import { addressOf } from '../../src/core/address.js';
import type { Reply, Turn } from '../../src/core/types.js';
import { isOpen } from '../../src/polls/results.js';
import type { PollRepository, Voter } from '../../src/state/polls.js';
import type { DeepReadonly, Poll } from '../../src/state/schema.js';
import { isAdministrator } from '../membership/acting-for.js';
import type { DialogContext, ActionServices } from '../types.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/** The field the poll dialogs read from ActionServices: absent where klikbot runs without polls. */
export type PollServices = Pick<ActionServices, 'polls'>;

/** The poll repository, when this klikbot has one. */
export function pollsOf(services: ActionServices): PollRepository | undefined {
  return services.polls;
}

/** The answer where klikbot runs without polls. */
export function pollsUnavailable(context: DialogContext): Reply[] {
  return notice(say(context, 'Afstemninger er ikke slået til her.', 'Polls are not available here.'));
}

/** Words echoed back inside »…«, without what would turn into markdown, and cut when long. */
export function quoted(context: DialogContext, text: string, max = 60): string {
  const plain = text.replace(/[[\]()*_`<>~|]/g, '').trim();
  const cut = plain.length > max ? `${plain.slice(0, max)}…` : plain;
  return say(context, `»${cut}«`, `"${cut}"`);
}

/** The person behind the turn as a voter: channel, user id and, for named polls, their name. */
export function voterOf(turn: Turn): Voter {
  return {
    channel: turn.conversation.channel,
    userId: turn.user.id,
    ...(turn.user.name !== undefined ? { name: turn.user.name } : {}),
  };
}

/** Whether the person behind the turn created the poll: the same channel and user id. */
export function isCreator(turn: Turn, poll: DeepReadonly<Poll>): boolean {
  return poll.createdBy.channel === turn.conversation.channel && poll.createdBy.userId === turn.user.id;
}

/** Whether the person may close or delete the poll: its creator, or an administrator. */
export function mayManage(turn: Turn, poll: DeepReadonly<Poll>, services: ActionServices): boolean {
  return isCreator(turn, poll) || isAdministrator(turn, services);
}

/** A poll id argument, when one is given. */
export const pollIdArgs = z.object({ pollId: z.uuid().optional() });

/** A poll found for a dialog, or the notice that says why there is none. */
export type PollLookup = { ok: true; poll: DeepReadonly<Poll> } | { ok: false; replies: Reply[] };

function unknownPoll(context: DialogContext): PollLookup {
  return {
    ok: false,
    replies: notice(
      say(context, 'Den afstemning kender jeg ikke. Intet er ændret.', "I don't know that poll. Nothing was changed."),
    ),
  };
}

/** The poll a button names, when it belongs to this conversation (a card's buttons only work where it was posted). */
export function namedPoll(context: DialogContext, polls: PollRepository, pollId: string): PollLookup {
  const poll = polls.get(pollId);
  if (!poll) return unknownPoll(context);
  const here = addressOf(context.turn);
  if (poll.channel !== here.channel || poll.conversationId !== here.conversationId) return unknownPoll(context);
  return { ok: true, poll };
}

/**
 * The poll a typed command means: the one named, else the conversation's newest (`open`: still
 * taking votes) that the person created, else its newest; the notice when there is none.
 */
export function pollMeant(
  context: DialogContext,
  polls: PollRepository,
  pollId: string | undefined,
  which: 'open' | 'any',
): PollLookup {
  if (pollId !== undefined) return namedPoll(context, polls, pollId);
  const now = context.turn.now;
  const candidates = polls.pollsIn(addressOf(context.turn)).filter((poll) => which === 'any' || isOpen(poll, now));
  const poll = candidates.findLast((candidate) => isCreator(context.turn, candidate)) ?? candidates.at(-1);
  if (poll) return { ok: true, poll };
  const none =
    which === 'open'
      ? say(context, 'Der er ingen åben afstemning her.', 'There is no open poll here.')
      : say(context, 'Der er ingen afstemning her.', 'There is no poll here.');
  return { ok: false, replies: notice(none) };
}
