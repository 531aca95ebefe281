import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { actionFor } from '../../dialogs/intent-dialogs.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { Understander } from '../../src/understanding/understand.js';
import type { Understanding } from '../../src/understanding/types.js';

const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T11:55:00+02:00', { setZone: true });
const read = (text: string, previous?: Understanding) =>
  understander.understand({ text, now, ...(previous ? { previous } : {}) });
const action = (text: string) => actionFor(read(text), queryWords(text).tokens);

describe('the evaluation in words', () => {
  it("starts with 'start evaluering', or just 'evaluering'", () => {
    for (const text of [
      'start evaluering',
      'Start evalueringen',
      'evaluering',
      'kort evaluering',
      'start en kort evaluering nu',
      'ok klikbot, start evalueringen tak',
      'start the evaluation',
      'evaluation',
    ]) {
      expect(action(text), text).toEqual({ dialog: 'evaluation-start', args: {} });
    }
  });

  it('opens the form, closes it, shows the results and gives the CSV', () => {
    for (const text of ['svar på evalueringen', 'udfyld evalueringen', 'answer the evaluation'])
      expect(action(text), text).toEqual({ dialog: 'evaluation-form', args: {} });
    for (const text of ['luk evalueringen', 'afslut evaluering', 'stop evalueringen', 'close the evaluation'])
      expect(action(text), text).toEqual({ dialog: 'evaluation-close', args: {} });
    for (const text of [
      'evalueringens resultat',
      'resultatet af evalueringen',
      'vis evalueringen',
      'evalueringsresultat',
      'evaluation results',
    ]) {
      expect(action(text), text).toEqual({ dialog: 'evaluation-results', args: {} });
    }
    for (const text of [
      'evaluering csv',
      'eksporter evalueringen',
      'hent evalueringen som csv',
      'export the evaluation',
    ])
      expect(action(text), text).toEqual({ dialog: 'evaluation-csv', args: {} });
  });

  it('answers in the language it is asked in', () => {
    expect(read('start evaluering').language).toBe('da');
    expect(read('close the evaluation').language).toBe('en');
  });

  it('leaves questions and other sentences that mention an evaluation alone', () => {
    for (const text of [
      'evaluering?',
      'hvad er en evaluering',
      'hvornår er der evaluering på mødet',
      'Evaluering og tak for denne gang',
      'luk',
      'luk afstemningen',
      'afslut mødet',
      'start møde',
    ]) {
      expect(read(text).intent, text).not.toMatch(/^evaluation\./);
    }
  });

  it('is never repeated by a follow-up', () => {
    const started = read('start evaluering');
    expect(started.intent).toBe('evaluation.start');
    for (const text of ['og BBR?', 'og trin 3?', 'hvad med KY?'])
      expect(read(text, started).intent, text).not.toMatch(/^evaluation\./);
  });
});
