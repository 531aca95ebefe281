import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import type { Turn } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { replyText } from './question-set.js';
import { createCore } from '../../src/klikbot-core.js';

let knowledge: Awaited<ReturnType<typeof loadKnowledge>>;
beforeAll(async () => {
  knowledge = await loadKnowledge('data/knowledge');
});

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

function asker(core: Core, conversation = 'c1', isGroup = false) {
  return (text: string, user = 'u1') => {
    const turn: Turn = {
      user: { id: user },
      conversation: { channel: 'teams', id: conversation, isGroup },
      text,
      locale: 'da-DK',
      now,
    };
    const routed = core.answer(turn);
    return { intent: routed.understanding?.intent, text: replyText(routed.replies) };
  };
}

describe('a conversation', () => {
  it('keeps the topic of an honest "I don\'t know" for the follow-up', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvornår er fristen for at DUBU skal bruge Fjernprint?').intent).toBe('unknown');
    // (asked as "what is the deadline", too: no passage that gives no date answers it)
    expect(asker(createCore({ knowledge }), 'c2')('hvad er fristen for at DUBU skal på fjernprint?').intent).toBe(
      'unknown',
    );
    const next = ask('hvem er ansvarlig?');
    expect(next.text).toContain('DUBU skal anvende Fjernprint');
  });

  it('reads a day of the month said alone after a kind of event as the day one of them falls on', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår er kommunedagene?');
    // 21 September has no municipality day; 21 November has the one in Odense
    expect(ask('og hvor er den d. 21?').text).toContain('Odense');
    // nothing asked of a kind of event: the day is this month's, as said
    const other = asker(createCore({ knowledge }), 'c2');
    expect(other('hvad sker der d. 21?').text).toContain('21. september 2018');
  });

  it("answers whose number or address, asked right after a contact, with that contact's", () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvem kan jeg tale med om at komme i front på KY?');
    const number = ask('hvad er hendes eller hans telefonnummer?');
    expect(number.text).toContain('2327 5876');
    expect(number.text).not.toContain('kigo@kombit.dk');
    const other = asker(createCore({ knowledge }), 'c2');
    other('hvem skal jeg skrive til om KIGO?');
    expect(other('og deres mail?').text).toContain('kigo@kombit.dk');
  });

  it('asks the question a passage answered again of the one thing a short follow-up names', () => {
    const ask = asker(createCore({ knowledge }));
    const first = ask('what does SAPA actually need the org data for?');
    expect(first.intent).toBe('fact');
    expect(first.text).not.toContain('sagsfordeling');
    const next = ask('and KY?');
    expect(next.text).toContain('sagsfordeling og brevfletning');
    // a thing of a kind the question did not name is no such follow-up
    expect(ask('and Odense?').text).not.toContain('sagsfordeling');
  });

  it("tells what SAPA needs the organisation data for, not KY's needs", () => {
    const ask = asker(createCore({ knowledge }));
    const needs = ask('hvad er SAPAs forretningsmæssige behov for organisationsdata?').text;
    expect(needs).toContain('visningsgrupper');
    expect(needs).not.toContain('brevfletning');
    // ("organisationsdataene": a noun ending in -a keeps it in the plural)
    expect(ask('hvad skal SAPA konkret bruge organisationsdataene til?').text).toContain('visningsgrupper');
  });

  it('reads "den"/"det"/"it" right after an answer from one slide as that slide', () => {
    const ask = asker(createCore({ knowledge }));
    ask('kan jeg søge pr it-system i implementeringsoverblikket?');
    expect(ask('hvad viser det egentlig?').text).toContain('Viser hvilke it-systemer');
    const english = asker(createCore({ knowledge }), 'c2');
    english('is there a spreadsheet that shows which of our systems must use which support systems and interfaces?');
    expect(english('how often is it refreshed?').text).toContain('Opdateres kvartalsvis');
  });

  it('reads "han", "hun" or "den person" right after one role as the one who holds it, not as help with klikbot', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvem bliver SPOC for leverandørerne?');
    const duties = ask('hvad skal hun så hjælpe med?');
    expect(duties.intent).toBe('role.describe');
    expect(duties.text).toContain('Hjælpe med adgang til kommunens IdP');
    ask('hvem bliver SPOC for leverandørerne?');
    expect(ask('og hvad skal den person hjælpe med?').intent).toBe('role.describe');
    // asked of klikbot, help stays help; asked how to reach or replace the person, the role's answer is none
    ask('hvem bliver SPOC for leverandørerne?');
    expect(ask('kan du hjælpe mig?').intent).toBe('help');
    ask('hvem bliver SPOC for leverandørerne?');
    expect(ask('kan du hjælpe mig med at finde ham?').intent).not.toBe('role.describe');
    ask('hvem bliver SPOC for leverandørerne?');
    expect(ask('hvad hvis hun er syg?').intent).not.toBe('role.describe');
  });

  it('answers a short question that points back and is not understood with the last topic again', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår er der opstartsmøde om organisation?');
    const again = ask('er de datoer fastlagt?');
    expect(again.intent).toBe('event.list');
    expect(again.text).toContain('foreløbig dato');
    // nor a remark, a question to klikbot, or one of a thing the material never speaks of
    for (const other of ['det er forkert', 'kan du oversætte det til engelsk?', 'er de gratis?']) {
      ask('hvornår er der opstartsmøde om organisation?');
      expect(ask(other).intent, other).toBe('unknown');
    }
    // nor who, which the last answer does not say
    ask('hvad er strategi B?');
    expect(ask('hvem har valgt den?').intent).not.toBe('strategy.describe');
    // a longer question of its own is not the last topic again
    ask('hvornår er der opstartsmøde om organisation?');
    expect(ask('hvor mange af de mennesker der deltager har egentlig sagt ja til frokost bagefter?').intent).not.toBe(
      'event.list',
    );
  });

  it('answers "og forretningen?" right after a slide with what that slide says of the business', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvad skal it-afdelingen bidrage med i følge spoc-tegningen');
    const business = ask('og forretningen?');
    expect(business.intent).toBe('fact');
    expect(business.text).toContain('Hjælpe med adgang til kommunens IdP');
    expect(business.text).not.toContain('Bidrage med erfaring');
    // only a part the slide's points are labelled with: the vendors are no such part
    const vendors = asker(createCore({ knowledge }), 'c2');
    vendors('hvad skal it-afdelingen bidrage med i følge spoc-tegningen');
    expect(vendors('og leverandørerne?').text).not.toContain('Bidrage med erfaring');
    const strategies = asker(createCore({ knowledge }), 'c3');
    strategies('hvad anbefaler kombit ift ski 02.19');
    expect(strategies('og strategierne?').text).toContain('Interims-strategi');
    // a word only part of a label ("Organisatoriske roller") asks for more than that point
    const gallery = asker(createCore({ knowledge }), 'c4');
    gallery('hvordan så rollegalleriet ud i maj');
    expect(gallery('og roller?').text).toContain('tekniske roller');
  });

  it('reads "og kommunerne?" after the status of Adgangsstyring as the country’s figures for BBR', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvad er status på adgangsstyring');
    expect(ask('og kommunerne?').intent).toBe('status.national');
  });

  it('gives the slide\'s own link to "hvor finder jeg det?" right after an answer from it', () => {
    const ask = asker(createCore({ knowledge }));
    ask('kan jeg søge pr it-system i implementeringsoverblikket?');
    expect(ask('hvor finder jeg det?').text).toContain('https://share-komm.kombit.dk/');
    // a remark on the link, or a place of something else, is no question of where to find it
    ask('kan jeg søge pr it-system i implementeringsoverblikket?');
    expect(ask('det link virker ikke').text).not.toContain('share-komm.kombit.dk/p079');
    ask('kan jeg søge pr it-system i implementeringsoverblikket?');
    expect(ask('hvor ligger det møde?').text).not.toContain('share-komm.kombit.dk/p079');
    // a slide without a link of its own gets no link of another
    ask('hvad er next step for KOMBIT?');
    expect(ask('hvor finder jeg det?').text).not.toContain('share-komm.kombit.dk/p079/Implementering');
  });

  it('reads no "den" of a date, "it" of IT or "det for" as pointing back at the slide', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvad er status på adgangsstyring?');
    expect(ask('hvad skal brugerne gøre inden den 1. november?').intent).not.toBe('fact');
    ask('hvad er status på adgangsstyring?');
    expect(ask('hvilke it-systemer skal bruge støttesystemerne?').intent).not.toBe('fact');
    ask('hvad er next step for KOMBIT?');
    expect(ask('hvad er det for opgaver kommunerne har i KLIK?').intent).toBe('task.list');
  });

  it('reads a follow-up that asks something of its own as that question, not the last one again', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvad er Organisation?').intent).toBe('fact');
    expect(ask('hvornår er deadline for Beskedfordeleren?').intent).toBe('deadline.task');
  });

  it('keeps the last question only where the answer is about the new thing, in the language asked', () => {
    const ask = asker(createCore({ knowledge }));
    ask('what is SAPA pilot testing?');
    // SAPA's pilots say nothing of KY
    expect(ask('and KY?').text).not.toContain('Favrskov');
    const danish = asker(createCore({ knowledge }), 'c2');
    danish('hvad er SAPA?');
    const english = danish('and KY?');
    expect(english.text).toContain('From »KY«');
  });

  it('asks for a step of the task whose steps a passage answer quoted', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvad er BBR-trinene for adgangsstyring?').intent).toBe('fact');
    const next = ask('og trin 4?');
    expect(next.intent).toBe('task.steps');
    expect(next.text).toContain('Trin 4 i _BBR på Adgangsstyring_');
  });

  it('keeps the topic of a follow-up it cannot read for the checks after it', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvad er fristen for at godkende de initiale fordelingsregler?');
    // "publiceret" reads as nothing, but "hvornår … den" is still that task's dates
    expect(ask('og hvornår bliver den publiceret?').text).toContain('Godkend initiale fordelingsregler');
  });

  it('gives the day’s meeting when "we are done" is asked right after when it starts', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår starter programledermødet i dag?');
    expect(ask('og hvornår er vi færdige?').text).toContain('10.00–12.00');
  });

  it('does not read a thing named alone after a passage answer as another kind of question', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('what does SAPA actually need the org data for?').intent).toBe('fact');
    expect(ask('and KY?').intent).not.toBe('task.list');
  });

  it('reads "her" as the Danish "here", not as pointing back', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår er fristen for BBR på Adgangsstyring?');
    expect(ask('hvilke deadlines har vi her i kommunen?').intent).not.toBe('deadline.task');
  });

  it('keeps "how many are done" a question of status right after when the meeting starts', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår starter programledermødet i dag?');
    expect(ask('hvor mange kommuner er færdige?').intent).not.toBe('event.list');
  });

  it('answers what a follow-up names itself, not the point of the programme before it', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår er punktet om SKI den 12.?');
    expect(ask('hvornår er det KIGO lukker?').text).toContain('KIGO');
  });

  it('reads "han" and "hun" as the one who holds the role just asked about', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvem er STS-projektleder?');
    expect(ask('hvad laver hun?').intent).toBe('role.describe');
  });

  it('asks for the same point of the programme on another meeting day when the follow-up names the day', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvornår er pausen i dag?').text).toContain('10.40–10.50');
    const friday = ask('og den 14.?');
    expect(friday.text).toContain('fredag 14. september 2018 kl. 11.40–11.50');
    expect(friday.text).not.toContain('torsdag 6. september');
    // a day without a meeting has no such point
    expect(ask('og den 20.?').text).not.toContain('Pause');
  });

  it('leans a follow-up on the record a quoted passage came from', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvad er snitfladen SAMLSingleLogout?').text).toContain('SF1515');
    const users = ask('hvem skal bruge den?');
    expect(users.text).toContain('DUBU');
    expect(users.text).toContain('Valg');
  });

  it('answers a complete new question afresh, whatever was asked before', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår er deadline for at udpege FK-ansvarlig?');
    expect(ask('hvilke tekniske roller er der?').intent).toBe('role.list');
    expect(ask('hvilke strategier er der for Organisation?').intent).toBe('strategy.describe');
  });

  it('follows up on the last topic when the question leans on it', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvilken løsning bruger Esbjerg i piloten?');
    expect(ask('hvornår skal de på SAPA?').text).toContain('Esbjerg Kommune');
    ask('hvornår er deadline for at godkende de initiale fordelingsregler?');
    expect(ask('hvem er ansvarlig?').intent).toBe('role.responsible');
  });

  it('keeps each person their own topic in a group chat', () => {
    const ask = asker(createCore({ knowledge }), 'team-channel', true);
    ask('hvad er trinene i BBR på Adgangsstyring?', 'anna');
    ask('hvornår er deadline for at udpege FK-ansvarlig?', 'bo');
    expect(ask('og trin 4?', 'anna').text).toContain('Få BBR brugerne til at logge ind');
  });
});

