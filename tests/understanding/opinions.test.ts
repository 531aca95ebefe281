import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

/** klikbot has no opinion of its own: what KOMBIT recommends is in the material, what klikbot thinks is not. */
describe("a question of klikbot's own opinion", () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const intent = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale }).intent;

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('is not known, whatever it names', () => {
    expect(intent('synes du vi skal tage strategi A eller B?')).toBe('unknown');
    expect(intent('hvilken af de tre strategier ville du selv vælge?')).toBe('unknown');
    expect(intent('which sync product would you choose for STS Organisation?', 'en-GB')).toBe('unknown');
    expect(intent('do you think KMD is the better vendor?', 'en-GB')).toBe('unknown');
  });

  it('leaves what a choice means, and what KOMBIT recommends, to the material', () => {
    expect(intent('hvis du vælger strategi B, hvor lang tid tager det så?')).toBe('strategy.describe');
    expect(intent('if you choose strategy B, how long does it take?', 'en-GB')).toBe('strategy.describe');
    expect(intent('hvad anbefaler KOMBIT ift. SKI 02.19?')).not.toBe('unknown');
    // "you" as anyone: what one may do is no opinion of klikbot's
    expect(intent('how do you choose between strategy A and strategy B?', 'en-GB')).not.toBe('unknown');
    expect(intent('kan du vælge at springe et trin over i strategi B?')).not.toBe('unknown');
  });
});

describe('weather, travel and booking', () => {
  it('are not known, whatever event or place they name', async () => {
    const understander = new Understander(await loadKnowledge('data/knowledge'));
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const intent = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale }).intent;
    expect(intent('will it rain in Odense on the day of the Organisation kickoff?', 'en-GB')).toBe('unknown');
    expect(intent('kan du bestille togbilletter til kommunedagen i silkeborg til mig')).toBe('unknown');
    expect(intent('er der et hotel tæt på kommunedagen i Køge?')).toBe('unknown');
    // the token ("billet") a security interface hands out is the material's, a train ticket is not
    const { isOutsideWord } = await import('../../src/understanding/search/outside.js');
    expect(isOutsideWord('billet')).toBe(false);
    expect(isOutsideWord('togbilletter')).toBe(true);
  });
});
