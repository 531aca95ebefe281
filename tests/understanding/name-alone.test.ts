import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askerOf, replyText, turn } from './question-set.js';

const ask = askerOf(
  createCore({ knowledge: await loadKnowledge('data/knowledge') }),
  DateTime.fromISO('2018-09-06T10:00:00+02:00'),
);

describe('a name typed alone', () => {
  it('is answered with what klikbot knows of the thing, as "hvad er …?" is', () => {
    expect(ask('BBR?')).toContain('1. november 2018');
    expect(ask('SAPA')).toContain('14 grupper');
    expect(ask('fordelingskomponenten?')).toContain('Udpeg FK-ADM og FK-ANSV');
    // an interface alone: the systems that use it, and when
    expect(ask('sf1514?')).toMatch(/DUBU \(2019\)/);
    expect(ask('strategi B?')).toContain('14 dage');
    expect(ask('SAPA?', 'en')).toMatch(/^From »SAPA«/);
  });

  it('is a task described, where the name is a task', () => {
    expect(ask('BBR på Adgangsstyring')).toMatch(/^BBR på Adgangsstyring\s+\*\*BBR på Adgangsstyring\*\* er en/);
  });

  it('is answered so after another question too, where it reads as nothing there', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const turnOf = (text: string) => turn(text, 'c-follow', now, 'da');
    core.answer(turnOf('hvornår lukker KIGO?'));
    expect(replyText(core.answer(turnOf('Beskedfordeleren?')).replies)).toContain('serviceaftaler');
  });

  it('is not a question of a municipality by itself, nor does it take over a question with more words', () => {
    expect(ask('Odense?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('hvornår er fristen for BBR?')).toContain('1. november 2018');
  });
});
