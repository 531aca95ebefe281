import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePollSentence, splitPollSentence } from '../../src/polls/parse-poll.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });
const parse = (text: string) => parsePollSentence(text, now);
const EXAMPLE = 'afstemning: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim';

describe('a poll sentence', () => {
  it('reads the question and the options; by default anonymous, one choice, results when closed', () => {
    expect(parse(EXAMPLE)).toEqual({
      ok: true,
      draft: {
        question: 'Hvilken strategi for Organisation vælger I?',
        options: ['A Integration', 'B STS ORG GUI', 'C Interim'],
        multiple: false,
        anonymous: true,
        live: false,
        form: false,
      },
    });
    expect(parse('poll: Which strategy? | A | B')).toMatchObject({
      ok: true,
      draft: { question: 'Which strategy?', options: ['A', 'B'] },
    });
    expect(parse('Ny afstemning: Kaffe? | Ja | Nej')).toMatchObject({
      ok: true,
      draft: { question: 'Kaffe?', options: ['Ja', 'Nej'] },
    });
  });

  it('opens only with "afstemning" or "poll" (after ny, opret, lav, …), not with a word that merely starts so', () => {
    expect(splitPollSentence('afstemningen er slut')).toBeUndefined();
    expect(splitPollSentence('pollen flyver')).toBeUndefined();
    expect(splitPollSentence('hvornår er afstemning: ja')).toBeUndefined();
    expect(splitPollSentence('opret en afstemning: Q | A | B')).toEqual({ head: '', body: 'Q | A | B' });
  });

  it('reads the flags before the colon: flere valg, navngiven / ikke anonym, vis resultat / live, lukker kl. or om', () => {
    expect(parse('afstemning (flere valg, navngiven, vis resultat, lukker kl. 11.30): Q | A | B')).toMatchObject({
      ok: true,
      draft: { multiple: true, anonymous: false, live: true, closesAt: '2018-09-06T11:30:00.000+02:00' },
    });
    expect(parse('afstemning ikke anonym live lukker om 10 min: Q | A | B')).toMatchObject({
      draft: { anonymous: false, live: true, closesAt: '2018-09-06T10:10:00.000+02:00' },
    });
    expect(parse('afstemning lukker kl. 11:30: Q | A | B')).toMatchObject({
      draft: { question: 'Q', closesAt: '2018-09-06T11:30:00.000+02:00' },
    });
    expect(parse('poll multiple, named, closes in 1 hour: Q | A | B')).toMatchObject({
      draft: { multiple: true, anonymous: false, closesAt: '2018-09-06T11:00:00.000+02:00' },
    });
    expect(parse('afstemning med indstillinger: Q | A | B')).toMatchObject({ draft: { form: true } });
  });

  it('reads flags at the end: in brackets after the last option, or a last part of several flags or a closing', () => {
    expect(parse('afstemning: Q | A | B (flere valg, live)')).toMatchObject({
      draft: { options: ['A', 'B'], multiple: true, live: true },
    });
    expect(parse('afstemning: Q | A | B | flere valg, lukker om 5 min')).toMatchObject({
      draft: { options: ['A', 'B'], multiple: true, closesAt: '2018-09-06T10:05:00.000+02:00' },
    });
    // one word alone is an option: "Live" may well be one
    expect(parse('afstemning: Hvordan ser I med? | Optagelse | Live')).toMatchObject({
      draft: { options: ['Optagelse', 'Live'], live: false },
    });
    expect(parse('afstemning: Q | A | B (ny)')).toMatchObject({ draft: { options: ['A', 'B (ny)'] } });
    expect(parse('afstemning: Q | A | B | lukker kl. 11')).toMatchObject({
      draft: { options: ['A', 'B'], closesAt: '2018-09-06T11:00:00.000+02:00' },
    });
  });

  it('keeps a last option that only reads like a time or a flag: people vote for those', () => {
    expect(parse('afstemning: Hvornår holder vi næste møde? | kl. 9 | kl. 10 | kl. 13')).toMatchObject({
      ok: true,
      draft: { options: ['kl. 9', 'kl. 10', 'kl. 13'] },
    });
    expect(parse('afstemning: Hvor længe? | om 10 min | om 20 min | om 1 time')).toMatchObject({
      ok: true,
      draft: { options: ['om 10 min', 'om 20 min', 'om 1 time'] },
    });
    expect(parse('afstemning: Hvordan? | Anonyme | Med navn')).toMatchObject({
      ok: true,
      draft: { options: ['Anonyme', 'Med navn'], anonymous: true },
    });
    expect(parse('afstemning: Hvilken slags? | Single | Multiple choice')).toMatchObject({
      ok: true,
      draft: { options: ['Single', 'Multiple choice'], multiple: false },
    });
  });

  it('takes options on separate lines when there is no |', () => {
    expect(parse('afstemning: Frokost?\nPizza\nSalat')).toMatchObject({
      ok: true,
      draft: { question: 'Frokost?', options: ['Pizza', 'Salat'] },
    });
  });

  it('says what is wrong: too few or too many options, too long, the same option twice', () => {
    expect(parse('afstemning: Q | Kun én')).toEqual({ ok: false, problem: { kind: 'too-few-options', count: 1 } });
    expect(parse(`afstemning: Q | ${Array.from({ length: 11 }, (_, i) => `Svar ${i}`).join(' | ')}`)).toEqual({
      ok: false,
      problem: { kind: 'too-many-options', count: 11 },
    });
    expect(parse(`afstemning: ${'x'.repeat(301)} | A | B`)).toEqual({
      ok: false,
      problem: { kind: 'question-too-long', length: 301 },
    });
    expect(parse(`afstemning: Q | ${'y'.repeat(76)} | B`)).toMatchObject({
      ok: false,
      problem: { kind: 'option-too-long' },
    });
    expect(parse('afstemning: Q | Ja | ja')).toEqual({ ok: false, problem: { kind: 'duplicate-option', label: 'ja' } });
    expect(parse(`afstemning: Q | A | ${'B'.repeat(1500)}`)).toEqual({
      ok: false,
      problem: { kind: 'option-too-long', label: 'B'.repeat(1500) },
    });
    const padded = `afstemning:${' '.repeat(1500)}Q | A | B`;
    expect(parse(padded)).toEqual({ ok: false, problem: { kind: 'too-long', length: padded.length } });
    expect(parse('afstemning:')).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  it('takes the largest poll the rules allow, and names the part that is too long in a longer sentence', () => {
    const question = `${'Hvilken løsning vælger I? '.repeat(12)}`.slice(0, 299) + '?';
    const options = Array.from({ length: 10 }, (_, i) => `${i} ${'æ'.repeat(73)}`);
    const longest = `afstemning (flere valg, navngiven, vis resultat, lukker om 30 min) med indstillinger: ${question} | ${options.join(' | ')}`;
    expect(longest.length).toBeGreaterThan(1150);
    expect(parse(longest)).toMatchObject({
      ok: true,
      draft: { question, options, multiple: true, anonymous: false, live: true, form: true },
    });
    // over the sentence's limit as a whole, but what is wrong is the question
    expect(parse(`afstemning: ${'x'.repeat(1600)} | A | B`)).toEqual({
      ok: false,
      problem: { kind: 'question-too-long', length: 1600 },
    });
    expect(parse(`afstemning: Q | A | ${'y'.repeat(2000)}`)).toMatchObject({
      ok: false,
      problem: { kind: 'option-too-long' },
    });
    // beyond what any channel delivers, nothing is read
    expect(parse(`afstemning: ${'x'.repeat(10_001)}`)).toEqual({
      ok: false,
      problem: { kind: 'too-long', length: 10_013 },
    });
  });

  it('refuses a closing time already passed, more than a day ahead, or flags that contradict each other', () => {
    expect(parse('afstemning lukker kl. 9.30: Q | A | B')).toEqual({ ok: false, problem: { kind: 'closes-past' } });
    expect(parse('afstemning lukker kl. 25.00: Q | A | B')).toEqual({
      ok: false,
      problem: { kind: 'closes-unreadable' },
    });
    expect(parse('afstemning lukker om 48 timer: Q | A | B')).toEqual({
      ok: false,
      problem: { kind: 'closes-too-late' },
    });
    expect(parse('afstemning anonym, navngiven: Q | A | B')).toEqual({ ok: false, problem: { kind: 'contradiction' } });
    expect(parse('afstemning flere valg: Q | A | B (ét valg, live)')).toEqual({
      ok: false,
      problem: { kind: 'contradiction' },
    });
  });

  it('keeps backticks out of the question and options: they would break the results table', () => {
    expect(parse('afstemning: `Q` | ```A | B')).toMatchObject({ draft: { question: "'Q'", options: ["'''A", 'B'] } });
  });
});
