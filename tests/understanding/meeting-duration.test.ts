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

describe('a session asked for by the part of the day it is held in', () => {
  it('is the meeting with each session’s times: "om eftermiddagen" is a time, no word the data lacks', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const ask = askerOf(core, DateTime.fromISO('2018-09-06T10:00:00+02:00'));
    expect(ask('hvornår er programledermødet om eftermiddagen?')).toMatch(/12\. september 2018 kl\. 13\.00–15\.00/);
    expect(ask('hvornår holdes programledermødet om formiddagen?')).toMatch(/kl\. 10\.00–12\.00/);
    // … and the meetings asked for in general are the sessions of this one, then the next
    expect(ask('when is the afternoon programme leader meeting?', 'en')).toMatch(/12 September 2018 at 13\.00–15\.00/);
  });
});

describe('when a meeting ends', () => {
  it('is its times, where nothing else is named; when another thing is over is that thing’s', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const ask = askerOf(core, DateTime.fromISO('2018-09-06T10:00:00+02:00'));
    expect(ask('hvornår er mødet slut?')).toMatch(/slutter kl\. 12\.00/);
    expect(ask('when is the online meeting over?', 'en')).toMatch(/ends at 12\.00|10\.00–12\.00/);
    expect(ask('hvornår er KIGO helt slut?')).toContain('oktober 2018');
  });
});
