import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Core } from '../../src/core/core.js';
import { createCore } from '../../src/klikbot-core.js';
import { readerOf, replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let core: Core;
beforeAll(async () => {
  core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
});
const ask = (text: string, language: 'da' | 'en') => readerOf(core, now)(text, language);

describe('small words as people type them in a chat', () => {
  it('are the words they stand for, not words nothing knows', () => {
    // "thier": not written out, the question had a word nothing knew, and no answer
    const pilots = ask('which pilot councils built thier own org solution?', 'en');
    expect(pilots.intent).toBe('pilot.solution');
    expect(pilots.reply).toContain('Odense');
  });

  it('"pa", "nar": å typed as a plain a is still å', () => {
    const conversation = 'c-typed-aa';
    core.answer(turn('hvad skal vi gøre med BBR og adgangsstyring?', conversation, now, 'da'));
    const step = core.answer(turn('hvad går trin 3 ud pa?', conversation, now, 'da'));
    expect(step.understanding?.intent).toBe('task.steps');
    expect(replyText(step.replies)).toContain('Trin 3 i _BBR på Adgangsstyring_');
    const days = ask('nar er kommunedagene', 'da');
    expect(days.intent).toBe('event.list');
    expect(days.reply).toContain('20. november 2018');
    expect(ask('nar skal fk-adm vaere udpeget', 'da').intent).toBe('deadline.task');
  });

  it('"ikke engang": not even, which leaves the question what it asks', () => {
    const { reply } = ask(
      'hvor mange kommuner er færdige med trin 1 i BBR og hvor mange har ikke engang startet på trin 4',
      'da',
    );
    expect(reply).toContain('**70 af 98 kommuner** har fuldført trin 1');
    expect(reply).toContain('**71 af 98 kommuner** har ikke påbegyndt trin 4');
  });

  it('say how a thing is asked: "vær obs på"', () => {
    const aware = ask('er der noget i december vi skal være obs på?', 'da');
    expect(aware.intent).toBe('event.list');
    expect(aware.reply).toContain('12. december 2018');
  });
});

describe('which date', () => {
  it('asks when', () => {
    const when = ask('from what date can BBR users only log in via the central access control?', 'en');
    expect(when.intent).toBe('deadline.task');
    expect(when.reply).toContain('1 November 2018');
    expect(ask('fra hvilken dato kan BBR kun bruges via Adgangsstyring?', 'da').reply).toContain('1. november 2018');
    // … and which date a thing runs keeps the words that find the thing
    expect(ask('which date does the webinar on economy run?', 'en').reply).toContain('14 November 2018');
  });
});

describe('where to download a thing', () => {
  it('is where to find it: its link, whatever file it is kept in', () => {
    for (const [text, language] of [
      ['where can I download the implementation overview spreadsheet?', 'en'],
      ['hvor kan jeg downloade implementeringsoverblikket?', 'da'],
    ] as const) {
      const found = ask(text, language);
      expect(found.intent).toBe('fact');
      expect(found.reply).toContain('https://share-komm.kombit.dk/');
    }
  });
});

describe("a strategy's steps, asked with its system named", () => {
  it("are the strategy's, not the system's tasks", () => {
    const steps = ask('what are the steps in strategy B for Organisation?', 'en');
    expect(steps.intent).toBe('strategy.describe');
    expect(steps.reply).toContain('STS ORG Brugergrænseflade');
    expect(ask('list trinene for strategi A for Organisation', 'da').intent).toBe('strategy.describe');
  });
});

describe('a compound of the material typed as two words', () => {
  it('leaves a name typed alone as two words to the names', () => {
    expect(ask('fordelings komponenten?', 'da').intent).not.toBe('unknown');
    expect(ask('system ejer?', 'da').intent).toBe('role.describe');
    expect(ask('projekt leder?', 'da').intent).toBe('role.describe');
  });

  it('is the one word, not what its first part names alone', () => {
    for (const text of ['hvad er implementerings overblikket', 'hvad er implementerings-overblikket']) {
      const reading = ask(text, 'da');
      expect(reading.intent, text).toBe('fact');
      expect(reading.reply, text).toContain('Implementeringsoverblikket');
    }
  });
});
