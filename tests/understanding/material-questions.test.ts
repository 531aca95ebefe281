import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('the questions the slides pose', () => {
  const records = (text: string) => {
    const reading = understander.understand({ text, now });
    return {
      intent: reading.intent,
      records: [...new Set((reading.entities.passages ?? []).map((key) => key.split('/').slice(0, 2).join('/')))],
    };
  };

  it("answers a slide's question with the record the material answers it with, not by one salient word in it", () => {
    // "Organisation" alone would name the support system's administrator role or its users
    expect(records('hvad er det støttesystemet Organisation gør?')).toEqual({
      intent: 'fact',
      records: ['supportSystems/organisation'],
    });
    // "role" alone would be a role of the gallery
    expect(records("What's KOMBIT's role in relation to SKI 02.19?")).toEqual({
      intent: 'fact',
      records: ['topics/ski-0219-kombits-rolle'],
    });
    expect(records('Hvorfor annonceres deadline nu?')).toEqual({
      intent: 'fact',
      records: ['topics/adgangsstyring-og-kommunerne-er-klar'],
    });
  });

  it('answers a question a slide poses among its points, and no other slide answers, with that slide', () => {
    for (const text of ['hvornår er rollegalleriet klar', 'Hvornår er Rollegalleriet så klar?'])
      expect(records(text), text).toEqual({ intent: 'fact', records: ['topics/rollegalleriet-det-videre-forloeb'] });
    // a slide whose questions are answered by other slides is not its own answer
    expect(records('hvem er det egentlig der skal løse klik-opgaverne hos os i kommunen?').records).not.toContain(
      'topics/stoettesystemet-organisation',
    );
  });

  it('takes the words of the slide that poses the question beside it, and its question word must match', () => {
    // "SKI 02.19", "KOMBIT", "leverandørerne" are the posing slide's words
    for (const text of [
      'hvorfor annoncerer kombit deadline for SKI 02.19 leverandørerne allerede nu?',
      'why is kombit announcing the SKI 02.19 deadline for the vendors now?',
    ])
      expect(records(text).records, text).toEqual(['topics/adgangsstyring-og-kommunerne-er-klar']);
    // … but not a system the posing slide does not speak of
    expect(records('hvad anbefaler KOMBIT at kommunerne gør før deadline for Beskedfordeleren?').records).not.toContain(
      'topics/ski-0219-opmaerksomhed-og-anbefalinger',
    );
    // when the announcement is, is no question of why it is now
    expect(records('hvornår er punktet om annonceringen af SKI 02.19 deadline?').records).not.toContain(
      'topics/adgangsstyring-og-kommunerne-er-klar',
    );
  });

  it("answers a slide's own title asked about with that slide", () => {
    expect(records('hvad er det videre forløb for rollegalleriet')).toEqual({
      intent: 'fact',
      records: ['topics/rollegalleriet-det-videre-forloeb'],
    });
  });

  it('quotes what the systems need from Organisation, the needs listed under each system', () => {
    const reading = understander.understand({ text: 'Hvordan bruger fagsystemerne organisationsdata?', now });
    expect(reading.entities.passages).toContain('supportSystems/organisation/businessNeeds.1');
  });

  it("leaves a question that shares a word or two with a slide's question to its own reading", () => {
    expect(records('hvornår er deadline for BBR?').intent).toBe('deadline.task');
    expect(records('hvad anbefaler KOMBIT om strategierne for Organisation?').records).not.toContain(
      'topics/ski-0219-opmaerksomhed-og-anbefalinger',
    );
  });
});

describe('steps asked of a task that has none', () => {
  it('are answered by the passage that holds the question, where one does', () => {
    const read = understander.understand({ text: 'hvad er KOMBITs næste skridt ift SAPA og organisation', now });
    expect(read.intent).toBe('fact');
    expect(read.entities.passages?.[0]).toMatch(/^topics\/organisation-next-step-for-kombit\//);
    // a task with steps keeps them, and one without is told so where the next steps are not asked
    expect(understander.understand({ text: 'hvad er trinene i BBR opgaven?', now }).intent).toBe('task.steps');
    const steps = 'hvad er trinene i serviceaftaler for fordelingskomponenten?';
    expect(understander.understand({ text: steps, now }).intent).toBe('task.steps');
  });
});
