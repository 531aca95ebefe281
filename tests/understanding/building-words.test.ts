import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askerOf } from './question-set.js';

// the slide says the municipalities "hjælper med at udarbejde Rollegalleriet"; people say they build it
describe('building something, in the material’s word for it', () => {
  let ask: ReturnType<typeof askerOf>;
  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    ask = askerOf(core, now);
  });

  it('finds who helps make the role gallery', () => {
    expect(ask('hvem er med til at opbygge rollegalleriet blandt kommunerne?', 'da')).toContain('Albertslund');
    expect(ask('hvilke kommuner bygger rollegalleriet sammen med KOMBIT?', 'da')).toContain('Hillerød');
  });
});
