import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { createCore } from '../../src/klikbot-core.js';
import { Understander } from '../../src/understanding/understand.js';
import { askerOf } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');

describe('a word of the programme asked about by itself', () => {
  let knowledge: Knowledge;
  let ask: ReturnType<typeof askerOf>;
  beforeAll(async () => {
    knowledge = await loadKnowledge('data/knowledge');
    const core = createCore({ knowledge });
    ask = askerOf(core, now);
  });

  it('is explained from the glossary, cited as an explanation', () => {
    const sts = ask('hvad er STS for noget?');
    expect(sts).toMatch(/Støttesystemerne/);
    expect(sts).toMatch(/Ordliste/);
    expect(ask('hvad er monopolbruddet egentlig for noget?')).toMatch(/KY, KSD og SAPA/);
    expect(ask('hvad betyder det at en opgave udgår?')).toMatch(/findes ikke længere/);
    expect(ask('hvad er støttesystemer?')).toMatch(/Fjernprint/);
    expect(ask('hvad er rollegalleriet for noget')).toMatch(/implementering og drift og forvaltning/);
  });

  it('is asked what kind of thing it is, however the kind is said and whatever is said after', () => {
    expect(ask('hvad er klik for en ting')).toMatch(/KOMBITs portal/);
    expect(ask('hvad er ski 02.19 for en størrelse, det bliver nævnt hele tiden')).toMatch(/fælles indkøbsaftale/);
  });

  it('is explained whatever place it is used in is said after it', () => {
    expect(ask("what does 'udgår' mean on a KLIK task?", 'en')).toMatch(/no longer exists/);
    expect(ask('hvad betyder udgår i KLIK?')).toMatch(/findes ikke længere/);
  });

  it('is found through a typo in the word', () => {
    expect(ask('hvad er monopolbrudet for noget?')).toMatch(/KY, KSD og SAPA/);
  });

  it('is explained in English to an English question, and not said to be Danish', () => {
    const answer = ask('what is STS?', 'en');
    expect(answer).toMatch(/STS stands for Støttesystemerne/);
    expect(answer).toMatch(/Glossary/);
    expect(answer).not.toMatch(/in Danish/);
  });

  it('is no answer to what its letters stand for, which the material never says', () => {
    expect(ask('hvad står KLIK for?')).toMatch(/^Det ved jeg ikke/);
    expect(ask('what does SKI stand for?', 'en')).toMatch(/^I don't know/);
  });

  it('gives way to the answer read for the thing itself, unless the meaning is asked for', () => {
    expect(ask('hvad er rollegalleriet?')).not.toMatch(/Ordliste/);
    expect(ask('hvad er basisopgaverne?')).not.toMatch(/Ordliste/);
    expect(ask('what are the pilots?', 'en')).not.toMatch(/Glossary/);
    expect(ask('hvad er på programledermødet?')).not.toMatch(/Ordliste/);
    expect(ask('hvad betyder compliance for os?')).not.toMatch(/Ordliste/);
    expect(ask('hvad siger materialet om SKI?')).not.toMatch(/Ordliste/);
    expect(ask('hvad er en basisopgave?')).toMatch(/Ordliste/);
  });

  it('says what the letters stand for where the material spells them out', () => {
    expect(ask('hvad står SP for?')).toMatch(/SP står for Serviceplatformen/);
  });

  it('is no evidence for questions that do not ask what the word is', () => {
    expect(ask('hvilke fagsystemer læser fra sts organisation?')).not.toMatch(/Ordliste/);
    expect(ask('hvornår lukker KIGO?')).not.toMatch(/Ordliste/);
  });

  it('reaches every word and every other form of it in the glossary, its meaning asked in Danish and English', () => {
    const understander = new Understander(knowledge);
    const missed: string[] = [];
    for (const entry of knowledge.glossary)
      for (const name of [entry.term, ...(entry.aliases ?? [])])
        for (const [text, locale] of [
          [`hvad er ${name} for noget?`, 'da'],
          [`what does ${name} mean?`, 'en'],
        ] as const) {
          const read = understander.understand({ text, now, locale });
          if (read.entities.passages?.[0] !== `glossary/${entry.id}/meaning`) missed.push(text);
        }
    expect(missed).toEqual([]);
  });
});
