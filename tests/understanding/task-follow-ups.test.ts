import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });
let core: Core;
beforeAll(async () => {
  core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
});

describe('a question of "that task" right after one task', () => {
  it('is about that task, not every task', () => {
    for (const followUp of ['er den opgave overhovedet publiceret endnu?', 'hvornår kommer den i klik?']) {
      const conversation = `that-task-${followUp}`;
      core.answer(turn('hvornår skal vi have godkendt de initiale fordelingsregler?', conversation, now, 'da'));
      const answer = core.answer(turn(followUp, conversation, now, 'da'));
      expect(answer.understanding?.intent, followUp).toBe('task.describe');
      expect(replyText(answer.replies), followUp).toContain('Publiceres snarest muligt');
    }
  });

  it('still lists the tasks where several are asked for', () => {
    const conversation = 'that-task-plural';
    core.answer(turn('hvornår skal vi have godkendt de initiale fordelingsregler?', conversation, now, 'da'));
    const answer = core.answer(turn('hvilke andre opgaver er der for den?', conversation, now, 'da'));
    expect(answer.understanding?.intent).not.toBe('task.describe');
  });
});
