import { DateTime } from 'luxon';
import type { DeepReadonly, Poll, Vote } from '../state/schema.js';

/** One option's share: how many voters chose it, and what percentage of the voters that is. */
export interface OptionResult {
  id: string;
  label: string;
  votes: number;
  /** Of the voters, rounded to a whole number (a multiple-choice poll's may add up to more than 100). */
  percent: number;
}

/** A poll's counts: the voters, and each option in the poll's order. */
export interface PollResults {
  voters: number;
  options: OptionResult[];
}

/** A named poll's voter and what they chose (labels, in the poll's order). */
export interface Ballot {
  name: string;
  /** Who voted, as `channel:userId` (a named poll keeps it). */
  voter: string;
  choices: string[];
}

type ReadPoll = Poll | DeepReadonly<Poll>;
type ReadVote = Vote | DeepReadonly<Vote>;

/** Rounded to the nearest whole percent: 11 of 41 is 27, 24 of 41 is 59. */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/** The counts of `poll` from its votes (votes of other polls are ignored). */
export function resultsOf(poll: ReadPoll, votes: readonly ReadVote[]): PollResults {
  const counts = new Map<string, number>(poll.options.map((option) => [option.id, 0]));
  let voters = 0;
  for (const vote of votes) {
    if (vote.pollId !== poll.id) continue;
    voters += 1;
    for (const choice of vote.choices) {
      const before = counts.get(choice);
      if (before !== undefined) counts.set(choice, before + 1);
    }
  }
  return {
    voters,
    options: poll.options.map((option) => {
      const count = counts.get(option.id) ?? 0;
      return { id: option.id, label: option.label, votes: count, percent: percentOf(count, voters) };
    }),
  };
}

/** Who chose what in a named poll, by name; nothing for an anonymous one. */
export function ballotsOf(poll: ReadPoll, votes: readonly ReadVote[]): Ballot[] {
  if (poll.anonymous) return [];
  const labels = new Map(poll.options.map((option) => [option.id, option.label]));
  const order = poll.options.map((option) => option.id);
  // the stored order is random (see writeVote): by name, as a list of people is read
  return votes
    .filter((vote) => vote.pollId === poll.id)
    .map((vote) => ({
      name: vote.name ?? vote.voter,
      voter: vote.voter,
      choices: order.filter((id) => vote.choices.includes(id)).map((id) => labels.get(id) ?? id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** The instant as milliseconds: stored instants carry their offsets, so text order is not time order. */
function millis(iso: string): number {
  return DateTime.fromISO(iso).toMillis();
}

/** Whether the poll takes votes at `now`: not deleted, not closed, and its closing time not reached. */
export function isOpen(poll: ReadPoll, now: DateTime): boolean {
  if (poll.deletedAt !== undefined || poll.closedAt !== undefined) return false;
  return poll.closesAt === undefined || millis(poll.closesAt) > now.toMillis();
}

/** Whether the closing time has come for a poll still marked open. */
export function isDue(poll: ReadPoll, now: DateTime): boolean {
  return (
    poll.deletedAt === undefined &&
    poll.closedAt === undefined &&
    poll.closesAt !== undefined &&
    millis(poll.closesAt) <= now.toMillis()
  );
}
