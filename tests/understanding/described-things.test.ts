import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CONFIDENCE_THRESHOLD } from '../../src/understanding/types.js';
import { Understander } from '../../src/understanding/understand.js';
import { dataDir } from '../knowledge/data-copy.js';

const knowledge = await loadKnowledge(dataDir);
const understander = new Understander(knowledge);
const now = DateTime.fromISO('2018-09-06T10:00:00', { zone: 'Europe/Copenhagen' });
const read = (text: string) => understander.understand({ text, now, locale: 'da-DK' });

describe('a record described instead of named', () => {
  it('is the record the description fits, read as if named', () => {
    const routing = read('hvilke opgaver hører til komponenten, som sender data videre ud til modtagersystemerne?');
    expect(routing.intent).toBe('task.list');
    expect(routing.entities.supportSystems).toEqual(['fordelingskomponenten']);
    expect(
      read('hvor mange kommuner er nået til det sidste trin, hvor adgangskontrollen i BBR bliver lukket?').entities
        .steps,
    ).toEqual([{ taskId: 'bbr-adgangsstyring', number: 5 }]);
  });

  it('takes the words in any order and with other words between them', () => {
    const found = read('den der opgave hvor vi skal sige god for de allerførste regler, hvornår er fristen?');
    expect(found.entities.tasks).toEqual(['godkend-initiale-fordelingsregler']);
  });

  it('reads the words for a way of doing something alike ("den manuelle løsning" is "den manuelle vej")', () => {
    expect(read('hvad er fordelene ved den manuelle løsning?').entities.strategies).toEqual(['strategi-b']);
    // (the word for a way alone describes none)
    expect(read('hvilken løsning skal vi vælge?').entities.strategies).toEqual([]);
    // … and a way is no other word that begins alike ("route" is no "router"), nor "integration route" by "route" alone
    const manual = understander.understand({
      text: "if we go the manual route and just type things into KOMBIT's web screen, what are the downsides?",
      now,
      locale: 'en-GB',
    });
    expect(manual.entities.strategies).toEqual(['strategi-b']);
    expect(manual.entities.supportSystems).toEqual([]);
    expect(manual.entities.passages?.[0]).toBe('strategies/strategi-b/cons.0');
  });

  it('counts a word said twice where it stands last, beside the rest of the description', () => {
    const found = read('vi har stadig en del gamle opgaver liggende i det gamle opgavesystem, hvad sker der med det?');
    expect(found.entities.deadlines).toEqual(['kigo-lukker']);
  });

  it('gives way to a thing of its kind named in the question', () => {
    const named = read(
      'hvilke opgaver har Organisation, og komponenten der sender data videre til modtagersystemerne?',
    );
    expect(named.entities.supportSystems).toEqual(['organisation']);
  });

  it('reads no verb of a particle verb as the verb with the opposite particle ("login" is no "log ud")', () => {
    expect(read('hvilke systemer er på fælles login?').entities.interfaces).toEqual([]);
    expect(read('hvilke systemer skal bruge fælles log ud af alle systemer?').entities.interfaces).toEqual(['sf1515']);
  });

  it('takes most of a description, its rarest words said, without the rest ("kilden fagsystemerne læser fra")', () => {
    // "kilden fagsystemerne læser medarbejderdata fra" without "medarbejderdata"
    expect(read('hvad er kilden som fagsystemerne læser fra?').entities.supportSystems).toEqual(['organisation']);
  });

  it('needs most of a description: one shared word is no description', () => {
    expect(read('hvilke data har vi?').entities.supportSystems).toEqual([]);
    expect(read('hvad gør det gamle system?').entities.deadlines).toEqual([]);
  });
});

describe('a slide or a news item described instead of named', () => {
  it('is searched as that record: the point that answers the rest of the question leads', () => {
    const sheet = read('hvor tit bliver det store skema over fagsystemer og snitflader opdateret?');
    expect(sheet.entities.passages?.[0]).toBe('topics/implementeringsoverblikket/points.3');
    const news = read('hvad gør jeg med mine lokale opgaver inden det gamle opgavesystem lukker ned?');
    expect(news.entities.passages).toEqual(['deadlines/kigo-lukker/description']);
  });

  it('gives way to the words themselves where they fit a passage better', () => {
    // "lister … klar … første trin" is a description of BBR's first step and also its very words
    const step = read('hvilke lister skal vi gøre klar i det allerførste BBR-trin?');
    expect(step.entities.passages?.[0]).toBe('tasks/bbr-adgangsstyring/steps.0');
  });
});

describe('a phone number asked of a contact by what it is for', () => {
  it('is the number of the contact whose passages together hold the question', () => {
    const asked = read('hvad er tlf nummeret til thomas hos kombit om at blive udstationeret til KY-teamet?');
    // Thomas's number stands in the KY news item and in his contact details
    expect(['news/ky-indstationering/points.2', 'contacts/trg/details']).toContain(asked.entities.passages?.[0]);
  });
});

describe('where to find something', () => {
  it('is no link where the question seeks a rare word the material never uses', () => {
    const overview = read('where can I find the implementation overview spreadsheet from sept?');
    expect(overview.entities.passages).toContain('topics/implementeringsoverblikket/links.0');
    const endpoint = read('where can I find the production endpoint of the implementation overview?');
    expect(endpoint.entities.passages ?? []).not.toContain('topics/implementeringsoverblikket/links.0');
  });
});

describe('a passage of a record the question names', () => {
  it('comes before another record’s passage that only mentions it', () => {
    // strategy C's steps say "Gør som B": B's own steps answer a question about B
    const reading = read('i strategi B, hvad gør man trin for trin helt konkret?');
    expect(reading.entities.passages?.[0]).toBe('strategies/strategi-b/steps.0');
    expect(reading.entities.passages?.every((key) => key.startsWith('strategies/strategi-b/'))).toBe(true);
  });
});

describe("chat's please and thanks", () => {
  it('are no words of the question, so they cost it no confidence', () => {
    const spelled = read('who do I contact about the KY secondment? email please');
    const asked = read('who do I contact about the KY secondment? email pls');
    expect(asked.intent).toBe('contact');
    expect(asked.confidence).toBeCloseTo(spelled.confidence, 5);
    expect(asked.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });
});
