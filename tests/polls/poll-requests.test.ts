import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { actionFor } from '../../dialogs/intent-dialogs.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { Understander } from '../../src/understanding/understand.js';
import type { Understanding } from '../../src/understanding/types.js';
import { loadQuestionSet } from '../understanding/question-set.js';

const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });
const read = (text: string, previous?: Understanding) =>
  understander.understand({ text, now, ...(previous ? { previous } : {}) });
const action = (text: string, previous?: Understanding) => actionFor(read(text, previous), queryWords(text).tokens);

const EXAMPLE = 'afstemning: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim';

describe('poll sentences', () => {
  it('reach the create dialog with the sentence as written', () => {
    for (const text of [
      EXAMPLE,
      'poll: Which strategy? | A | B',
      'Afstemning (flere valg, lukker kl. 11.30): Frokost? | Pizza | Salat',
      'ny afstemning: Q | A | B',
    ]) {
      expect(action(text), text).toEqual({ dialog: POLL_DIALOGS.create, args: { text } });
    }
  });

  it('reach it however long, so the dialog can say what is too long', () => {
    const text = `afstemning: ${'Hvilken strategi vælger I? '.repeat(30)}| A | B`;
    expect(text.length).toBeGreaterThan(500);
    expect(read(text).intent).toBe('poll.create');
  });

  it('"afstemning" alone or "hvordan laver jeg en afstemning?" reach the create dialog, which says how', () => {
    expect(action('afstemning')).toEqual({ dialog: POLL_DIALOGS.create, args: { text: 'afstemning' } });
    expect(action('hvordan laver jeg en afstemning?')).toEqual({ dialog: POLL_DIALOGS.create, args: {} });
    expect(action('how do I create a poll?')).toEqual({ dialog: POLL_DIALOGS.create, args: {} });
  });

  it('"luk" and "luk afstemningen" close, "slet afstemningen" deletes the conversation\'s poll', () => {
    for (const text of [
      'luk',
      'Luk afstemningen',
      'ok klikbot, luk afstemningen nu',
      'stop afstemningen',
      'close the poll',
    ]) {
      expect(action(text), text).toEqual({ dialog: POLL_DIALOGS.close, args: {} });
    }
    for (const text of ['slet afstemningen', 'delete the poll'])
      expect(action(text), text).toEqual({ dialog: POLL_DIALOGS.delete, args: {} });
  });

  it('leave other sentences alone', () => {
    expect(read('hvornår er deadline for BBR?').intent).toBe('deadline.task');
    expect(read('stop påmindelserne').intent).toBe('reminder.unsubscribe');
    expect(read('slet').intent).not.toMatch(/^poll/);
    expect(read('luk mødet').intent).not.toMatch(/^poll/);
    expect(read('afstemningen om strategierne er slut').intent).not.toMatch(/^poll/);
    expect(read('hvilke strategier kan vi vælge?').intent).toBe('strategy.describe');
  });

  it('take over no question in the labelled set', () => {
    const taken = loadQuestionSet().questions.filter((question) => read(question.text).intent.startsWith('poll.'));
    expect(taken.map((question) => question.text)).toEqual([]);
  });

  it('are made once, by their own sentence: a follow-up after one is no new poll', () => {
    const created = read(EXAMPLE);
    expect(read('og trin 4?', created).intent).not.toMatch(/^poll/);
    expect(read('og BBR?', read('luk afstemningen')).intent).not.toMatch(/^poll/);
  });
});
