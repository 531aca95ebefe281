import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('the first or last thing to do in a task', () => {
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is that step, though no step word is said', () => {
    for (const text of ['hvad er det første vi skal gøre med BBR?', 'hvad er det allerførste vi skal gøre i BBR?']) {
      expect(read(text).intent, text).toBe('task.steps');
      expect(read(text).entities.steps, text).toEqual([{ taskId: 'bbr-adgangsstyring', number: 1 }]);
    }
    for (const text of ['what do we do last in BBR?', "what's the last thing to do in BBR?"])
      expect(read(text, 'en-GB').entities.steps, text).toEqual([{ taskId: 'bbr-adgangsstyring', number: 5 }]);
    for (const text of ['what should we do first in BBR?', 'hvad skal vi gøre først i BBR?'])
      expect(read(text, text.startsWith('what') ? 'en-GB' : 'da-DK').entities.steps, text).toEqual([
        { taskId: 'bbr-adgangsstyring', number: 1 },
      ]);
  });

  it('is no step where an ordinal says something else: another, a date, a time, the final deadline', () => {
    for (const text of [
      'er der andet vi skal gøre for BBR?',
      'hvad skal en anden kommune gøre i BBR?',
      'hvad skal vi gøre med BBR den første november?',
      'For det første, hvad skal vi gøre ved BBR?',
      'hvornår er sidste frist for at gøre BBR klar?',
      'hvornår skal vi starte på BBR første gang?',
      'hvad er det første vi skal gøre i BBR efter 1. november?',
    ])
      expect(read(text).intent, text).not.toBe('task.steps');
    for (const text of ['what did we do last time about BBR?', 'what is the final deadline to do BBR?'])
      expect(read(text, 'en-GB').intent, text).not.toBe('task.steps');
  });

  it('is not a step where nothing is to be done, or the task has no steps', () => {
    expect(read('hvornår er den første deadline for BBR?').entities.steps).toEqual([]);
    expect(read('hvad er det første vi skal gøre i Udpeg FK-ADM og FK-ANSV?').intent).not.toBe('task.steps');
  });
});

describe('"allerførste" and "uanset"', () => {
  it('are the first, and say nothing of what is asked', () => {
    const read = understander.understand({
      text: 'hvad er den allerførste frist der kommer nu, uanset hvad det er?',
      now,
    });
    expect(read.intent).toBe('deadline.upcoming');
  });
});
