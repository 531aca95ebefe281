import { strategies } from '../../dialogs/answers/strategies.js';
import { describe, expect, it } from 'vitest';
import { card, context, plain } from './dialog-kit.js';

describe('strategies: the three', () => {
  it('lists A, B and C with their durations and the four recommendations', () => {
    const reply = card(strategies(context(), {}));
    expect(reply.text).toMatch(/^Kommunen vælger én af \*\*3 strategier\*\*/);
    expect(reply.list?.slice(0, 3)).toEqual([
      'A Integrations-vejen: Et integrationsforløb tager mellem 2-5 måneder',
      'B STS ORG Brugergrænseflade: Det tager 14 dage at blive klar med STS ORG GUI',
      'C Interims-strategi: Gør som B, men forbered A',
    ]);
    expect(reply.list?.filter((line) => line.startsWith('Anbefaling'))).toHaveLength(4);
    expect(reply.list).toContain(
      'Anbefaling 3: Interims-strategi er i mange tilfælde en god strategi (Især hvis man kun har KMD Sag sager i SAPA)',
    );
    expect(reply.buttons?.map((button) => button.action.args.strategyId)).toEqual([
      'strategi-a',
      'strategi-b',
      'strategi-c',
    ]);
  });
});

describe('strategies: one strategy', () => {
  it('gives A with its duration first, pros and cons, and six steps', () => {
    const reply = card(strategies(context(), { strategyId: 'strategi-a' }));
    expect(reply.text).toMatch(
      /^\*\*Strategi A Integrations-vejen\*\*: \*\*2–5 måneder\*\*: Et integrationsforløb tager mellem 2-5 måneder/,
    );
    expect(reply.list).toHaveLength(6);
    expect(reply.facts?.map((fact) => fact.label)).toEqual(['Fordele', 'Ulemper']);
    expect(reply.facts?.[1]?.value).toBe('Økonomi til anskaffelse af løsning; Ressourcekrævende integrationsforløb');
  });

  it('gives the asked aspect, and takes a letter as well as an id', () => {
    expect(card(strategies(context(), { strategyId: 'B', aspect: 'duration' })).text).toBe(
      '**B STS ORG Brugergrænseflade**: **14 dage**: Det tager 14 dage at blive klar med STS ORG GUI (Hvis I vælger at køre SAPA minimum scope)',
    );
    expect(card(strategies(context(), { strategyId: 'strategi-b', aspect: 'cons' })).list).toEqual([
      'Manuelle rutiner for vedligehold af data',
      'Duer ikke hvis man skal have fuld udbytte af SAPA',
    ]);
    expect(card(strategies(context(), { strategyId: 'strategi-c', aspect: 'steps' })).list).toEqual([
      'Gør som B, men forbered A',
      'Beslut hvor længe I skal være i B-mode',
    ]);
  });

  it('says the material gives C no pros, cons or duration, and points to the recommendation', () => {
    const pros = card(strategies(context(), { strategyId: 'strategi-c', aspect: 'pros' })).text;
    expect(pros).toMatch(/^Materialet giver ingen fordele eller ulemper for strategi C Interims-strategi\./);
    expect(pros).toContain(
      '"Interims-strategi er i mange tilfælde en god strategi (især hvis man kun har KMD Sag sager i SAPA)"',
    );
    // … with the condition the recommendation gives, also when the whole strategy is asked about
    expect(pros).toContain('(især hvis man kun har KMD Sag sager i SAPA)');
    expect(card(strategies(context(), { strategyId: 'strategi-c' })).text).toContain(
      '(især hvis man kun har KMD Sag sager i SAPA)',
    );
    expect(card(strategies(context(), { strategyId: 'strategi-c', aspect: 'duration' })).text).toBe(
      '**C Interims-strategi**: Materialet giver ingen varighed: "Beslut hvor længe I skal være i B-mode".',
    );
  });

  it('answers in English', () => {
    const reply = card(
      strategies(context('2018-09-06T10:00:00+02:00', 'en'), { strategyId: 'strategi-c', aspect: 'cons' }),
    );
    expect(reply.text).toMatch(/^The material gives no pros or cons for strategy C/);
    expect(reply.text).toContain(
      'KOMBIT does recommend it, though: The interim strategy is a good strategy in many cases: especially if you only have KMD Sag cases in SAPA (_Interims-strategi er i mange tilfælde en god strategi (især hvis man kun har KMD Sag sager i SAPA)_)',
    );
  });

  it("gives the slide's lines in English, each with the material's Danish words beside it", () => {
    const english = context('2018-09-06T10:00:00+02:00', 'en');
    expect(card(strategies(english, { strategyId: 'strategi-a', aspect: 'cons' })).list).toEqual([
      'The cost of acquiring a solution (_Økonomi til anskaffelse af løsning_)',
      'A resource-intensive integration process (_Ressourcekrævende integrationsforløb_)',
    ]);
    const whole = card(strategies(english, { strategyId: 'strategi-b' }));
    expect(whole.list?.[2]).toBe('Run a test (_Gennemfør test_)');
    expect(whole.facts?.[0]?.value).toContain('A quick and easy way to get ready for SAPA');
    expect(card(strategies(english, { strategyId: 'strategi-a', aspect: 'duration' })).text).toContain(
      'between 2 and 5 months: shorter if you choose a solution that is compliant; longer if you bring your own solution that has to "pass" the compliance test (_Et integrationsforløb',
    );
    expect(card(strategies(english, {})).list).toContain(
      'Recommendation 1: Check when you are due to go on SAPA (_Tjek hvornår I skal på SAPA_)',
    );
  });

  it('says plainly when it does not know the strategy', () => {
    expect(plain(strategies(context(), { strategyId: 'strategi-d' }))).toBe('Den strategi kender jeg ikke.');
  });
});
