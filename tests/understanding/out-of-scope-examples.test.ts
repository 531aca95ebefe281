import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

/**
 * The example questions of what klikbot never knows ("hvor mange brugere har {system}") are
 * about their topic's word, not about how they are asked.
 */
describe('an example of what klikbot never knows', () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const intent = (text: string) => understander.understand({ text, now }).intent;

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('still keeps its topic out of scope', () => {
    expect(intent('hvor mange brugere har KY?')).toBe('unknown');
    expect(intent('hvor mange indbyggere har Horsens Kommune?')).toBe('unknown');
  });

  it('does not take a question that only shares its asking words', () => {
    expect(intent('hvor mange trin har BBR?')).toBe('task.steps');
    expect(intent('hvor mange trin har opgaven med BBR egentlig')).toBe('task.steps');
  });
});
