import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';
import { dataDir } from '../knowledge/data-copy.js';

const understander = new Understander(await loadKnowledge(dataDir));
const now = DateTime.fromISO('2018-09-06T10:00:00', { zone: 'Europe/Copenhagen' });
const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

describe('a side of one strategy, asked in words that read as nothing else', () => {
  it('is that strategy’s side where the question names or describes the strategy', () => {
    const steps = read('hvad skal man helt konkret gøre under strategi B, trin for trin');
    expect(steps.intent).toBe('strategy.describe');
    expect(steps.entities.strategies).toEqual(['strategi-b']);
    expect(steps.entities.aspect).toBe('steps');
    const fast = read('how fast are we ready if we key the org data in by hand in the web UI?', 'en-GB');
    expect(fast.intent).toBe('strategy.describe');
    expect(fast.entities.strategies).toEqual(['strategi-b']);
  });

  it('is the strategy named before an "instead of", never the one named only after it', () => {
    const weighed = read('what are the downsides of integrating instead of the web screen?', 'en-GB');
    expect(weighed.intent).toBe('strategy.describe');
    expect(weighed.entities.strategies).toEqual(['strategi-a']);
    // (the web option is B, which the words do not name: A, named as the alternative, is not asked of)
    const alternative = read('what is the downside of the web option instead of integrating?', 'en-GB');
    const answeredAsA =
      alternative.intent === 'strategy.describe' && alternative.entities.strategies.includes('strategi-a');
    expect(answeredAsA).toBe(false);
  });

  it('is no strategy where a price is asked beside it, or the question names another thing', () => {
    expect(read('hvad koster det at taste medarbejderne ind i hånden?').intent).toBe('unknown');
    // "dage" or "lang tid" describe strategy B or A only where nothing else is asked of
    expect(read('hvor mange dage tager webinaret?').intent).not.toBe('strategy.describe');
    expect(read('hvor lang tid tager det at rydde op i brugerne i bbr').intent).not.toBe('strategy.describe');
  });
});

describe('several strategies named by their letters in a list', () => {
  it('are each named, and each answered', async () => {
    expect(read('strategi a b c forklar kort').entities.strategies).toEqual(['strategi-a', 'strategi-b', 'strategi-c']);
    expect(read('hvad er ulemperne ved strategi A og B?').entities.strategies).toEqual(['strategi-a', 'strategi-b']);
    // a letter alone, with no list after the word, names nothing more, nor does an article
    expect(read('hvad er strategi B og hvornår er deadline').entities.strategies).toEqual(['strategi-b']);
    expect(read('how long does strategy B and a compliance test take?', 'en-GB').entities.strategies).not.toContain(
      'strategi-a',
    );
    const { createCore } = await import('../../src/klikbot-core.js');
    const { replyText, turn } = await import('./question-set.js');
    const core = createCore({ knowledge: await loadKnowledge(dataDir) });
    const answer = replyText(core.answer(turn('hvad er ulemperne ved strategi A og B?', 'letters', now, 'da')).replies);
    expect(answer).toContain('Ressourcekrævende integrationsforløb');
    expect(answer).toContain('Manuelle rutiner for vedligehold af data');
  });
});
