import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { PollRepository, type NewPoll, type Voter } from '../../src/state/polls.js';
import { openStore, type FileStore } from '../../src/state/store.js';
import { loadVoteKey, voteKeyPath, voterHash } from '../../src/state/vote-key.js';

let dir: string;
let statePath: string;
let store: FileStore;
let repo: PollRepository;
let key: Buffer;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
const host = { channel: 'teams', userId: 'aad-host', name: 'Vært', conversationId: '19:meeting' };
const anna: Voter = { channel: 'teams', userId: 'aad-anna', name: 'Anna Andersen' };
const bo: Voter = { channel: 'teams', userId: 'aad-bo', name: 'Bo Berg' };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-polls-'));
  statePath = path.join(dir, 'klikbot.json');
  store = await openStore(statePath);
  key = await loadVoteKey(statePath);
  clock.set(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
  repo = new PollRepository(store, clock, key);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const newPoll = (overrides: Partial<NewPoll> = {}): NewPoll => ({
  channel: 'teams',
  conversationId: '19:meeting',
  question: 'Hvilken strategi for Organisation vælger I?',
  options: ['A Integration', 'B STS ORG GUI', 'C Interim'],
  multiple: false,
  anonymous: true,
  live: false,
  createdBy: host,
  ...overrides,
});

describe('PollRepository.create', () => {
  it('gives the options the ids a, b, c in order and stores the poll', async () => {
    const poll = await repo.create(newPoll());
    expect(poll.options).toEqual([
      { id: 'a', label: 'A Integration' },
      { id: 'b', label: 'B STS ORG GUI' },
      { id: 'c', label: 'C Interim' },
    ]);
    expect(repo.get(poll.id)).toMatchObject({
      question: 'Hvilken strategi for Organisation vælger I?',
      createdAt: '2018-09-06T10:00:00.000+02:00',
    });
  });

  it('refuses fewer than two options, more than ten, the same option twice or an empty question, and stores nothing', async () => {
    await expect(repo.create(newPoll({ options: ['Ja'] }))).rejects.toThrow();
    await expect(
      repo.create(newPoll({ options: Array.from({ length: 11 }, (_, i) => `Svar ${i}`) })),
    ).rejects.toThrow();
    await expect(repo.create(newPoll({ options: ['Ja', 'ja'] }))).rejects.toThrow();
    await expect(repo.create(newPoll({ question: '  ' }))).rejects.toThrow();
    expect(store.read().polls).toHaveLength(0);
  });
});

describe('PollRepository.vote and toggle', () => {
  it('counts one vote per person: a new vote replaces the earlier one until the poll closes', async () => {
    const poll = await repo.create(newPoll());
    await repo.vote(poll.id, anna, ['a']);
    await repo.vote(poll.id, bo, ['a']);
    expect(await repo.vote(poll.id, anna, ['c'])).toMatchObject({ ok: true, choices: ['c'] });
    const results = repo.results(poll.id)!;
    expect(results.voters).toBe(2);
    expect(results.options.map((option) => option.votes)).toEqual([1, 0, 1]);
  });

  it('takes exactly one choice in a single-choice poll, and only its own options', async () => {
    const poll = await repo.create(newPoll());
    expect(await repo.vote(poll.id, anna, ['a', 'b'])).toMatchObject({ ok: false, reason: 'one-choice' });
    expect(await repo.vote(poll.id, anna, [])).toMatchObject({ ok: false, reason: 'no-choice' });
    expect(await repo.vote(poll.id, anna, ['x'])).toMatchObject({ ok: false, reason: 'unknown-option' });
    expect(await repo.toggle(poll.id, anna, 'x')).toMatchObject({ ok: false, reason: 'unknown-option' });
    expect(repo.results(poll.id)!.voters).toBe(0);
  });

  it('a press in a single-choice poll sets the vote; pressing the same option again keeps it', async () => {
    const poll = await repo.create(newPoll());
    await repo.toggle(poll.id, anna, 'b');
    expect(await repo.toggle(poll.id, anna, 'b')).toMatchObject({ ok: true, choices: ['b'] });
    expect(await repo.toggle(poll.id, anna, 'a')).toMatchObject({ ok: true, choices: ['a'] });
    expect(repo.results(poll.id)!.options.map((option) => option.votes)).toEqual([1, 0, 0]);
  });

  it('a press in a multiple-choice poll adds or takes away that option; taking the last away withdraws the vote', async () => {
    const poll = await repo.create(newPoll({ multiple: true }));
    await repo.toggle(poll.id, anna, 'c');
    expect(await repo.toggle(poll.id, anna, 'a')).toMatchObject({ choices: ['a', 'c'] });
    expect(await repo.toggle(poll.id, anna, 'c')).toMatchObject({ choices: ['a'] });
    expect(await repo.vote(poll.id, bo, ['b', 'c'])).toMatchObject({ ok: true, choices: ['b', 'c'] });
    expect(repo.results(poll.id)).toMatchObject({
      voters: 2,
      options: [{ votes: 1, percent: 50 }, { votes: 1 }, { votes: 1 }],
    });
    expect(await repo.toggle(poll.id, anna, 'a')).toMatchObject({ ok: true, choices: [] });
    expect(repo.results(poll.id)!.voters).toBe(1);
  });

  it('keeps one vote per person when withdrawals and new votes are written together', async () => {
    const poll = await repo.create(newPoll({ multiple: true }));
    const carl: Voter = { channel: 'slack', userId: 'U-carl' };
    await Promise.all([
      repo.toggle(poll.id, anna, 'a'),
      repo.toggle(poll.id, bo, 'a'),
      repo.toggle(poll.id, carl, 'a'),
    ]);
    // anna and carl withdraw (their votes leave the list, the others move up), anna votes again, bo adds two: in one batch
    await Promise.all([
      repo.toggle(poll.id, anna, 'a'),
      repo.toggle(poll.id, bo, 'b'),
      repo.toggle(poll.id, anna, 'c'),
      repo.toggle(poll.id, carl, 'a'),
      repo.toggle(poll.id, bo, 'c'),
    ]);
    expect(repo.results(poll.id)).toMatchObject({ voters: 2, options: [{ votes: 1 }, { votes: 1 }, { votes: 2 }] });
    // an anonymous poll's votes lie at random places: compare them as a set
    expect(
      store
        .read()
        .votes.map((vote) => vote.choices.join(','))
        .sort(),
    ).toEqual(['a,b,c', 'c']);
  });

  it('counts 500 votes arriving at once, each from another person, all of them', async () => {
    const poll = await repo.create(newPoll());
    const voters = Array.from({ length: 500 }, (_, i) => ({ channel: 'teams', userId: `aad-${i}` }));
    const outcomes = await Promise.all(voters.map((voter, i) => repo.toggle(poll.id, voter, ['a', 'b', 'c'][i % 3]!)));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(repo.results(poll.id)!.options.map((option) => option.votes)).toEqual([167, 167, 166]);
    // and on disk: a store opened afresh on the file has them all
    const reopened = new PollRepository(await openStore(statePath), clock, key);
    expect(reopened.results(poll.id)!.voters).toBe(500);
  });
});

describe('PollRepository.results', () => {
  it('gives counts and whole percentages of the voters, as in the example: 11, 6 and 24 of 41 are 27, 15 and 59 %', async () => {
    const poll = await repo.create(newPoll());
    const choices = [...Array<string>(11).fill('a'), ...Array<string>(6).fill('b'), ...Array<string>(24).fill('c')];
    await Promise.all(choices.map((choice, i) => repo.vote(poll.id, { channel: 'slack', userId: `U${i}` }, [choice])));
    expect(repo.results(poll.id)).toEqual({
      voters: 41,
      options: [
        { id: 'a', label: 'A Integration', votes: 11, percent: 27 },
        { id: 'b', label: 'B STS ORG GUI', votes: 6, percent: 15 },
        { id: 'c', label: 'C Interim', votes: 24, percent: 59 },
      ],
    });
  });
});

describe('anonymous and named polls in the state file', () => {
  it('an anonymous poll keeps no voter id or name in the file, only a keyed hash per voter', async () => {
    const poll = await repo.create(newPoll());
    await repo.vote(poll.id, anna, ['a']);
    await repo.vote(poll.id, bo, ['b']);
    const file = await readFile(statePath, 'utf8');
    for (const secret of [anna.userId, anna.name!, bo.userId, bo.name!, 'Anna', 'Berg'])
      expect(file).not.toContain(secret);
    expect(file).toContain(voterHash(key, poll.id, anna.channel, anna.userId));
    // nor when they voted: the time could point to who
    expect(store.read().votes.every((vote) => vote.at === poll.createdAt)).toBe(true);
  });

  it('an anonymous poll keeps its votes in an order that does not tell who voted when', async () => {
    const poll = await repo.create(newPoll());
    const voters = Array.from({ length: 40 }, (_, i): Voter => ({ channel: 'teams', userId: `aad-${i}` }));
    for (const voter of voters) await repo.vote(poll.id, voter, ['a']);
    const stored = store.read().votes.map((vote) => vote.voter);
    const inVotingOrder = voters.map((voter) => voterHash(key, poll.id, voter.channel, voter.userId));
    expect([...stored].sort()).toEqual([...inVotingOrder].sort());
    // 40 votes kept in the order cast by chance: 1 in 40!
    expect(stored).not.toEqual(inVotingOrder);
    expect(repo.results(poll.id)?.voters).toBe(40);
  });

  it('named votes in between do not keep an earlier anonymous vote ahead of a later one', async () => {
    const anonymous = await repo.create(newPoll());
    const named = await repo.create(newPoll({ anonymous: false }));
    const first = voterHash(key, anonymous.id, 'teams', 'aad-first');
    const later = voterHash(key, anonymous.id, 'teams', 'aad-later');
    let firstAhead = 0;
    const trials = 200;
    for (let trial = 0; trial < trials; trial += 1) {
      // each trial's votes arrive together and are applied in this order
      await Promise.all([
        repo.vote(anonymous.id, { channel: 'teams', userId: 'aad-first' }, ['a']),
        ...Array.from({ length: 10 }, (_, i) =>
          repo.vote(named.id, { channel: 'teams', userId: `aad-named-${trial}-${i}`, name: `Navn ${i}` }, ['a']),
        ),
        repo.vote(anonymous.id, { channel: 'teams', userId: 'aad-later' }, ['b']),
      ]);
      const voters = store.read().votes.map((vote) => vote.voter);
      if (voters.indexOf(first) < voters.indexOf(later)) firstAhead += 1;
      await store.update((draft) => {
        draft.votes = [];
      });
    }
    // as often one as the other; a fair coin lands outside 30–70 % in 200 throws about once in 10^8
    expect(firstAhead / trials).toBeGreaterThan(0.3);
    expect(firstAhead / trials).toBeLessThan(0.7);
  });

  it('a named poll keeps channel:userId and the name, and lists who chose what', async () => {
    const poll = await repo.create(newPoll({ anonymous: false }));
    await repo.vote(poll.id, anna, ['b']);
    expect(store.read().votes[0]).toMatchObject({ voter: 'teams:aad-anna', name: 'Anna Andersen', choices: ['b'] });
    expect(repo.ballots(poll.id)).toEqual([
      { name: 'Anna Andersen', voter: 'teams:aad-anna', choices: ['B STS ORG GUI'] },
    ]);
  });
});

describe('closing and deleting', () => {
  it('close records who closed it and when; later votes are refused and change nothing', async () => {
    const poll = await repo.create(newPoll());
    await repo.vote(poll.id, anna, ['a']);
    clock.set(DateTime.fromISO('2018-09-06T10:05:00+02:00'));
    expect(await repo.close(poll.id, host)).toMatchObject({
      ok: true,
      poll: { closedAt: '2018-09-06T10:05:00.000+02:00', closedBy: { userId: 'aad-host' } },
    });
    expect(await repo.vote(poll.id, anna, ['b'])).toMatchObject({ ok: false, reason: 'closed' });
    expect(await repo.toggle(poll.id, bo, 'b')).toMatchObject({ ok: false, reason: 'closed' });
    expect(await repo.close(poll.id, host)).toMatchObject({ ok: false, reason: 'already-closed' });
    expect(repo.results(poll.id)!.options.map((option) => option.votes)).toEqual([1, 0, 0]);
  });

  it('a poll past its closing time takes no votes, even before closeDue has run', async () => {
    const poll = await repo.create(newPoll({ closesAt: '2018-09-06T10:10:00.000+02:00' }));
    clock.set(DateTime.fromISO('2018-09-06T10:10:00+02:00'));
    expect(await repo.vote(poll.id, anna, ['a'])).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('closeDue closes the polls due, as of their closing time, and writes nothing when none is', async () => {
    const due = await repo.create(newPoll({ closesAt: '2018-09-06T10:10:00.000+02:00' }));
    const later = await repo.create(newPoll({ closesAt: '2018-09-06T11:30:00.000+02:00' }));
    await repo.create(newPoll());
    const update = vi.spyOn(store, 'update');
    expect(await repo.closeDue(DateTime.fromISO('2018-09-06T10:09:00+02:00'))).toEqual([]);
    expect(update).not.toHaveBeenCalled();
    const closed = await repo.closeDue(DateTime.fromISO('2018-09-06T10:12:00+02:00'));
    expect(closed.map((poll) => poll.id)).toEqual([due.id]);
    expect(repo.get(due.id)).toMatchObject({ closedAt: '2018-09-06T10:10:00.000+02:00' });
    expect(repo.get(due.id)!.closedBy).toBeUndefined();
    expect(repo.get(later.id)!.closedAt).toBeUndefined();
    expect(await repo.closeDue(DateTime.fromISO('2018-09-06T10:13:00+02:00'))).toEqual([]);
  });

  it('delete is soft: the poll stays, marked deleted, out of the conversation list, and takes no votes', async () => {
    const poll = await repo.create(newPoll());
    expect(await repo.delete(poll.id)).toMatchObject({ ok: true });
    expect(repo.get(poll.id)!.deletedAt).toBe('2018-09-06T10:00:00.000+02:00');
    expect(repo.pollsIn({ channel: 'teams', conversationId: '19:meeting' })).toEqual([]);
    expect(await repo.vote(poll.id, anna, ['a'])).toMatchObject({ ok: false, reason: 'deleted' });
    expect(await repo.delete(poll.id)).toEqual({ ok: false, reason: 'already-deleted' });
    expect(await repo.close(poll.id, host)).toMatchObject({ ok: false, reason: 'deleted' });
  });

  it('keeps where the card was posted, writing only when that changes', async () => {
    const poll = await repo.create(newPoll());
    const message = { conversationId: '19:meeting;messageid=1', messageId: '1:abc' };
    await repo.rememberMessage(poll.id, message);
    expect(repo.get(poll.id)!.message).toEqual(message);
    const unchanged = store.read();
    await repo.rememberMessage(poll.id, { ...message });
    expect(store.read()).toBe(unchanged);
    await repo.rememberMessage(poll.id, { ...message, messageId: '1:def' });
    expect(repo.get(poll.id)!.message?.messageId).toBe('1:def');
    await expect(repo.rememberMessage('7c6b1f4e-1d7a-4e5f-9a0b-000000000000', message)).resolves.toBeUndefined();
  });

  it('lists a poll closed at its set time until its result is announced, and not one closed by hand', async () => {
    const timed = await repo.create(newPoll({ closesAt: '2018-09-06T10:05:00+02:00' }));
    const byHand = await repo.create(newPoll({ closesAt: '2018-09-06T10:05:00+02:00' }));
    await repo.close(byHand.id, host);
    await repo.closeDue(DateTime.fromISO('2018-09-06T10:06:00+02:00'));
    expect(repo.unannounced().map((poll) => poll.id)).toEqual([timed.id]);
    await repo.markAnnounced(timed.id);
    expect(repo.unannounced()).toEqual([]);
  });
});

describe('the vote key', () => {
  it('is 32 random bytes in <state file>.vote-key, readable by the owner only, made once', async () => {
    const keyPath = voteKeyPath(statePath);
    expect(keyPath).toBe(`${statePath}.vote-key`);
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    expect(key).toHaveLength(32);
    expect((await loadVoteKey(statePath)).equals(key)).toBe(true);
  });

  it('gives the same hash for the same person in one poll and unrelated ones across polls and people', () => {
    const one = voterHash(key, 'poll-1', 'teams', 'aad-anna');
    expect(voterHash(key, 'poll-1', 'teams', 'aad-anna')).toBe(one);
    expect(voterHash(key, 'poll-2', 'teams', 'aad-anna')).not.toBe(one);
    expect(voterHash(key, 'poll-1', 'teams', 'aad-bo')).not.toBe(one);
    expect(voterHash(Buffer.alloc(32), 'poll-1', 'teams', 'aad-anna')).not.toBe(one);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is not replaced when the file is damaged: a new key would make every voter look new', async () => {
    await writeFile(voteKeyPath(statePath), 'short');
    await expect(loadVoteKey(statePath)).rejects.toThrow(/vote key/);
  });
});
