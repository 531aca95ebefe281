import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { Understander } from '../../src/understanding/understand.js';
import { replyText, turn } from './question-set.js';

// one understander for the file: building one loads and indexes the whole knowledge base
let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('a question of which way to choose for the organisation data', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now });

  it('is the strategies with their recommendations, however the words alone were read', async () => {
    expect(read('which option would you recommend for a municipality with only KMD Sag cases in SAPA?').intent).toBe(
      'strategy.describe',
    );
    const story = 'vi har kun KMD Sag sager i SAPA i år, hvilken af måderne er bedst for os?';
    expect(read(story).intent).toBe('strategy.describe');
    const core = createCore({ knowledge: understander.knowledge });
    expect(replyText(core.answer(turn(story, 'choice', now, 'da')).replies)).toMatch(
      /Interims-strategi er i mange tilfælde en god strategi \(især hvis man kun har KMD Sag sager i SAPA\)/i,
    );
  });

  it('is the three strategies where the options, or what to choose between, are asked for', () => {
    const core = createCore({ knowledge: understander.knowledge });
    for (const [text, language, heading] of [
      ['hvilke muligheder har vi for vores organisationsdata?', 'da', 'Strategier for Organisation'],
      ['hvad kan vi vælge imellem med org data?', 'da', 'Strategier for Organisation'],
      // (a word nothing knows, "client", does not make it unknown: the ways are asked for in so many words)
      ['what options does my client have for their org data?', 'en', 'Strategies for Organisation'],
      // (all three with the recommendations, not the one strategy the rest of the words describe)
      ['what options are there for KMD Sag in SAPA?', 'en', 'Strategies for Organisation'],
      // (the ways themselves, more than one, are the options; AD data into the shared org service is org data)
      ['hvad er de tre maader man kan faa sine org data ind paa?', 'da', 'Strategier for Organisation'],
      [
        'vi skal have vores AD-data ind i den fælles org-directory service, hvilke approaches har vi?',
        'da',
        'Strategier for Organisation',
      ],
    ] as const) {
      const answer = core.answer(turn(text, `ways-${text}`, now, language));
      expect(answer.understanding?.intent, text).toBe('strategy.describe');
      expect(answer.replies[0]?.heading, text).toBe(heading);
    }
    // … and which one, asked right after the strategies
    const previous = understander.understand({ text: 'what are the three strategies for Organisation?', now });
    const which = understander.understand({
      text: 'and which one do they recommend if we only have KMD Sag cases?',
      now,
      previous,
    });
    expect(which.intent).toBe('strategy.describe');
    expect(
      understander.understand({ text: 'and which one do they recommend if we only have KMD Sag cases?', now }).intent,
    ).not.toBe('strategy.describe');
    // … not a choice between other things, nor an option of a named strategy's
    expect(read('hvilke muligheder er der for at få hjælp til BBR?').intent).not.toBe('strategy.describe');
    expect(read('what are the ways to clean up the BBR users?').intent).not.toBe('strategy.describe');
  });

  it('is the strategy a follow-up describes, asked what the last question asked', () => {
    const previous = understander.understand({
      text: 'hvor lang tid tager det at koble vores eget organisationssystem automatisk på det fælles?',
      now,
    });
    const next = understander.understand({
      text: 'og hvis vi bare taster det ind i hånden i den der webbrugerflade i stedet?',
      now,
      previous,
    });
    expect(next.intent).toBe('strategy.describe');
    expect(next.entities.strategies).toEqual(['strategi-b']);
    expect(next.entities.aspect).toBe('duration');
    // … in English too ("by hand" is manually, as the material says it)
    const english = understander.understand({
      text: 'how long does it take to integrate our own org system automatically?',
      now,
      locale: 'en-GB',
    });
    const byHand = understander.understand({
      text: 'and if we just type it in by hand?',
      now,
      locale: 'en-GB',
      previous: english,
    });
    expect(byHand.entities.strategies).toEqual(['strategi-b']);
    // (what a follow-up denies is no strategy's answer: strategy C is good "if you only have KMD Sag")
    const c = understander.understand({ text: 'hvad er strategi C?', now });
    expect(understander.understand({ text: 'og hvis vi ikke har KMD Sag?', now, previous: c }).intent).not.toBe(
      'strategy.describe',
    );
  });

  it('is one strategy where it is named and asked why to choose it', () => {
    expect(read('why should we choose strategy B?')).toMatchObject({
      intent: 'strategy.describe',
      entities: { strategies: ['strategi-b'] },
    });
  });

  it('asked when it makes sense, is its condition, not a date the strategies do not have', () => {
    expect(read('hvornår giver det mening at vælge interim-strategien?')).toMatchObject({
      intent: 'strategy.describe',
      entities: { strategies: ['strategi-c'] },
    });
    // … in the words of what suits: a good idea, a sensible choice, smart
    expect(read('hvornår er interimsstrategien et fornuftigt valg?')).toMatchObject({
      intent: 'strategy.describe',
      entities: { strategies: ['strategi-c'] },
    });
    expect(read('hvornår er det smart at vælge strategi B?').intent).toBe('strategy.describe');
    // when a strategy takes effect is still no date of it, nor is when to appoint a role a condition
    expect(read('hvornår starter strategi C?').intent).not.toBe('strategy.describe');
    expect(read('hvornår skal vi vælge en Sikkerhedsansvarlig?').intent).not.toBe('role.describe');
  });

  it('is no strategy where something else is named, or the choice is made already', () => {
    expect(read('hvilken rolle i Fordelingskomponenten er bedst at udpege først?').intent).not.toBe(
      'strategy.describe',
    );
    expect(read('hvilken af de 14 grupper i udrulningsplanen passer os?').intent).not.toBe('strategy.describe');
    // a way of doing something else
    expect(read('hvilken metode anbefaler I til at rydde op i brugerne?').intent).not.toBe('strategy.describe');
    expect(read('which way is best to reach you?').intent).not.toBe('strategy.describe');
    expect(read('hvilken metode er bedst til oprydning i brugerne i Organisation?').intent).not.toBe(
      'strategy.describe',
    );
  });
});

