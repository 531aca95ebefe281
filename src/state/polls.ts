import { randomUUID, randomInt } from 'node:crypto';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { nowIso, type Clock } from '../clock.js';
import type { ConversationKey } from '../core/address.js';
import type { PostedMessage } from '../core/types.js';
import { ballotsOf, isDue, isOpen, resultsOf, type Ballot, type PollResults } from '../polls/results.js';
import { actorSchema, type Actor, type DeepReadonly, type Poll, type State, type Vote } from './schema.js';
import type { Store } from './store.js';
import { voterHash } from './vote-key.js';
import { plainCopy } from './mirror.js';

export type { Poll, Vote } from './schema.js';

/** The most options a poll has (the schema's limit). */
export const MAX_OPTIONS = 10;
/** The longest question. */
export const MAX_QUESTION_LENGTH = 300;
/** The longest option label: Slack cuts button titles beyond 75 characters. */
export const MAX_OPTION_LENGTH = 75;

const newPollSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  options: z
    .array(z.string().trim().min(1).max(MAX_OPTION_LENGTH))
    .min(2)
    .max(MAX_OPTIONS)
    .refine((labels) => new Set(labels.map((label) => label.toLowerCase())).size === labels.length, {
      message: 'options must differ',
    }),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  live: z.boolean(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  createdBy: actorSchema,
  language: z.enum(['da', 'en']).optional(),
});

/** A poll to create: the options are labels, in order; the repository gives them ids a, b, c, … */
export type NewPoll = z.input<typeof newPollSchema>;

/** Who votes: their channel and user id, and for a named poll the name shown in its results. */
export interface Voter {
  channel: string;
  userId: string;
  name?: string;
}

/** Why a vote was not counted. */
export type VoteRefusal = 'not-found' | 'deleted' | 'closed' | 'unknown-option' | 'one-choice' | 'no-choice';

/** A vote counted (`choices`: the voter's choices now, empty when a toggle took the last one away), or why not. */
export type VoteOutcome = { ok: true; poll: Poll; choices: string[] } | { ok: false; reason: VoteRefusal; poll?: Poll };

/** A poll closed, or why not (`poll` when there is one to show). */
export type CloseOutcome =
  { ok: true; poll: Poll } | { ok: false; reason: 'not-found' | 'deleted' | 'already-closed'; poll?: Poll };

/** A poll deleted, or why not. */
export type DeleteOutcome = { ok: true; poll: Poll } | { ok: false; reason: 'not-found' | 'already-deleted' };

type Keys = { named: string; hashed: string; name?: string };
type Found = { ok: true; poll: Poll } | { ok: false; reason: 'not-found' | 'deleted' | 'closed'; poll?: Poll };

function copy<T>(value: T): T {
  return plainCopy(value);
}

function openPoll(draft: State, pollId: string, now: DateTime): Found {
  const poll = draft.polls.find((p) => p.id === pollId);
  if (!poll) return { ok: false, reason: 'not-found' };
  if (poll.deletedAt !== undefined) return { ok: false, reason: 'deleted', poll: copy(poll) };
  if (!isOpen(poll, now)) return { ok: false, reason: 'closed', poll: copy(poll) };
  return { ok: true, poll };
}

/** The choices as the poll allows them, or why not: known options, each once, one only for a single-choice poll. */
function checkedChoices(poll: Poll, choices: readonly string[]): string[] | VoteRefusal {
  const unique = [...new Set(choices)];
  if (unique.length === 0) return 'no-choice';
  if (unique.some((choice) => !poll.options.some((option) => option.id === choice))) return 'unknown-option';
  if (!poll.multiple && unique.length !== 1) return 'one-choice';
  // kept in the poll's order, whatever order they were pressed in
  return poll.options.map((option) => option.id).filter((id) => unique.includes(id));
}

type Votes = State['votes'];

// Where each (poll, voter) stands in a draft's vote list: without it, every vote of a batch
// scanned the whole list twice, which at 2,500 votes made 500 votes take 220 ms of mutators.
const voteIndexes = new WeakMap<Votes, Map<string, number>>();

function voteKey(pollId: string, voter: string): string {
  return `${pollId}\u0000${voter}`;
}

/** The position of the voter's vote in `votes`, or -1; the index is checked on use and rebuilt when the list changed under it. */
function voteIndex(votes: Votes, pollId: string, voter: string): number {
  let index = voteIndexes.get(votes);
  const cached = index?.get(voteKey(pollId, voter));
  const vote = cached === undefined ? undefined : votes[cached];
  if (index && (cached === undefined || (vote?.pollId === pollId && vote.voter === voter))) return cached ?? -1;
  index = new Map(votes.map((v, i) => [voteKey(v.pollId, v.voter), i]));
  voteIndexes.set(votes, index);
  return index.get(voteKey(pollId, voter)) ?? -1;
}