describe('a municipality alone after an answer of all of them', () => {
  it('asks that question of the one municipality', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvilke kommuner er pilot på SAPA?');
    const pilot = ask('og Esbjerg?');
    expect(pilot.intent).toBe('pilot.solution');
    expect(pilot.text).toContain('**Esbjerg Kommune** er SAPA-pilot');
    ask('hvornår er opstartsmøderne om Organisation?');
    const place = ask('hvad med Odense?');
    expect(place.intent).toBe('event.list');
    expect(place.text).toContain('Odense: Opstartsmøde om Organisation');
  });
});

describe('odd input', () => {
  it('does not read numbers alone, a page of text or thanks as a question about the data', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('12345').intent).toBe('unknown');
    expect(ask('BBR '.repeat(2_500)).intent).toBe('unknown');
    expect(ask('tak').intent).toBe('help');
    expect(ask('🙂').intent).not.toBe('status.national');
  });

  it('answers "hvem er <rolle>?" with the role, and not for one municipality', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvem er FK-ansvarlig?').text).toContain('FK-ansvarlig (SP)');
    expect(ask('hvem er FK-ansvarlig i Vejle Kommune?').text).toMatch(/^Det ved jeg ikke/);
  });

  it("does not give another system's date or a municipality's progress it does not know", () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvornår er DAR færdig med adgangsstyring?').text).not.toContain('1. november 2018');
    expect(ask('hvornår er Aarhus færdig med BBR?').text).toMatch(/^Det ved jeg ikke/);
  });
});

