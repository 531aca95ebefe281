import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });
const nextSteps = 'topics/organisation-next-step-for-kombit/points';

describe('what KOMBIT itself does next', () => {
  it('is the slide of its next steps, however it is asked', () => {
    for (const [text, locale] of [
      ['hvad gør KOMBIT nu?', 'da-DK'],
      ['hvad skal kombit selv lave nu', 'da-DK'],
      ['what is KOMBIT going to do next to help us get ready for SAPA?', 'en-GB'],
    ] as const) {
      const reading = read(text, locale);
      expect(reading.intent, text).toBe('fact');
      expect(reading.entities.passages?.[0], text).toContain(nextSteps);
    }
  });

  it('in a thing a slide gives its role in, is that slide', () => {
    const reading = read('what does KOMBIT actually do in relation to SKI 02.19?', 'en-GB');
    expect(reading.entities.passages?.[0]).toContain('topics/ski-0219-kombits-rolle/');
    // what KOMBIT recommends the asker do is the recommendations', not KOMBIT's part
    expect(read('hvad anbefaler kombit at vi gør ift SKI 02.19').entities.passages?.[0] ?? '').not.toContain(
      'kombits-rolle',
    );
  });

  it("is not the asker's own doing, nor another slide's next steps", () => {
    expect(read('hvad skal vi gøre for KOMBIT nu?').entities.passages?.[0] ?? '').not.toContain(nextSteps);
    expect(read('hvad gør kombit videre med rollegalleriet nu').entities.passages?.[0] ?? '').not.toContain(nextSteps);
    expect(read('hvornår holder KOMBIT næste møde?').intent).not.toBe('fact');
    // (nor its next steps about a system the slide is not about, or by a date)
    const slideOf = (text: string, locale = 'da-DK') => read(text, locale).entities.passages?.[0] ?? '';
    expect(slideOf('what is KOMBIT going to do about BBR?', 'en-GB')).not.toContain(nextSteps);
    expect(slideOf('hvad skal KOMBIT gøre nu med Fordelingskomponenten?')).not.toContain(nextSteps);
    expect(slideOf('hvad skal KOMBIT gøre inden 1. november?')).not.toContain(nextSteps);
    // (an asker's doing at the very start of the question is still the asker's)
    expect(slideOf('vi skal lave hvad for KOMBIT nu?')).not.toContain(nextSteps);
  });
});