describe('a strategy weighed against another', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is the one asked about, not the one after "i stedet for" or "rather than"', () => {
    expect(
      read('hvad er fordelene ved integrations-vejen frem for STS ORG brugergrænsefladen?').entities.strategies,
    ).toEqual(['strategi-a']);
    expect(
      read('what are the downsides of the interim strategy rather than integrating right away?', 'en-GB').entities
        .strategies,
    ).toEqual(['strategi-c']);
  });

  it('is named by the verb of doing it, where its name is the noun ("integrere" for Integration)', () => {
    expect(read('hvilke ulemper er der ved at integrere?').entities.strategies).toEqual(['strategi-a']);
  });

  it('is the one described before "i stedet for", whatever the words after it name', () => {
    const described = read(
      'den løsning hvor vi taster medarbejderne ind i brugerfladen i stedet for at integrere, er den hurtig?',
    );
    expect(described.entities.strategies).toEqual(['strategi-b']);
  });

  it('keeps a thing of another kind named after it', () => {
    expect(read('skal vi bruge strategi B i stedet for at vente på SAPA?').entities.itSystems).toEqual(['sapa']);
  });
});

describe('one side of a strategy asked about by what the strategy does', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now });

  it('is that strategy, where its own words fit clearly best', () => {
    const manual = read('hvad er ulemperne ved at taste org data manuelt i brugerfladen i stedet for at integrere');
    expect(manual.intent).toBe('strategy.describe');
    expect(manual.entities.strategies).toEqual(['strategi-b']);
    expect(manual.entities.aspect).toBe('cons');
  });

  it('is answered where it is described clearly, however unsure the rest of the wording was', () => {
    const bought = read('hvad er ulempen ved at købe et produkt der synkroniserer vores org data automatisk');
    expect(bought.intent).toBe('strategy.describe');
    expect(bought.entities.strategies).toEqual(['strategi-a']);
    expect(bought.entities.aspect).toBe('cons');
    expect(bought.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('stays all three where the question asks which of them', () => {
    const which = read('vi har kun KMD Sag sager i SAPA, hvilken strategi giver mening for org data?');
    expect(which.entities.strategies).toEqual([]);
  });
});

describe("a strategy's upsides and downsides", () => {
  it('are its pros and cons, by everyday words for them', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const ask = (text: string) => replyText(core.answer(turn(text, 'upsides', now, 'en')).replies);
    const downsides = ask('what are the downsides of going the integration way?');
    expect(downsides).toContain('Ressourcekrævende integrationsforløb');
    expect(downsides).not.toContain('Automatisk vedligehold af data');
    const upsides = ask('any upsides to the GUI route?');
    expect(upsides).toContain('Hurtig og nem måde at blive klar til SAPA på');
  });
});
