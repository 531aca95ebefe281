import { rollout } from '../../dialogs/answers/rollout.js';
import { pilots } from '../../dialogs/answers/pilots.js';
import { describe, expect, it } from 'vitest';
import { askedContext, card, context, knowledge, plain } from './dialog-kit.js';

describe('rollout: one municipality', () => {
  it('gives the group of 14 and its members, and says the quarter cannot be read', () => {
    const reply = card(rollout(context(), { municipalityId: 'aarhus' }));
    const [lead, timing] = reply.text.split('\n');
    expect(lead).toBe(
      '**Aarhus Kommune** er i gruppe 1 af 14 i SAPAs udrulningsplan, sammen med Brøndby, Esbjerg, Favrskov, Faaborg-Midtfyn, Gentofte, Gladsaxe, Nyborg, Næstved og Vejle' +
        ' (grupperne er aflæst af, hvor slidets alfabetiske rækkefølge starter forfra; nummeret er rækkefølgen på sliden, ikke en tid).',
    );
    expect(timing).toContain('kan ikke aflæses af materialet');
    expect(timing).toContain('fra NU/2018 til Q4/2019');
    expect(timing).toContain('træskolængder');
    expect(reply.text).toContain('Notat vedr. SAPAs udrulningsplan');
    expect(reply.source).toBe('Kilde: SAPA udrulningsplan, programledermøde september 2018');
  });

  it('never names a quarter for a group the material does not place', () => {
    const text = card(rollout(context(), { municipalityId: 'koebenhavn' })).text;
    expect(text).toContain('gruppe 12 af 14');
    expect(text).not.toMatch(/Q[1-3]\/2019/);
  });

  it('says "about" when an operator has set a rough time label', () => {
    const data = structuredClone(knowledge);
    const group = data.sapaRollout.find((item) => item.id === 'sapa-gruppe-12');
    if (group?.kind !== 'group') throw new Error('fixture: group 12 missing');
    group.timeLabel = 'Q2/2019';
    const text = card(rollout(context('2018-09-06T10:00:00+02:00', 'da', data), { municipalityId: 'koebenhavn' })).text;
    expect(text).toContain('Gruppen står ved ca. Q2/2019 (tiderne er kun angivet groft, "i træskolængder")');
  });

  it('says when a municipality is a group of its own and also a pilot', () => {
    const text = card(rollout(context(), { municipalityId: 'odense' })).text;
    expect(text).toContain('gruppe 5 af 14 i SAPAs udrulningsplan, alene');
    expect(text).toContain('Kommunen er også SAPA-pilot (Egen løsning).');
  });

  it('answers in English', () => {
    const text = card(rollout(context('2018-09-06T10:00:00+02:00', 'en'), { municipalityId: 'aarhus' })).text;
    expect(text).toContain('is in group 1 of 14');
    expect(text).toContain('cannot be read from the material');
  });

  it('says plainly when it does not know the municipality', () => {
    expect(plain(rollout(context(), { municipalityId: 'arhus' }))).toBe('Den kommune kender jeg ikke.');
  });
});

describe('rollout: the plan', () => {
  it("lists the 14 groups over the plan's times, each time once, with the caveat", () => {
    const reply = card(rollout(context(), {}));
    expect(reply.text).toMatch(
      /^SAPAs udrulningsplan fordeler de 98 kommuner i \*\*14 grupper\*\* over tidspunkterne NU\/2018, Q1\/2019, Q2\/2019, Q3\/2019 og Q4\/2019\./,
    );
    expect(reply.list).toHaveLength(14);
    expect(reply.list?.[4]).toBe('Gruppe 5: Odense');
    expect(reply.text).toContain('hvilken gruppe der står ved hvilket tidspunkt, kan ikke aflæses af materialet');
  });
});

