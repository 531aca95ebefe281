import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askerOf } from './question-set.js';

describe('how long a meeting lasts', () => {
  let ask: ReturnType<typeof askerOf>;
  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    ask = askerOf(core, now);
  });

  it('is its times, not a strategy’s duration', () => {
    expect(ask('hvor lang tid varer mødet?')).toMatch(/10\.00–12\.00/);
    expect(ask('hvor længe varer programledermødet?')).toMatch(/10\.00–12\.00/);
    expect(ask('how long is the meeting?', 'en')).toMatch(/10\.00–12\.00/);
    expect(ask('hvor lang tid varer webinaret om økonomi?')).toMatch(/10\.00–11\.00/);
  });

  it('leaves a strategy’s duration to the strategy', () => {
    expect(ask('hvor lang tid tager strategi A?')).toMatch(/2–5 måneder/);
  });
});
