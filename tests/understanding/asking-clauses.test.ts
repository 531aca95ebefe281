import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { askingClauses } from '../../src/understanding/asking-clauses.js';
import { Understander } from '../../src/understanding/understand.js';

const long =
  'Hej! Jeg er ny i jobbet og har overtaget efter en kollega, der er gået på barsel, og der ligger en bunke ting jeg ikke forstår. Hvem skal godkende serviceaftalerne om Beskedfordeleren?';
const mixed =
  'Undskyld det lange spørgsmål, men vi er en lille kommune og jeg har mange kasketter på, så jeg når ikke altid at følge med i alt fra KOMBIT. What is the deadline for the FK-ADM and FK-ANSV appointments?';

describe('a long message whose question is one clause of it', () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('finds the clauses that ask, the last first, without who asked them', () => {
    expect(askingClauses(long)[0]).toBe('Hvem skal godkende serviceaftalerne om Beskedfordeleren?');
    expect(
      askingClauses('Min chef spurgte i går hvilke kompetencer man skal have, og jeg ved det ikke, kan du hjælpe?'),
    ).toEqual(['hvilke kompetencer man skal have, og jeg ved det ikke, kan du hjælpe?']);
    expect(askingClauses('hvem skal godkende serviceaftalerne?')).toEqual([]);
  });

  it('is read by its question where the whole message reads as nothing', () => {
    const read = understander.understand({ text: long, now });
    expect(read.intent).toBe('role.responsible');
    expect(read.entities.roles).toContain('aftaleadministrator');
    expect(understander.understand({ text: mixed, now }).intent).toBe('deadline.task');
  });
});
