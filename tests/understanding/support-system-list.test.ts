import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { Understander } from '../../src/understanding/understand.js';
import { replyText, turn } from './question-set.js';

const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

describe('the support systems asked for as such', () => {
  it('are their list, whether or not one of them is named beside', () => {
    for (const [text, locale] of [
      ['hvilke støttesystemer findes der?', 'da-DK'],
      ['er der andre fælles systemer end adgangsstyringen?', 'da-DK'],
      ['which shared support systems are there apart from Organisation?', 'en-GB'],
      ['hvilke støttesystemer er der ud over Beskedfordeleren?', 'da-DK'],
      ['hvilke støttesystemer findes der i dag?', 'da-DK'],
      ['hvilke støttesystemer skal kommunerne have?', 'da-DK'],
      ['hvilke støttesystemer kommer der?', 'da-DK'],
    ] as const) {
      const reading = read(text, locale);
      expect(reading.intent, text).toBe('overview.systems-using');
      expect(reading.entities.aspect, text).toBe('support-systems');
    }
  });

  it('leave another thing of theirs asked for to its own answer', () => {
    expect(read('hvilke opgaver er der til støttesystemerne?').intent).toBe('task.list');
    expect(read('hvilke roller findes der for støttesystemerne?').intent).toBe('role.list');
    expect(read('hvilke deadlines har støttesystemerne i november?').intent).toBe('deadline.range');
    expect(read('hvilke problemer er der med støttesystemerne?').entities.aspect).not.toBe('support-systems');
  });

  it('leave which of them a system uses, or which systems use one, to the overview of that system', () => {
    expect(read('hvilke støttesystemer skal DUBU anvende?').entities.aspect).not.toBe('support-systems');
    expect(read('hvilke systemer bruger støttesystemet Organisation?').entities.aspect).not.toBe('support-systems');
  });
});

describe('the systems that use each of several support systems', () => {
  it('are asked for outright, though tasks are mentioned, and each is answered', () => {
    const core = createCore({ knowledge: understander.knowledge });
    const text = 'the upcoming tasks mention Fjernprint and ØiR - which systems are those for?';
    const answer = core.answer(turn(text, 'each-support-system', now, 'en'));
    expect(answer.understanding?.intent).toBe('overview.systems-using');
    const reply = replyText(answer.replies);
    expect(reply).toContain('DUBU');
    expect(reply).toContain('YR/FBS');
    // … but why a task is there is no list of systems
    expect(read('why are there tasks for Fjernprint?', 'en-GB').intent).not.toBe('overview.systems-using');
  });
});
