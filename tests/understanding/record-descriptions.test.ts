import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

describe('a thing of the programme asked about whole', () => {
  let understander: Understander;
  const read = (text: string, locale = 'da-DK') => {
    const reading = understander.understand({ text, now, locale });
    return {
      intent: reading.intent,
      records: [...new Set((reading.entities.passages ?? []).map((key) => key.split('/').slice(0, 2).join('/')))],
    };
  };

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('is told by what the material says of it, not by one task or deadline that carries its name', () => {
    // "Fordelingskomponenten" alone names eight tasks; the first of them is no answer to what it is
    expect(read('hvad er Fordelingskomponenten?')).toEqual({
      intent: 'fact',
      records: ['supportSystems/fordelingskomponenten'],
    });
    expect(read('What does Organisation actually do?', 'en-GB')).toEqual({
      intent: 'fact',
      records: ['supportSystems/organisation'],
    });
    expect(read('fortæl mig om SAPA')).toEqual({ intent: 'fact', records: ['itSystems/sapa'] });
  });

  it('is the same asked politely ("kan du fortælle mig …", "could you explain …")', () => {
    expect(read('kan du fortælle mig hvad Beskedfordeleren er?')).toEqual({
      intent: 'fact',
      records: ['supportSystems/beskedfordeler'],
    });
    expect(read('could you please explain what Organisation is?', 'en-GB').records).toEqual([
      'supportSystems/organisation',
    ]);
  });

  it('finds a slide by its name said in full, however the question is put around it', () => {
    expect(read('hvad er det der implementeringsoverblik egentlig for noget?')).toEqual({
      intent: 'fact',
      records: ['topics/implementeringsoverblikket'],
    });
    expect(read('what is the implementation overview?', 'en-GB')).toEqual({
      intent: 'fact',
      records: ['topics/implementeringsoverblikket'],
    });
  });

  it('is what the material says of it, asked as that ("hvad siger materialet om …?")', () => {
    expect(read('hvad siger materialet om Indekser?')).toEqual({
      intent: 'fact',
      records: ['supportSystems/indekser'],
    });
    expect(read('what does the material say about Klassifikation?', 'en-GB').records).toEqual([
      'supportSystems/klassifikation',
    ]);
  });

  it('finds a slide described in everyday words, where the description is all the question says', () => {
    expect(read('hvad er det store skema over fagsystemer og snitflader?')).toEqual({
      intent: 'fact',
      records: ['topics/implementeringsoverblikket'],
    });
    // a word between the description's own ("udrulningsplan") is asked, not described
    expect(read('hvad er KOMBITs udrulningsplan for SAPA?').records).not.toContain(
      'topics/organisation-next-step-for-kombit',
    );
    // "hvad står vi på med BBR?" asks a status, not what BBR is
    expect(read('hvad står vi på med BBR?').intent).not.toBe('fact');
  });

  it('gives a strategy, role or task asked about whole its own answer', () => {
    expect(read('what does strategy B really mean?', 'en-GB').intent).toBe('strategy.describe');
    expect(read('hvad betyder strategi C helt kort?').intent).toBe('strategy.describe');
  });

  it('tells the compliance model, which the strategies answer does not show, by its own points', () => {
    const compliance = { intent: 'fact', records: ['strategies/compliance-model'] };
    expect(read("what's the point of the compliance test?", 'en-GB')).toEqual(compliance);
    expect(read('hvad er compliance-modellen?')).toEqual(compliance);
    expect(read('hvad er formålet med compliancetesten?')).toEqual(compliance);
    // (its purpose and what it gives, not only the points that share a word with the question)
    expect(understander.understand({ text: 'hvad er compliance-modellen?', now }).entities.passages).toEqual(
      expect.arrayContaining(['strategies/compliance-model/purpose.0', 'strategies/compliance-model/points.2']),
    );
    // "modet" is "mødet", no typo of the model's name
    expect(read('hvem er vaerter pa modet').records).not.toContain('strategies/compliance-model');
  });

  it('answers a question of one thing about the compliance model by the passages that say it', () => {
    const passages = (text: string, locale = 'da-DK') =>
      understander.understand({ text, now, locale }).entities.passages ?? [];
    expect(passages('hvor lang tid tager det at bestå compliance-testen?')[0]).toBe(
      'strategies/strategi-a/duration.conditions.1',
    );
    // ("compliance test" written as two words finds the slide's "compliance-test")
    expect(passages('how long does the compliance test take?', 'en-GB')[0]).toBe(
      'strategies/strategi-a/duration.conditions.1',
    );
    expect(passages("What's in the compliance model for the vendors?", 'en-GB')[0]).toBe(
      'strategies/compliance-model/points.2',
    );
  });

  it('leaves questions that ask more than what a thing is to their own answers', () => {
    expect(read('hvad er de kommende frister?').intent).toBe('deadline.upcoming');
    expect(read('hvad er trinnene for bbr').intent).toBe('task.steps');
    expect(read('hvad laver STS projektlederen?').intent).toBe('role.describe');
    // a system the material only names is told by the interfaces it uses
    expect(read('hvad er DAR?').intent).not.toBe('fact');
  });
});

describe('the steps asked of a thing', () => {
  it('are its steps where it has some, else its record', async () => {
    const understander = new Understander(await loadKnowledge('data/knowledge'));
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now, locale: 'en-GB' });
    expect(read('what are the steps in BBR?').intent).toBe('task.steps');
    expect(read('what are the steps in KY?').intent).toBe('fact');
  });
});
