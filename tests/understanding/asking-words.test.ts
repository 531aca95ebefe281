import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { Understander } from '../../src/understanding/understand.js';
import { replyText, turn } from './question-set.js';

// one understander for the file: building one loads and indexes the whole knowledge base
const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
const read = (text: string) => understander.understand({ text, now });

describe('a thing described in words around the asking word', () => {
  it('leaves the asking word asked', () => {
    const when = read('bbr: hvornår kan vores folk ikke længere logge ind den gamle vej?');
    expect(when.intent).toBe('deadline.task');
    expect(when.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe('a question whose words one record holds between its passages', () => {
  it('is answered from that record where the reading alone says little of it', () => {
    const core = createCore({ knowledge: understander.knowledge });
    const asked = 'we run MS AD with an IDM product feeding STS Organisation automatically, what are the steps?';
    const routed = core.answer(turn(asked, 'record', now, 'en'));
    expect(routed.understanding?.intent).toBe('fact');
    expect(replyText(routed.replies)).toContain('Klargør og kvalitetssikre data fra kommunens kildedatasystem');
  });
});

describe('a question of a word or two', () => {
  it('is no record held between passages, a number being no word', () => {
    expect(read('hvad er nr 3 på listen?').intent).toBe('unknown');
  });
});
