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

function asker(conversation: string, language: 'da' | 'en' = 'da') {
  return (text: string) => {
    const result = core.answer(turn(text, conversation, now, language));
    return { intent: result.understanding?.intent, text: replyText(result.replies) };
  };
}

describe('where, asked of the last topic alone', () => {
  it('is the places of the events just named', () => {
    for (const where of ['og hvor henne?', 'hvor foregår de?']) {
      const ask = asker(`where-events-${where}`);
      ask('hvornår er kommunedagene?');
      const answer = ask(where);
      expect(answer.intent, where).toBe('event.list');
      for (const place of ['Køge', 'Odense', 'Silkeborg']) expect(answer.text, where).toContain(place);
    }
  });

  it('is the place a task or a dated fact names', () => {
    const ask = asker('where-approve');
    ask('hvem skal godkende serviceaftalerne til beskedfordeleren?');
    const answer = ask('hvor gør hun det henne?');
    expect(answer.intent).toBe('fact');
    expect(answer.text).toContain('Administrationsmodul');
  });

  it('is nothing it can tell where the topic names no place, and no more than where', () => {
    const ask = asker('where-nothing');
    ask('hvornår skal FK-ADM være udpeget?');
    // ("hvor mange …" asks how many, not where)
    expect(ask('hvor mange er færdige?').intent).not.toBe('fact');
    // "i BBR" names the thing, not where in it
    const step = asker('where-step');
    step('hvad er trin 3 i BBR?');
    expect(step('hvor gør man det?').intent).not.toBe('fact');
  });

  it('is not "hvor er vi henne?", which asks how far the asker has come', () => {
    const ask = asker('where-far');
    ask('hvem skal godkende serviceaftalerne til beskedfordeleren?');
    expect(ask('hvor er vi henne?').intent).not.toBe('fact');
  });
});