describe('asking words alone', () => {
  it('asks "hvornår?" and "hvem?" of the task just described', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvad går opgaven godkend initiale fordelingsregler ud på?');
    const when = ask('hvornår?');
    expect(when.intent).toBe('deadline.task');
    expect(when.text).toContain('12. december 2018');
    expect(ask('hvem så?').intent).toBe('role.responsible');
    // where or why asked alone has no answer of the task's own
    const again = asker(createCore({ knowledge }), 'c3');
    again('hvad går opgaven godkend initiale fordelingsregler ud på?');
    expect(again('hvor?').intent).not.toBe('deadline.task');
  });

  it('reads "hvad tid?" and "what time?" after an event as when it is, not how long something takes', () => {
    const ask = asker(createCore({ knowledge }));
    ask('er der et webinar om økonomi i monopolbruddet?');
    const time = ask('hvad tid?');
    expect(time.intent).toBe('event.list');
    expect(time.text).toContain('10.00–11.00');
    const english = asker(createCore({ knowledge }), 'c2');
    english('is there a webinar about the economy of the monopoly break?');
    const englishTime = english('what time?');
    expect(englishTime.intent).toBe('event.list');
    expect(englishTime.text).toContain('Webinar: Økonomi i Monopolbruddet');
  });
});

describe('"vedkommende"', () => {
  it('points back at the one just named, and is no typo of "velkommen"', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvem bliver kontaktperson for leverandørerne og forretningen ved fælles login?').text).toContain(
      'STS-projektleder',
    );
    const next = ask('hvad skal vedkommende hjælpe den systemansvarlige med?').text;
    expect(next).toContain('jobfunktionsroller');
    expect(next).not.toContain('Vi tester lyd');
  });
});

