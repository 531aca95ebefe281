import { overview } from '../../dialogs/answers/overview.js';
import { describe, expect, it } from 'vitest';
import { card, context, knowledge, plain } from './dialog-kit.js';

describe('overview: who uses an interface', () => {
  it('lists the IT systems on SF1511 with their state', () => {
    const reply = card(overview(context(), { interfaceId: 'SF1511' }));
    expect(reply.text).toMatch(/^\*\*10 it-systemer\*\* skal anvende SF1511/);
    expect(reply.list).toEqual([
      'DAR (gennemført)',
      'BBR (i gang)',
      'KSD (2019)',
      'KY (2019)',
      'SAPA (2019)',
      'Valg (2019)',
      'SPK (ny)',
      'DUBU (2019)',
      'AULA (2019)',
      'FLIS (i gang)',
    ]);
    expect(reply.text).toContain('Overblikket opdateres kvartalsvis.');
    expect(reply.source).toBe('Kilde: Implementeringsoverblik september 2018');
  });

  it('translates the states in English, keeping years as years', () => {
    const reply = card(overview(context('2018-09-06T10:00:00+02:00', 'en'), { interfaceId: 'sf1511' }));
    expect(reply.list).toContain('DAR (done)');
    expect(reply.list).toContain('BBR (in progress)');
    expect(reply.list).toContain('SPK (new)');
    expect(reply.list).toContain('KSD (2019)');
  });
});

describe('overview: who uses a support system', () => {
  it('gives each IT system on Adgangsstyring with its state from the interfaces', () => {
    const reply = card(overview(context(), { supportSystemId: 'adgangsstyring' }));
    expect(reply.list).toContain('BBR (i gang)');
    expect(reply.list).toContain('DAR (gennemført)');
    expect(reply.list).toContain('Valg (2019)');
    expect(reply.list).toContain('DUBU (2019)');
  });

  it('says why a system uses Organisation where no interface says so, and what it needs the data for', () => {
    const reply = card(overview(context(), { supportSystemId: 'organisation' }));
    expect(reply.list).toEqual([
      'KSD (læser organisationsdata)',
      'KY (læser organisationsdata; behov: Sagsfordeling; Brevfletning)',
      'SAPA (kommende KLIK-opgave, læser organisationsdata; behov: Hvilken medarbejder(e) er tilknyttet en sag og dokument?; Hvor arbejder medarbejderen?; Hvilke kontaktoplysninger har medarbejderen?; Oprettelse af visningsgrupper og advis-grupper)',
    ]);
  });

  it('says when the material names no system for a support system', () => {
    expect(card(overview(context(), { supportSystemId: 'indekser' })).text).toBe(
      'Materialet nævner ingen it-systemer, der skal anvende Indekser.',
    );
  });
});

describe('overview: what an IT system uses', () => {
  it('gives DUBU its three interfaces and its support systems', () => {
    const reply = card(overview(context(), { itSystemId: 'dubu' }));
    expect(reply.text).toMatch(
      /^\*\*DUBU\*\* skal anvende 3 snitflader og støttesystemerne Adgangsstyring og Fjernprint/,
    );
    expect(reply.list?.filter((line) => line.endsWith('(2019)')).map((line) => line.slice(0, 6))).toEqual([
      'SF1511',
      'SF1514',
      'SF1515',
      'Adgang',
    ]);
    expect(reply.list).toContain('Fjernprint (kommende KLIK-opgave)');
  });

  it('gives the overview of all interfaces without arguments', () => {
    const reply = card(overview(context(), {}));
    expect(reply.list).toHaveLength(4);
    expect(reply.list?.[2]).toBe('SF1515 _Sikkerhed - SAMLSingleLogout_: Valg og DUBU');
  });

  it('says plainly when it does not know the id', () => {
    expect(plain(overview(context(), { interfaceId: 'sf9999' }))).toBe('Den snitflade kender jeg ikke.');
    expect(plain(overview(context(), { itSystemId: 'opus' }))).toBe('Det it-system kender jeg ikke.');
    expect(plain(overview(context('2018-09-06T10:00:00+02:00', 'en'), { supportSystemId: 'x' }))).toBe(
      "I don't know that support system.",
    );
  });
});

describe('overview: how often it is updated comes from the data', () => {
  const withFrequency = (frequency: string | undefined) => ({
    ...knowledge,
    topics: knowledge.topics.map((topic) =>
      topic.id === 'implementeringsoverblikket' ? { ...topic, updateFrequency: frequency } : topic,
    ),
  });

  it('says what the implementation overview topic says, in Danish and quoted in English', () => {
    expect(
      card(overview(context('2018-09-06T10:00:00+02:00', 'da', withFrequency('Opdateres månedligt')), {})).text,
    ).toContain('Overblikket opdateres månedligt.');
    expect(card(overview(context('2018-09-06T10:00:00+02:00', 'en'), {})).text).toContain(
      'How often the overview is updated, in the material\'s words: "Opdateres kvartalsvis".',
    );
  });

  it('says nothing about updates when the data does not', () => {
    expect(
      card(overview(context('2018-09-06T10:00:00+02:00', 'da', withFrequency(undefined)), { interfaceId: 'sf1511' }))
        .text,
    ).not.toContain('opdateres');
  });
});

describe('overview: the support systems themselves', () => {
  it('lists every support system the material names, with the IT systems that must use each', () => {
    const reply = card(overview(context(), { list: 'support-systems' }));
    expect(reply.intro).toBe(
      `Materialet nævner **${knowledge.supportSystems.length} fælleskommunale støttesystemer**:`,
    );
    expect(reply.list).toContain('**Organisation** (STS): skal anvendes af KSD, KY og SAPA');
    expect(reply.list).toContain('**Fjernprint**: skal anvendes af DUBU');
    expect(reply.list).toContain('**Indekser**: materialet nævner ingen it-systemer, der skal anvende det');
  });

  it('refuses a list it does not know, as a button could carry one', () => {
    expect(plain(overview(context(), { list: 'roles' }))).toBe('Den oversigt kender jeg ikke.');
  });
});
