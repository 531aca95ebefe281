import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askerOf } from './question-set.js';

describe('a question asking which municipality', () => {
  let ask: ReturnType<typeof askerOf>;
  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    ask = askerOf(core, now);
  });

  it('is answered by the passage naming it, not by a list of roles that names none', () => {
    const answer = ask('which municipality shared material about roles in operations?', 'en');
    expect(answer).toContain('Kolding har delt erfaringer og materiale');
    expect(answer).not.toContain('18 roles');
  });

  it('keeps an answer that names municipalities', () => {
    expect(ask('hvilke kommuner er i SAPA-gruppe 1?', 'da')).toContain('Aarhus');
  });
});
