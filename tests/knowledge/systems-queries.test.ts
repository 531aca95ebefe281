import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import {
  bbrNational,
  findMunicipality,
  interfacesOfSystem,
  sapaGroupOf,
  supportSystemsOf,
  systemsUsingInterface,
  systemsUsingSupportSystem,
} from '../../src/knowledge/systems-queries.js';
import { dataDir } from './data-copy.js';

let k: Knowledge;
beforeAll(async () => {
  k = await loadKnowledge(dataDir);
});

describe('interfaces and support systems', () => {
  it('lists the IT systems on SF1511 with their states, BBR in progress', () => {
    const users = systemsUsingInterface(k, 'SF1511').map((use) => [use.itSystem.name, use.state]);
    expect(users).toContainEqual(['BBR', 'i gang']);
    expect(users).toEqual([
      ['DAR', 'gennemført'],
      ['BBR', 'i gang'],
      ['KSD', '2019'],
      ['KY', '2019'],
      ['SAPA', '2019'],
      ['Valg', '2019'],
      ['SPK', 'ny'],
      ['DUBU', '2019'],
      ['AULA', '2019'],
      ['FLIS', 'i gang'],
    ]);
    expect(systemsUsingInterface(k, 'sf9999')).toEqual([]);
  });

  it('lists the interfaces of DUBU', () => {
    expect(interfacesOfSystem(k, 'dubu').map((use) => [use.interface.code, use.state])).toEqual([
      ['SF1511', '2019'],
      ['SF1514', '2019'],
      ['SF1515', '2019'],
    ]);
  });

  it('gives the support systems of SAPA with their bases, the interface link derived', () => {
    const links = supportSystemsOf(k, 'sapa').map((link) => [link.supportSystem.id, link.basis]);
    expect(links).toEqual([
      ['adgangsstyring', ['status-adgangsstyring-slide', { interface: 'sf1511' }]],
      ['organisation', ['coming-klik-task', 'organisation-diagram']],
    ]);
  });

  it('derives Adgangsstyring for systems the seed links only through an interface', () => {
    expect(supportSystemsOf(k, 'spk').map((link) => [link.supportSystem.id, link.basis])).toEqual([
      ['adgangsstyring', [{ interface: 'sf1511' }]],
    ]);
  });

  it('lists the systems reading Organisation', () => {
    expect(systemsUsingSupportSystem(k, 'organisation').map((link) => link.itSystem.name)).toEqual([
      'KSD',
      'KY',
      'SAPA',
    ]);
    expect(systemsUsingSupportSystem(k, 'oeir').map((link) => link.itSystem.name)).toEqual(['YR/FBS']);
  });
});

describe('findMunicipality', () => {
  it.each([
    ['Århus', 'aarhus'],
    ['Aarhus', 'aarhus'],
    ['aarhus kommune', 'aarhus'],
    ['København', 'koebenhavn'],
    ['Koebenhavn', 'koebenhavn'],
    ['Københavns Kommune', 'koebenhavn'],
    ['Høje-Tåstrup', 'hoeje-taastrup'],
    ['høje taastrup', 'hoeje-taastrup'],
    ['  Køge ', 'koege'],
    ['Bornholms Regionskommune', 'bornholm'],
    ['Nordfyn', 'nordfyns'],
  ])('finds %s', (text, id) => {
    expect(findMunicipality(k, text)?.id).toBe(id);
  });

  it.each(['Arhus', 'Aarhus by', '', 'Region Midtjylland'])('does not guess at %j', (text) => {
    expect(findMunicipality(k, text)).toBeUndefined();
  });
});

describe('sapaGroupOf', () => {
  it('puts Aarhus in group 1 of 14, with no certain time label', () => {
    const placement = sapaGroupOf(k, 'aarhus');
    expect(placement?.group).toBe(1);
    expect(placement?.groupCount).toBe(14);
    expect(placement?.members.map((m) => m.shortName)).toEqual([
      'Brøndby',
      'Esbjerg',
      'Favrskov',
      'Faaborg-Midtfyn',
      'Gentofte',
      'Gladsaxe',
      'Nyborg',
      'Næstved',
      'Vejle',
      'Aarhus',
    ]);
    expect(placement?.timeLabel).toBeNull();
    expect(placement?.approximate).toBe(true);
    expect(placement?.plan.timeLabels).toEqual([
      'NU/2018',
      'Q1/2019',
      'Q2/2019',
      'Q2/2019',
      'Q3/2019',
      'Q4/2019',
      'Q4/2019',
    ]);
    expect(placement?.plan.document?.title).toBe('Notat vedr. SAPAs udrulningsplan');
  });

  it('places Odense alone and Hørsholm in the last group', () => {
    expect(sapaGroupOf(k, 'odense')?.members.map((m) => m.id)).toEqual(['odense']);
    expect(sapaGroupOf(k, 'hoersholm')?.group).toBe(14);
    expect(sapaGroupOf(k, 'nowhere')).toBeUndefined();
  });
});

describe('bbrNational', () => {
  it('gives step 3 as 53 / 17 / 28 as of the KLIK extract of 4 September 2018', () => {
    const status = bbrNational(k);
    expect(status?.municipalities).toBe(98);
    expect(status?.rows.find((row) => row.step === 3)).toEqual({
      step: 3,
      label: 'Opret, navngiv og tildel jobfunktionsroller',
      notStarted: 53,
      started: 17,
      done: 28,
      total: 98,
    });
    expect(status?.rows.map((row) => row.done)).toEqual([70, 57, 28, 10, 5]);
    expect(status?.source).toMatchObject({ asOf: '2018-09-04', label: 'KLIK-udtræk 4. september 2018' });
  });
});
