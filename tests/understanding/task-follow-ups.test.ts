import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });
let core: Core;
beforeAll(async () => {
  core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
});

describe('a question of "that task" right after one task', () => {
  it('is about that task, not every task', () => {
    for (const followUp of ['er den opgave overhovedet publiceret endnu?', 'hvornår kommer den i klik?']) {
      const conversation = `that-task-${followUp}`;
      core.answer(turn('hvornår skal vi have godkendt de initiale fordelingsregler?', conversation, now, 'da'));
      const answer = core.answer(turn(followUp, conversation, now, 'da'));
      expect(answer.understanding?.intent, followUp).toBe('task.describe');
      expect(replyText(answer.replies), followUp).toContain('Publiceres snarest muligt');
    }
  });

  it('still lists the tasks where several are asked for', () => {
    const conversation = 'that-task-plural';
    core.answer(turn('hvornår skal vi have godkendt de initiale fordelingsregler?', conversation, now, 'da'));
    const answer = core.answer(turn('hvilke andre opgaver er der for den?', conversation, now, 'da'));
    expect(answer.understanding?.intent).not.toBe('task.describe');
  });
});

describe('a pronoun in a short follow-up after one thing', () => {
  const ask = (conversation: string, ...texts: string[]) =>
    texts
      .map((text) => core.answer(turn(text, conversation, now, /[æøå]|hvad|hvorn/u.test(text) ? 'da' : 'en')))
      .at(-1)!;

  it('stands for that thing, read as if it were named', () => {
    const danish = ask('pronoun-da', 'hvad er FK-ADM for noget?', 'hvornår skal vi have udpeget en?');
    expect(danish.understanding?.intent).toBe('deadline.task');
    expect(replyText(danish.replies)).toContain('1. november 2018');
    const english = ask('pronoun-en', 'what is FK-ADM?', 'when must we have appointed one?');
    expect(replyText(english.replies)).toContain('1 November 2018');
  });

  it('also in the second question of one message', () => {
    const answer = ask('pronoun-two', 'hvad er fk-adm for noget og hvornaar skal vi have udpeget en');
    expect(replyText(answer.replies)).toMatch(/teknisk rolle[^]*1\. november 2018/);
  });

  it("is only the last word, the question's object", async () => {
    const { pronounNamed } = await import('../../src/understanding/pronoun-follow-ups.js');
    const knowledge = await loadKnowledge('data/knowledge');
    const previous = core.answer(turn('hvad er FK-ADM for noget?', 'pronoun-object', now, 'da')).understanding!;
    expect(pronounNamed('hvornår skal vi have udpeget en?', previous, knowledge)).toBe(
      'hvornår skal vi have udpeget FK-administrator?',
    );
    expect(pronounNamed('hvem skal jeg skrive til hvis det driller?', previous, knowledge)).toBeUndefined();
  });

  it('is no list of every task where the thing has none', () => {
    const answer = ask('pronoun-list', 'hvad er KY?', 'hvornår skal vi have den?');
    expect(answer.understanding?.intent).not.toBe('task.list');
  });

  it('does not stand for a thing where the last answer named several', () => {
    const answer = ask('pronoun-several', 'hvilke roller er der?', 'hvornår skal vi have udpeget en?');
    expect(answer.understanding?.intent).not.toBe('deadline.task');
  });
});