/** Sets (or, with no choices, removes) one voter's vote on an open poll. */
function writeVote(draft: State, poll: Poll, keys: Keys, choices: string[], at: string): void {
  const voter = poll.anonymous ? keys.hashed : keys.named;
  const index = voteIndex(draft.votes, poll.id, voter);
  if (choices.length === 0) {
    if (index !== -1) draft.votes.splice(index, 1);
    // the positions after it moved
    voteIndexes.delete(draft.votes);
    return;
  }
  // an anonymous vote keeps no name and no time of its own: when someone voted could point to who
  const vote: Vote = poll.anonymous
    ? { pollId: poll.id, voter, choices, at: poll.createdAt }
    : { pollId: poll.id, voter, ...(keys.name !== undefined ? { name: keys.name } : {}), choices, at };
  if (index !== -1) {
    draft.votes[index] = vote;
    return;
  }
  draft.votes.push(vote);
  voteIndexes.get(draft.votes)?.set(voteKey(poll.id, voter), draft.votes.length - 1);
  // every new vote, named ones too, trades places with a random one (an inside-out shuffle): the
  // list stays in random order, so where an anonymous vote stands does not tell who voted when,
  // and only two positions in the index change
  swapPlaces(draft.votes, draft.votes.length - 1, randomInt(draft.votes.length));
}

function swapPlaces(votes: Votes, from: number, to: number): void {
  const moving = votes[from];
  const displaced = votes[to];
  if (from === to || !moving || !displaced) return;
  votes[to] = moving;
  votes[from] = displaced;
  const index = voteIndexes.get(votes);
  index?.set(voteKey(moving.pollId, moving.voter), to);
  index?.set(voteKey(displaced.pollId, displaced.voter), from);
}

function currentChoices(draft: State, poll: Poll, keys: Keys): string[] {
  const voter = poll.anonymous ? keys.hashed : keys.named;
  const index = voteIndex(draft.votes, poll.id, voter);
  return index === -1 ? [] : [...(draft.votes[index]?.choices ?? [])];
}

/**
 * Polls and their votes. One vote per person and poll, replaced by each new one until the
 * poll closes. Anonymous polls keep a keyed hash of the voter (see vote-key.ts) and no name;
 * named ones `channel:userId` and the name. Every change goes through `store.update`, so
 * votes arriving together are applied one after the other and written in one go.
 */