describe('rollout: one group the question counts', () => {
  const asked = (text: string, language: 'da' | 'en' = 'da') => card(rollout(askedContext(text, language), {}));

  it('gives the members of the group counted by number, by ordinal or as the last', () => {
    expect(asked('hvem er med i anden udrulningsgruppe?').text).toMatch(
      /^Gruppe 2 af 14 i SAPAs udrulningsplan: Norddjurs, Odder, .* og Viborg \(nummeret er rækkefølgen på sliden, ikke en tid\)\./,
    );
    expect(asked('who is in rollout group 5?', 'en').text).toMatch(/^Group 5 of 14 in SAPA's rollout plan: Odense \(/);
    expect(asked('hvilke kommuner kommer i den sidste gruppe?').text).toMatch(/^Gruppe 14 af 14/);
  });

  it('gives the whole plan where no group is counted, or the group does not exist', () => {
    expect(asked('hvordan ser udrulningsplanen ud?').list).toHaveLength(14);
    expect(asked('hvem er i gruppe 40?').list).toHaveLength(14);
  });
});

describe('pilots', () => {
  it('lists the eight pilots and two pre-pilots with vendor and solution', () => {
    const reply = card(pilots(context(), {}));
    expect(reply.text).toMatch(/^Pilotafprøvningen af SAPA har \*\*8 pilotkommuner\*\* og 2 præpiloter/);
    expect(reply.list).toHaveLength(10);
    expect(reply.list).toContain('Gladsaxe: Signaturgruppen, løsningen Sync ORG');
    expect(reply.list).toContain('Næstved: ingen leverandør endnu, løsningen STS ORG GUI');
    expect(reply.list?.filter((line) => line.endsWith('(præpilot)')).map((line) => line.split(':')[0])).toEqual([
      'Syddjurs',
      'Fredensborg',
    ]);
    expect(reply.text).toContain('er aflæst af materialets opstilling');
  });

  it('gives the pilots of one solution the question names, how many and which, by a word or the start of one', () => {
    const asked = (text: string, language: 'da' | 'en' = 'da') => card(pilots(askedContext(text, language), {})).text;
    expect(asked('hvem kører med OS2-synkroniseringen?')).toBe(
      'Blandt SAPA-piloterne bruges **OS2 STS ORG Syncronizer** (Digital Identity) af 3 kommuner: Favrskov, Gentofte og Syddjurs (præpilot).',
    );
    expect(asked('which pilots went with a homegrown solution?', 'en')).toBe(
      'Among the SAPA pilots, **Egen løsning** is used by 2 municipalities: Odense and Herning.',
    );
    // "Signaturgruppen" names Sync ORG alone; "løsning" and "STS ORG" name no one solution
    expect(asked('hvem har valgt Signaturgruppen?')).toContain('Gladsaxe og Fredensborg (præpilot)');
    // … also where the vendor's name is written in two words
    expect(asked('hvem bruger signatur gruppen?')).toContain('Gladsaxe og Fredensborg (præpilot)');
    expect(card(pilots(context(), {})).list).toHaveLength(10);
  });

  it("gives one pilot's solution with the other pilots that use it", () => {
    expect(card(pilots(context(), { municipalityId: 'odense' })).text).toBe(
      '**Odense Kommune** er SAPA-pilot: Egen løsning.\nSamme løsning hos Herning.',
    );
  });

  it("gives one pilot's vendor and solution", () => {
    expect(card(pilots(context(), { municipalityId: 'esbjerg' })).text).toBe(
      '**Esbjerg Kommune** er SAPA-pilot: KMD, løsningen KMD APOS.',
    );
    expect(card(pilots(context('2018-09-06T10:00:00+02:00', 'en'), { municipalityId: 'faaborg-midtfyn' })).text).toBe(
      '**Faaborg-Midtfyn Kommune** is a SAPA pilot: PWC, the solution NetIQ.',
    );
  });

  it('hedges a pre-pilot and says when a municipality is not a pilot', () => {
    expect(card(pilots(context(), { municipalityId: 'fredensborg' })).text).toContain(
      'At kommunen er præpilot, er aflæst af materialets opstilling.',
    );
    expect(card(pilots(context(), { municipalityId: 'koege' })).text).toBe(
      'Køge Kommune er ikke blandt SAPA-piloterne, så materialet siger ikke, hvilken løsning kommunen har valgt. Spørg KOMBIT på mbprogrammet@kombit.dk.',
    );
    expect(plain(pilots(context(), { municipalityId: 'nowhere' }))).toBe('Den kommune kender jeg ikke.');
  });
});