describe("a pilot solution alone after an answer of another's", () => {
  it('asks which pilots use that one', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvilke kommuner bruger Signaturgruppens løsning i piloten?').text).toContain('Gladsaxe og Fredensborg');
    const next = ask('og Digital Identitys?');
    expect(next.intent).toBe('pilot.solution');
    expect(next.text).toContain('Favrskov, Gentofte og Syddjurs');
  });

  it('is asked in English as "the … ones"', () => {
    const ask = asker(createCore({ knowledge }));
    ask('which pilot municipalities run OS2 STS ORG Syncronizer?');
    expect(ask('and the Signaturgruppen ones?').text).toContain('Gladsaxe and Fredensborg');
  });

  it('is no follow-up where the answer before was not about the pilots', () => {
    const ask = asker(createCore({ knowledge }));
    ask('hvornår er deadline for BBR?');
    expect(ask('og Digital Identitys?').intent).not.toBe('pilot.solution');
  });
});

describe('which vendors are in the pilot', () => {
  it('is the pilots with their vendors, however the words alone were read', () => {
    const ask = asker(createCore({ knowledge }));
    const vendors = ask('hvilke leverandører er med i pilotafprøvningen af Organisation?');
    expect(vendors.intent).toBe('pilot.solution');
    expect(vendors.text).toContain('Esbjerg: KMD, løsningen KMD APOS');
  });

  it('leaves which solutions to choose between to the strategies', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvilke løsninger skal vi vælge mellem til org data i piloten?').intent).not.toBe('pilot.solution');
  });

  it('is the pilots of a solution asked of by the way it works ("typing it into the GUI")', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('er der nogen af piloterne der bare taster org data ind i GUI’en?').text).toContain('Næstved');
  });
});

describe('the tasks a kind of occasion brings', () => {
  it('are that kind of task, not the tasks still to come, though "kommer" asks it', () => {
    const ask = asker(createCore({ knowledge }));
    const brought = ask(
      'hver gang vi tager et nyt modtagersystem på Fordelingskomponenten i brug, hvilke opgaver kommer der så?',
    );
    expect(brought.intent).toBe('task.list');
    expect(brought.text).toContain('Verificer fordelingsregler');
  });

  it('are those still to come where "nye" asks it', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvilke nye basisopgaver kommer der?').text).toContain('**2 basisopgaver**');
  });
});

describe('which municipalities do something, asked in short form', () => {
  it('is answered with the municipalities, not a list that names none', () => {
    const ask = asker(createCore({ knowledge }));
    expect(ask('hvilke kmn hjælper kombit med rollegalleriet?').text).toContain('Albertslund, Hillerød og Køge');
  });
});