export class PollRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly voteKey: Buffer,
  ) {}

  /** Creates a poll; throws when the input breaks the rules (callers check it first and say what is wrong). */
  async create(input: NewPoll): Promise<Poll> {
    const checked = newPollSchema.parse(input);
    const id = randomUUID();
    const createdAt = nowIso(this.clock);
    const poll: Poll = {
      id,
      channel: checked.channel,
      conversationId: checked.conversationId,
      question: checked.question,
      options: checked.options.map((label, index) => ({ id: String.fromCharCode(97 + index), label })),
      multiple: checked.multiple,
      anonymous: checked.anonymous,
      live: checked.live,
      createdBy: JSON.parse(JSON.stringify(checked.createdBy)) as Actor,
      createdAt,
      ...(checked.closesAt !== undefined ? { closesAt: checked.closesAt } : {}),
      ...(checked.language !== undefined ? { language: checked.language } : {}),
    };
    return this.store.update((draft) => {
      draft.polls.push(copy(poll));
      return copy(poll);
    });
  }

  /** One poll by id, deleted or not. */
  get(pollId: string): DeepReadonly<Poll> | undefined {
    return this.store.read().polls.find((poll) => poll.id === pollId);
  }

  /** The conversation's polls that are not deleted, oldest first. */
  pollsIn(address: ConversationKey): DeepReadonly<Poll>[] {
    return this.store
      .read()
      .polls.filter(
        (poll) =>
          poll.channel === address.channel &&
          poll.conversationId === address.conversationId &&
          poll.deletedAt === undefined,
      );
  }

  #keys(pollId: string, voter: Voter): Keys {
    return {
      named: `${voter.channel}:${voter.userId}`,
      hashed: voterHash(this.voteKey, pollId, voter.channel, voter.userId),
      ...(voter.name !== undefined ? { name: voter.name } : {}),
    };
  }

  /** Sets the voter's choices, replacing their earlier vote: exactly one for a single-choice poll, one or more for a multiple-choice one. */
  async vote(pollId: string, voter: Voter, choices: readonly string[]): Promise<VoteOutcome> {
    const keys = this.#keys(pollId, voter);
    const at = nowIso(this.clock);
    const now = this.clock.now();
    return this.store.update((draft): VoteOutcome => {
      const found = openPoll(draft, pollId, now);
      if (!found.ok) return found;
      const checked = checkedChoices(found.poll, choices);
      if (typeof checked === 'string') return { ok: false, reason: checked, poll: copy(found.poll) };
      writeVote(draft, found.poll, keys, checked, at);
      return { ok: true, poll: copy(found.poll), choices: checked };
    });
  }

  /**
   * A press of an option's button. Single choice: that option becomes the vote (pressing it
   * again keeps it). Multiple choice: the option is added to the voter's choices, or taken
   * away when already chosen; taking the last one away withdraws the vote.
   */
  async toggle(pollId: string, voter: Voter, optionId: string): Promise<VoteOutcome> {
    const keys = this.#keys(pollId, voter);
    const at = nowIso(this.clock);
    const now = this.clock.now();
    return this.store.update((draft): VoteOutcome => {
      const found = openPoll(draft, pollId, now);
      if (!found.ok) return found;
      const { poll } = found;
      if (!poll.options.some((option) => option.id === optionId))
        return { ok: false, reason: 'unknown-option', poll: copy(poll) };
      const before = currentChoices(draft, poll, keys);
      const wanted = !poll.multiple
        ? [optionId]
        : before.includes(optionId)
          ? before.filter((id) => id !== optionId)
          : [...before, optionId];
      const choices = poll.options.map((option) => option.id).filter((id) => wanted.includes(id));
      writeVote(draft, poll, keys, choices, at);
      return { ok: true, poll: copy(poll), choices };
    });
  }

  /**
   * Closes the poll, recording who did. Whether they may is the caller's to decide (the
   * creator or an administrator). A poll whose closing time has passed is closed as of then.
   */
  async close(pollId: string, by: Actor): Promise<CloseOutcome> {
    const at = nowIso(this.clock);
    const now = this.clock.now();
    const closedBy = JSON.parse(JSON.stringify(by)) as Actor;
    return this.store.update((draft): CloseOutcome => {
      const poll = draft.polls.find((p) => p.id === pollId);
      if (!poll) return { ok: false, reason: 'not-found' };
      if (poll.deletedAt !== undefined) return { ok: false, reason: 'deleted', poll: copy(poll) };
      if (isDue(poll, now) && poll.closesAt !== undefined) poll.closedAt = poll.closesAt;
      if (poll.closedAt !== undefined) return { ok: false, reason: 'already-closed', poll: copy(poll) };
      poll.closedAt = at;
      poll.closedBy = closedBy;
      return { ok: true, poll: copy(poll) };
    });
  }

  /** Deletes the poll softly (it is kept, marked deleted, and no longer shown or voted on). Permission is the caller's. */
  async delete(pollId: string): Promise<DeleteOutcome> {
    const at = nowIso(this.clock);
    return this.store.update((draft): DeleteOutcome => {
      const poll = draft.polls.find((p) => p.id === pollId);
      if (!poll) return { ok: false, reason: 'not-found' };
      if (poll.deletedAt !== undefined) return { ok: false, reason: 'already-deleted' };
      poll.deletedAt = at;
      return { ok: true, poll: copy(poll) };
    });
  }

  /**
   * Closes every poll whose closing time has come by `now`, as of that time, and returns them
   * (their cards are to be updated). Writes nothing when none is due.
   */
  async closeDue(now: DateTime): Promise<Poll[]> {
    if (!this.store.read().polls.some((poll) => isDue(poll, now))) return [];
    return this.store.update((draft) => {
      const due = draft.polls.filter((poll) => isDue(poll, now));
      for (const poll of due) poll.closedAt = poll.closesAt;
      return due.map(copy);
    });
  }

  /** Keeps where the poll's card was posted, to update it later; writes only when that is news. */
  async rememberMessage(pollId: string, message: PostedMessage): Promise<void> {
    const poll = this.get(pollId);
    if (
      !poll ||
      (poll.message?.conversationId === message.conversationId && poll.message.messageId === message.messageId)
    )
      return;
    const kept = { conversationId: message.conversationId, messageId: message.messageId };
    await this.store.update((draft) => {
      const poll = draft.polls.find((p) => p.id === pollId);
      if (poll) poll.message = kept;
    });
  }

  /** The polls closed at their set time whose result is not yet announced. */
  unannounced(): DeepReadonly<Poll>[] {
    return this.store
      .read()
      .polls.filter(
        (poll) =>
          poll.closesAt !== undefined &&
          poll.closedAt === poll.closesAt &&
          poll.closedBy === undefined &&
          poll.announcedAt === undefined &&
          poll.deletedAt === undefined,
      );
  }

  /** Records that the result of a poll closed at its set time has been posted (or given up on). */
  async markAnnounced(pollId: string): Promise<void> {
    const at = nowIso(this.clock);
    await this.store.update((draft) => {
      const poll = draft.polls.find((p) => p.id === pollId);
      if (poll && poll.announcedAt === undefined) poll.announcedAt = at;
    });
  }

  /** The poll's counts now, whether or not they may be shown yet (the card decides that). */
  results(pollId: string): PollResults | undefined {
    const state = this.store.read();
    const poll = state.polls.find((p) => p.id === pollId);
    return poll ? resultsOf(poll, state.votes) : undefined;
  }

  /** A named poll's voters and their choices; empty for an anonymous poll. */
  ballots(pollId: string): Ballot[] {
    const state = this.store.read();
    const poll = state.polls.find((p) => p.id === pollId);
    return poll ? ballotsOf(poll, state.votes) : [];
  }
}
