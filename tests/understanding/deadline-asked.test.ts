import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

describe('a deadline asked of a named task whose words also say who does it', () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const intent = (text: string) => understander.understand({ text, now }).intent;

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('is the date, in English and Danish', () => {
    expect(
      intent('what is the due date for the agreement administrator to approve the Beskedfordeler service agreements'),
    ).toBe('deadline.task');
    expect(intent('deadline for aftaleadministratoren til at godkende serviceaftaler for beskedfordeleren')).toBe(
      'deadline.task',
    );
  });

  it('is still who does it when that is asked too', () => {
    expect(intent('who must approve the Beskedfordeler service agreements before the deadline?')).toBe(
      'role.responsible',
    );
  });
});
