import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

/**
 * An intent guessed from the words alone (nothing named, a middling confidence) gives way to a
 * passage that holds nearly all of the question: in the passage's own words, not through the
 * title of the slide it is on.
 */
describe('a passage over an intent guessed', () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now });

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('holds the question in its own words', () => {
    expect(read('hvilke roller er der i rollegalleriet?').intent).toBe('role.list');
    expect(read('what roles are in the role gallery?').intent).toBe('role.list');
  });

  it('takes over a status guessed from a municipality named without a word of status', () => {
    const reading = read('hvad har Køge med rollegalleriet at gøre?');
    expect(reading.intent).toBe('fact');
    expect(reading.entities.passages?.[0]).toBe('topics/rollegalleriet-jeres-input/points.4');
    expect(read('hvad mangler Køge?').intent).toBe('status.mine');
  });
});
