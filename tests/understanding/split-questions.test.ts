import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { onlyTells, splitQuestions } from '../../src/understanding/split-questions.js';
import { replyText, turn } from './question-set.js';

describe('the questions in one message', () => {
  it('splits two questions joined by "og" before a question word, or after a question mark', () => {
    expect(splitQuestions('hvad hedder opgaven med FK-ADM, og hvornår er kommunedagen i Odense?')).toEqual([
      'hvad hedder opgaven med FK-ADM',
      'hvornår er kommunedagen i Odense?',
    ]);
    expect(splitQuestions('hvornår er deadline for BBR? hvem er ansvarlig for FK?')).toEqual([
      'hvornår er deadline for BBR?',
      'hvem er ansvarlig for FK?',
    ]);
  });

  it('splits at a "+", drops a lead-in that only announces the questions, and keeps a short "og hvornår?" as a follow-up', () => {
    expect(splitQuestions('to ting: hvornår er deadline for BBR + hvem er ansvarlig for FK?')).toEqual([
      'hvornår er deadline for BBR',
      'hvem er ansvarlig for FK?',
    ]);
    expect(splitQuestions('afstemning: hvilken strategi vælger I')).toEqual(['afstemning: hvilken strategi vælger I']);
    expect(splitQuestions('hvem godkender serviceaftalerne, og hvornår?')).toEqual([
      'hvem godkender serviceaftalerne',
      'og hvornår?',
    ]);
    expect(splitQuestions('Who approves the service agreements, and by when?')).toEqual([
      'Who approves the service agreements',
      'and by when?',
    ]);
  });

  it('keeps one question whole', () => {
    expect(splitQuestions('status og deadline for BBR')).toEqual(['status og deadline for BBR']);
    // a "+" between two nouns of one question, no question before it
    expect(splitQuestions('the list of systems per support system + interface, when is it updated?')).toEqual([
      'the list of systems per support system + interface, when is it updated?',
    ]);
    expect(splitQuestions('hvornår er deadline for BBR? + hvem er kontakt for KY')).toEqual([
      'hvornår er deadline for BBR?',
      'hvem er kontakt for KY',
    ]);
    expect(splitQuestions('hvor mange er færdige med trin 3 og trin 4')).toEqual([
      'hvor mange er færdige med trin 3 og trin 4',
    ]);
  });

  it('knows a part that only tells why the message asks from one that asks in other words', () => {
    expect(onlyTells('min kollega spurgte mig i går')).toBe(true);
    expect(onlyTells('We thought it was in December.')).toBe(true);
    expect(onlyTells('jeg vil gerne vide om vi kan nå det')).toBe(false);
    expect(onlyTells('Jeg har brug for en skabelon til serviceaftalen.')).toBe(false);
    expect(onlyTells('vi har ikke nået trin 3, hvad gør vi?')).toBe(false);
    // ("det samme for …", "i Kolding": not who tells)
    expect(onlyTells('Det samme for strategi B')).toBe(false);
    expect(onlyTells('I Kolding kommune')).toBe(false);
  });
});

describe('several steps of a task in one question', () => {
  it('are asked one by one, each step its own question', () => {
    expect(splitQuestions('status på BBR trin 2 og 3')).toEqual(['status på BBR trin 2', 'status på BBR trin 3']);
    expect(splitQuestions('what are steps 1, 2 and 4 of BBR?')).toEqual([
      'what are step 1 of BBR?',
      'what are step 2 of BBR?',
      'what are step 4 of BBR?',
    ]);
    expect(splitQuestions('hvad er trin 3 i BBR?')).toEqual(['hvad er trin 3 i BBR?']);
  });

  it('are no date, year or count said after a step', () => {
    for (const text of [
      'hvad skal være færdigt på trin 4 og 1. november?',
      'BBR trin 5 og 1/11',
      'step 4 and 1 november',
      'trin 1 og 2018',
      'BBR trin 4 og 71 kommuner har ikke påbegyndt',
    ])
      expect(splitQuestions(text), text).toEqual([text]);
    // (a word that begins as a month does is no month: "maybe", "separat")
    expect(splitQuestions('can steps 2 and 3 maybe be done together?')).toHaveLength(2);
    expect(splitQuestions('hvad er trin 2 og 3 separat?')).toHaveLength(2);
  });

  it('each say what klikbot does not know, quoting their own words', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const text = 'hvornår er deadline for BBR? hvornår er deadline for BBR? hvad er flurbo gnarf? hvem er blorp zing?';
    const answer = replyText(core.answer(turn(text, 'c-unknown-parts', now, 'da')).replies);
    expect(answer).toContain('flurbo gnarf');
    expect(answer).toContain('blorp zing');
    expect(answer).not.toMatch(/»hvornår er deadline for BBR\?«/);
    // a part asked again in the same words is answered once
    const again = replyText(
      core.answer(turn('hvornår er deadline for BBR? hvad er flurbo? hvad er flurbo?', 'c-again', now, 'da')).replies,
    );
    expect(again.match(/Til »hvad er flurbo\?«/g)).toHaveLength(1);
  });

  it('answered alike are said once', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    // (the material names no one responsible for either step: the task's answer, once)
    const replies = core.answer(turn('hvem er ansvarlig for trin 4 og 5 i BBR', 'c-alike', now, 'da')).replies;
    expect(replies.filter((reply) => reply.text.includes('Materialet nævner ingen ansvarlig rolle'))).toHaveLength(1);
  });

  it('get the counts of each step asked about', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const answer = replyText(core.answer(turn('status paa BBR trin 2 og 3, hurtigt', 'c-steps', now, 'da')).replies);
    expect(answer).toContain('**57 af 98 kommuner** har fuldført trin 2');
    expect(answer).toContain('**28 af 98 kommuner** har fuldført trin 3');
  });
});

describe('a part of a message that reads as asking what klikbot can do', () => {
  it('is no part of the answer: what klikbot can do was not asked', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const text =
      'the sheet that maps each fagsystem to the support systems + interfaces it has to use - how often is it refreshed, and what are you planning to add to it later?';
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const answer = core.answer(turn(text, 'help-part', now, 'en'));
    expect(answer.understanding?.intent).not.toBe('help');
    expect(replyText(answer.replies)).not.toContain("I'm klikbot");
    // … while a part that asks what klikbot can do is answered
    const asked = core.answer(
      turn('When is the BBR deadline, and what can you help me with?', 'help-asked', now, 'en'),
    );
    expect(replyText(asked.replies)).toContain("I'm klikbot");
  });
});
