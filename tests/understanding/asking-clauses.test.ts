import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { askingClauses } from '../../src/understanding/asking-clauses.js';
import { CONFIDENCE_THRESHOLD } from '../../src/understanding/types.js';
import { Understander } from '../../src/understanding/understand.js';
import { replyText, turn } from './question-set.js';

const long =
  'Hej! Jeg er ny i jobbet og har overtaget efter en kollega, der er gået på barsel, og der ligger en bunke ting jeg ikke forstår. Hvem skal godkende serviceaftalerne om Beskedfordeleren?';
const mixed =
  'Undskyld det lange spørgsmål, men vi er en lille kommune og jeg har mange kasketter på, så jeg når ikke altid at følge med i alt fra KOMBIT. What is the deadline for the FK-ADM and FK-ANSV appointments?';

describe('a long message whose question is one clause of it', () => {
  let understander: Understander;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('finds the clauses that ask, the last first, without who asked them', () => {
    // a clause that tells ("…, hvor de har fuldført trin 3.") asks nothing
    expect(
      askingClauses(
        'Vi har talt med vores nabokommune om BBR i dag. De er nået til et punkt, hvor de har fuldført trin 3 i BBR.',
      ),
    ).toEqual([]);
    // "d. 1. november" ends no sentence
    expect(
      askingClauses(
        'Jeg har læst det hele igennem to gange og forstår stadig ikke helt planen. Hvad sker der d. 1. november?',
      ),
    ).toEqual(['Hvad sker der d. 1. november?']);
    expect(askingClauses(long)[0]).toBe('Hvem skal godkende serviceaftalerne om Beskedfordeleren?');
    expect(
      askingClauses('Min chef spurgte i går hvilke kompetencer man skal have, og jeg ved det ikke, kan du hjælpe?'),
    ).toEqual(['hvilke kompetencer man skal have, og jeg ved det ikke, kan du hjælpe?']);
    expect(askingClauses('hvem skal godkende serviceaftalerne?')).toEqual([]);
  });

  it('finds a question typed in lower case after a full stop', () => {
    const typed =
      'har lige fået ansvaret for det hele fordi min kollega stoppede og jeg har ikke overblik over noget. hvem skal godkende serviceaftalerne om beskedfordeleren?';
    expect(askingClauses(typed)).toEqual(['hvem skal godkende serviceaftalerne om beskedfordeleren?']);
  });

  it('finds a question after a dash, with the preposition it asks with, where it says enough by itself', () => {
    const dashed =
      'whats the deal with the login change for the building register - from when do users have to go through the central access control?';
    expect(askingClauses(dashed)).toEqual(['from when do users have to go through the central access control?']);
    const read = understander.understand({ text: dashed, now, locale: 'en-GB' });
    expect(read.intent).toBe('deadline.task');
    expect(read.entities.deadlines).toEqual(['bbr-kritisk-deadline']);
    // a short part after a dash leans on what came before it
    expect(
      askingClauses(
        'vi overvejer at skifte hele vores ESDH-løsning ud til næste år og er i tvivl - hvilken anbefaler du?',
      ),
    ).toEqual([]);
  });

  it('finds a yes-or-no question by the verb it opens with, where it ends with a question mark', () => {
    const story =
      'Jeg prøver at få styr på hvad der brænder på i programleder-regi, så jeg ikke kvajer mig mens hun er væk. Er der nogen kombit-frister denne uge?';
    expect(askingClauses(story)).toEqual(['Er der nogen kombit-frister denne uge?']);
    const read = understander.understand({ text: story, now });
    expect(read.intent).toBe('deadline.range');
    expect(read.entities.dates).toEqual({ start: '2018-09-03', end: '2018-09-09' });
    // a short one, or one that points into the story, leans on what came before
    expect(
      askingClauses('Vi skal bruge noget til vores styregruppe på torsdag og det haster lidt faktisk. Har I et notat?'),
    ).toEqual([]);
    expect(
      askingClauses(
        'Vi har en medarbejder der skal have fundet en afløser fordi hun stopper snart. Skal jeg melde det til jer?',
      ),
    ).toEqual([]);
    // ("i" is the preposition in)
    expect(
      askingClauses(
        'Vi er ved at planlægge efteråret og har mange bolde i luften lige nu. Er der opstartsmøder om Organisation i Odense?',
      ),
    ).toEqual(['Er der opstartsmøder om Organisation i Odense?']);
    // a sentence that opens with the verb but tells is no question
    expect(
      askingClauses('Vi har talt med nabokommunen om BBR i dag og det gik fint. Er der styr på det hele nu.'),
    ).toEqual([]);
  });

  it('is read by its question where the whole message reads as nothing', () => {
    const read = understander.understand({ text: long, now });
    expect(read.intent).toBe('role.responsible');
    expect(read.entities.roles).toContain('aftaleadministrator');
    expect(understander.understand({ text: mixed, now }).intent).toBe('deadline.task');
  });

  it('is read by its question where the whole message reads too unsure to answer', () => {
    const unsure =
      'Jeg kigger på SAPA udrulningsplanen, og den er lidt svær at læse. Hvilke kommuner er i den første gruppe?';
    const read = understander.understand({ text: unsure, now });
    expect(read.intent).toBe('rollout.sapa');
    expect(read.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it('is read of the date its question names, not one of the story around it', () => {
    const text =
      'I have been handed a list of KLIK tasks by my predecessor and want them in order before I meet my director next week. For the distribution component, which tasks are due in December?';
    const read = understander.understand({ text, now, locale: 'en-GB' });
    expect(read.entities.dates).toEqual({ start: '2018-12-01', end: '2018-12-31' });
    // where the question names no date, the story's date is the one there is
    const story = understander.understand({
      text: 'Vi mødes med direktøren i næste uge om det hele. Hvilke deadlines er der?',
      now,
    });
    expect(story.entities.dates?.start).toBe('2018-09-10');
  });

  it('is answered, its answer checked against the clause that asked', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    expect(replyText(core.answer(turn(long, 'c-long', now, 'da')).replies)).toMatch(/Aftaleadministrator/);
  });
});
