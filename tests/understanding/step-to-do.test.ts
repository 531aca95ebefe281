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
    expect(read('what do we do last in BBR?', 'en-GB').entities.steps).toEqual([
      { taskId: 'bbr-adgangsstyring', number: 5 },
    ]);
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
