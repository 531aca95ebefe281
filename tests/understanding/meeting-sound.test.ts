import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askerOf } from './question-set.js';

describe('testing the sound, asked without naming the meeting', () => {
  let ask: ReturnType<typeof askerOf>;
  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T09:40:00+02:00');
    ask = askerOf(core, now);
  });

  it('is the meeting’s sound test, 10 and 5 minutes before the start', () => {
    expect(ask('what time do you check the sound before it starts?', 'en')).toMatch(/5 min/);
    expect(ask('do you test the sound first?', 'en')).toMatch(/5 min/);
    expect(ask('tester I lyden inden?', 'da')).toMatch(/5 min/);
    expect(ask('hvornår tjekker I lyden inden start?', 'da')).toMatch(/5 min/);
  });
});
