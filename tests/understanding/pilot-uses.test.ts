import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('what a pilot municipality uses, asked of it alone', () => {
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is its solution in the pilot', () => {
    for (const [text, locale, municipality] of [
      ['hvad bruger odense?', 'da-DK', 'odense'],
      ['what does Gentofte use?', 'en-GB', 'gentofte'],
    ] as const) {
      const reading = read(text, locale);
      expect(reading.intent, text).toBe('pilot.solution');
      expect(reading.entities.municipalities, text).toEqual([municipality]);
    }
  });

  it('is not asked of a municipality that is no pilot, nor of its systems', () => {
    expect(read('hvad bruger Aarhus?').intent).not.toBe('pilot.solution');
    expect(read('hvad bruger Odense af snitflader?').intent).not.toBe('pilot.solution');
  });
});
