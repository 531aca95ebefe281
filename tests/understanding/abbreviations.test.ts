import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askerOf } from './question-set.js';

describe('what the letters of a name stand for', () => {
  let ask: ReturnType<typeof askerOf>;
  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    ask = askerOf(core, now);
  });

  it('is the full name where the material gives it, said beside the short name', () => {
    expect(ask('hvad står KY for?')).toMatch(/»KY« \(Kommunernes Ydelsessystem\)/);
    expect(ask('what does KY stand for?', 'en')).toMatch(/Kommunernes Ydelsessystem/);
    expect(ask('hvad står STS for?')).toMatch(/Støttesystemerne/);
    // two short forms asked at once: both spelled out
    expect(ask('hvad står STS og SP for?')).toMatch(/Støttesystemerne[^]*Serviceplatformen, hvor/);
    expect(ask('what do STS and SP stand for?', 'en')).toMatch(/Støttesystemerne[^]*Serviceplatformen, where/);
    // … and where not both are spelled out, the words are read as they would be otherwise
    expect(ask('hvad står FK og ADM for?')).toMatch(/FK-administrator/);
    expect(ask('hvad står SF1511 for?')).toMatch(/Hent Token fra Context Handler/);
  });

  it('is read of a short name typed in small letters, and of none in a text all in capitals', () => {
    expect(ask('hvad står ky for?')).toMatch(/Kommunernes Ydelsessystem/);
    expect(ask('hvad star sts for?')).toMatch(/Støttesystemerne/);
    expect(ask('HVAD STÅR DU FOR?')).toMatch(/klikbot/);
  });

  it('is the record whose longer name a short form begins', () => {
    expect(ask('What does FK-ADM stand for?', 'en')).toMatch(/FK-administrator/);
    expect(ask('hvad står FK for?')).toMatch(/Fordelingskomponenten/);
  });

  it('is not known where the material never spells the letters out, whatever else it says of them', () => {
    expect(ask('hvad står TAC for i BBR trin 1?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('hvad står TAC egentlig for?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('what does TAC actually stand for?', 'en')).toMatch(/^I don't know/);
    expect(ask('hvad er SPLUNK en forkortelse for?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('hvad står SAPA for?')).toMatch(/^Det ved jeg ikke/);
    // a full name known from elsewhere is not the material's; nor is "SPOC" short for "KOMBIT-SPOC"
    expect(ask('hvad står KSD for?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('hvad står SPOC for?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('hvad står ØiR for?')).toMatch(/^Det ved jeg ikke/);
  });

  it('leaves "står for" alone where it asks what someone does', () => {
    expect(ask('hvad står der om KSD?')).not.toMatch(/^Det ved jeg ikke/);
    expect(ask('hvem står for trin 1 i BBR?')).not.toMatch(/^Det ved jeg ikke/);
    expect(ask('hvad står kommunen for i BBR-opgaven?')).not.toMatch(/^Det ved jeg ikke/);
    expect(ask('hvad står du for?')).toMatch(/klikbot/);
    expect(ask('hvad står programlederen for?')).toMatch(/KOMBIT-programleder/);
    expect(ask('what do you stand for?', 'en')).toMatch(/klikbot/);
  });
});
