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

describe('what the asker must do or know by a date', () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const intent = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale }).intent;

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('is the timeline of that date, not the role, where no role is named', () => {
    expect(intent('Anything I need to know about 1 November?', 'en-GB')).toBe('event.list');
    expect(intent('do we need to do anything in October?', 'en-GB')).toBe('event.list');
  });

  it("gives a system's overview, with the year it is due, but no date for a strategy or a role", () => {
    expect(intent('hvad er deadline for SAPA?')).toBe('overview.used-by');
    expect(intent('hvad er deadline for strategi A?')).toBe('unknown');
    expect(intent('what is the deadline for the role gallery?', 'en-GB')).toBe('unknown');
  });

  it('keeps roles asked of a version of the gallery roles', () => {
    const read = understander.understand({ text: 'hvilke roller var der i maj 2018?', now });
    expect(read.intent).not.toBe('event.list');
    expect(read.entities.passages?.[0]).toContain('rollegalleriet-maj-2018');
  });
});
