import { storedText } from '../support/stored-text.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { EvaluationRepository, summarise } from '../../src/state/evaluations.js';
import { openStore, type FileStore, type Store } from '../../src/state/store.js';
import { voterHash } from '../../src/state/vote-key.js';

let dir: string;
let store: FileStore;
let repo: EvaluationRepository;
const key = randomBytes(32);
const clock = createFixedClock(DateTime.fromISO('2018-09-06T11:55:00+02:00'));
const here = { channel: 'msteams', conversationId: '19:programledere@thread.tacv2' };
const host = { channel: 'teams', userId: 'aad-mette', name: 'Mette Vinther Poulsen' };

async function freshStore(): Promise<{ store: FileStore; repo: EvaluationRepository }> {
  const opened = await openStore(path.join(await mkdtemp(path.join(dir, 'state-')), 'klikbot.json'));
  return { store: opened, repo: new EvaluationRepository(opened, clock, key) };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-evaluations-'));
  ({ store, repo } = await freshStore());
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function started(repository = repo) {
  const outcome = await repository.start({ ...here, meetingId: 'programledermoede-2018-09-06', startedBy: host });
  if (!outcome.ok) throw new Error('an evaluation was open already');
  return outcome.evaluation;
}

/** 50 people, each with a name, answering in turn; answer i rates (i % 5) + 1 and says "svar i". */
const people = Array.from({ length: 50 }, (_, i) => ({
  channel: 'teams',
  userId: `aad-person-${i}`,
  name: `Person Nummer${i}`,
}));

async function answerAll(repository: EvaluationRepository, evaluationId: string): Promise<void> {
  for (const [i, person] of people.entries()) {
    const outcome = await repository.answer(evaluationId, person, {
      rating: (i % 5) + 1,
      worked: `svar ${i}`,
      improve: i % 2 === 0 ? `forslag ${i}` : '',
    });
    expect(outcome).toEqual({ ok: true });
  }
}

describe('starting and closing an evaluation', () => {
  it('keeps one open evaluation per conversation; another conversation, or this one after closing, may start one', async () => {
    const first = await started();
    expect(first).toMatchObject({
      ...here,
      meetingId: 'programledermoede-2018-09-06',
      startedBy: host,
      startedAt: '2018-09-06T11:55:00.000+02:00',
    });
    expect(await repo.start({ ...here, startedBy: host })).toEqual({
      ok: false,
      reason: 'already-open',
      evaluation: first,
    });
    expect((await repo.start({ channel: 'slack', conversationId: 'C0PROGRAM', startedBy: host })).ok).toBe(true);
    expect(repo.openIn(here)?.id).toBe(first.id);

    expect(await repo.close(first.id)).toEqual({
      ok: true,
      evaluation: { ...first, closedAt: '2018-09-06T11:55:00.000+02:00' },
    });
    expect(await repo.close(first.id)).toMatchObject({ ok: false, reason: 'already-closed' });
    expect(repo.openIn(here)).toBeUndefined();
    const second = await started();
    expect(repo.allIn(here).map((evaluation) => evaluation.id)).toEqual([first.id, second.id]);
  });
  it("keeps the posted card's reference, for updating it later", async () => {
    const evaluation = await started();
    expect(await repo.setMessage(evaluation.id, { activityId: '1:abc', conversationId: here.conversationId })).toBe(
      true,
    );
    expect(repo.get(evaluation.id)?.message).toEqual({ activityId: '1:abc', conversationId: here.conversationId });
    expect(await repo.setMessage('5b0a5b43-3c8e-4f0a-9a7e-0d1c2b3a4f5e', {})).toBe(false);
  });
  it('remembers where its card was posted, writing only when that is news, and reads it back', async () => {
    const evaluation = await started();
    expect(repo.postedMessage(evaluation.id)).toBeUndefined();
    const message = { conversationId: `${here.conversationId};messageid=1`, messageId: '1' };
    await repo.rememberMessage(evaluation.id, message);
    expect(repo.postedMessage(evaluation.id)).toEqual(message);
    const stored = store.read();
    await repo.rememberMessage(evaluation.id, { ...message });
    expect(store.read()).toBe(stored);
    await repo.rememberMessage('5b0a5b43-3c8e-4f0a-9a7e-0d1c2b3a4f5e', message);
    expect(repo.postedMessage('5b0a5b43-3c8e-4f0a-9a7e-0d1c2b3a4f5e')).toBeUndefined();
  });
});

describe('answering an evaluation', () => {
  it('takes one answer each: a second is refused and nothing is written', async () => {
    const evaluation = await started();
    const anna = { channel: 'slack', userId: 'U0ANNA' };
    expect(await repo.answer(evaluation.id, anna, { rating: 4, worked: '  Godt oplæg  ', improve: '' })).toEqual({
      ok: true,
    });
    expect(repo.hasAnswered(evaluation.id, anna)).toBe(true);
    expect(repo.hasAnswered(evaluation.id, { channel: 'teams', userId: 'U0ANNA' })).toBe(false);
    const before = await storedText(store);
    expect(await repo.answer(evaluation.id, anna, { rating: 1, worked: 'Ombestemt mig' })).toEqual({
      ok: false,
      reason: 'already-answered',
    });
    expect(await storedText(store)).toBe(before);
    // trimmed, and an empty answer is no answer
    expect(repo.answers(evaluation.id)).toEqual([{ evaluationId: evaluation.id, rating: 4, worked: 'Godt oplæg' }]);
  });

  it('refuses answers to a closed or unknown evaluation, and answers that are not valid', async () => {
    const evaluation = await started();
    await expect(repo.answer(evaluation.id, people[0]!, { rating: 6 })).rejects.toThrow();
    await expect(repo.answer(evaluation.id, people[0]!, { rating: 3, worked: 'x'.repeat(2001) })).rejects.toThrow();
    expect(repo.summary(evaluation.id).answers).toBe(0);
    await repo.close(evaluation.id);
    expect(await repo.answer(evaluation.id, people[0]!, { rating: 3 })).toEqual({ ok: false, reason: 'closed' });
    expect(await repo.answer('5b0a5b43-3c8e-4f0a-9a7e-0d1c2b3a4f5e', people[0]!, { rating: 3 })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(store.read().evaluationAnswers).toEqual([]);
    expect(store.read().evaluationResponders).toEqual([]);
  });

  it('writes the answer and the mark that the person answered together, in one update of the state', async () => {
    const evaluation = await started();
    let updates = 0;
    const counting: Store = {
      where: store.where,
      read: () => store.read(),
      close: () => store.close(),
      update: (mutator) => ((updates += 1), store.update(mutator)),
    };
    const counted = new EvaluationRepository(counting, clock, key);
    await counted.answer(evaluation.id, people[0]!, { rating: 5, worked: 'Alt' });
    expect(updates).toBe(1);
    expect(store.read().evaluationAnswers).toHaveLength(1);
    expect(store.read().evaluationResponders).toHaveLength(1);
  });

  it('leaves nothing in the state file that names who answered, or when', async () => {
    const evaluation = await started();
    await answerAll(repo, evaluation.id);
    const file = await storedText(store);
    for (const person of people) {
      expect(file).not.toContain(person.userId);
      expect(file).not.toContain(person.name);
    }
    const state = JSON.parse(file) as {
      evaluationAnswers: Record<string, unknown>[];
      evaluationResponders: Record<string, unknown>[];
    };
    expect(state.evaluationAnswers).toHaveLength(50);
    for (const answer of state.evaluationAnswers) {
      expect(Object.keys(answer).sort()).toEqual(expect.arrayContaining(['evaluationId', 'rating']));
      expect(
        Object.keys(answer).every((field) => ['evaluationId', 'rating', 'worked', 'improve'].includes(field)),
      ).toBe(true);
    }
    // nothing that looks like a time in an answer
    expect(JSON.stringify(state.evaluationAnswers)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(state.evaluationResponders.map((entry) => Object.keys(entry).sort())).toEqual(
      people.map(() => ['evaluationId', 'responder']),
    );
    // the responder is the keyed hash: with the key, one-answer-each holds; without it, it says nothing
    expect(state.evaluationResponders.map((entry) => entry.responder).sort()).toEqual(
      people.map((p) => voterHash(key, evaluation.id, p.channel, p.userId)).sort(),
    );
  });

  it('stores answers and responders in an order that is not the order they came in, and not the same order twice', async () => {
    const orders: string[][] = [];
    for (const run of [1, 2]) {
      const { store: runStore, repo: runRepo } = run === 1 ? { store, repo } : await freshStore();
      const evaluation = await started(runRepo);
      await answerAll(runRepo, evaluation.id);
      const stored = runStore.read().evaluationAnswers.map((answer) => answer.worked ?? '');
      const submitted = people.map((_, i) => `svar ${i}`);
      expect([...stored].sort()).toEqual([...submitted].sort());
      expect(stored).not.toEqual(submitted);
      orders.push(stored.map((text) => text.replace('svar ', '')));
      // the responders, hashed, are not in the order people answered either
      const hashesInTurn = people.map((p) => voterHash(key, evaluation.id, p.channel, p.userId));
      expect(runStore.read().evaluationResponders.map((entry) => entry.responder)).not.toEqual(hashesInTurn);
    }
    expect(orders[0]).not.toEqual(orders[1]);
  });
});

describe('summing up the answers', () => {
  it('counts the answers, averages the ratings and counts each rating', async () => {
    const evaluation = await started();
    await answerAll(repo, evaluation.id);
    expect(repo.summary(evaluation.id)).toEqual({ answers: 50, average: 3, distribution: [10, 10, 10, 10, 10] });
    expect(summarise([{ rating: 5 }, { rating: 4 }, { rating: 4 }])).toEqual({
      answers: 3,
      average: 13 / 3,
      distribution: [0, 0, 0, 2, 1],
    });
    expect(summarise([])).toEqual({ answers: 0, distribution: [0, 0, 0, 0, 0] });
  });
});
