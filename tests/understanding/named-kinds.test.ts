import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

// one understander for the file: building one loads and indexes the whole knowledge base
const understander = new Understander(await loadKnowledge('data/knowledge'));

describe('a role title in a who-question', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const roles = (text: string) => understander.understand({ text, now }).entities.roles;

  it('is the role the material says becomes it, when the rest of the question points there', () => {
    // the SKI 02.19 slide: "STS projektlederen bliver SPOC for leverandørerne og forretningen"
    expect(roles('hvem bliver spoc for leverandørerne ift adgangsstyring')[0]).toBe('sts-projektleder');
    expect(roles('hvem er spoc for forretningen')[0]).toBe('sts-projektleder');
    // one telling word is enough where it points nowhere else; in English too
    expect(roles('hvem er SPOC for leverandørerne?')[0]).toBe('sts-projektleder');
    expect(
      understander.understand({ text: 'who is the SPOC for the vendors?', now, locale: 'en-GB' }).entities.roles[0],
    ).toBe('sts-projektleder');
    // … also spelled out as "single point of contact"
    expect(
      understander.understand({
        text: 'who is meant to be the single point of contact towards the vendors on access control?',
        now,
        locale: 'en-GB',
      }).entities.roles[0],
    ).toBe('sts-projektleder');
  });

  it('is asked by the role’s name too: "hvilken rolle …?", "what is the role called …?"', () => {
    expect(roles('hvilken rolle bliver SPOC for leverandørerne?')[0]).toBe('sts-projektleder');
    const english = 'what is the role called that becomes SPOC for the vendors and the business?';
    expect(understander.understand({ text: english, now, locale: 'en-GB' }).entities.roles[0]).toBe('sts-projektleder');
    // a role named and asked what it is called is that role, not one its words describe
    expect(roles('hvad hedder STS projektlederen i drift')[0]).toBe('sts-projektleder');
  });

  it('is the role of that title when nothing else in the question points elsewhere', () => {
    expect(roles('hvem er SPOC?')[0]).toBe('kombit-spoc');
    expect(roles('hvem er kombit spoc')[0]).toBe('kombit-spoc');
  });
});

describe('a kind of event named in a question that lists', () => {
  it('lists those events, not the coming tasks, when nothing names a task or a deadline', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    expect(understander.understand({ text: 'hvilke webinarer er der for nye i monopolbruddet?', now }).intent).toBe(
      'event.list',
    );
    expect(understander.understand({ text: 'hvilke nye opgaver er der i monopolbruddet?', now }).intent).toBe(
      'task.list',
    );
  });

  it('lists those events in a month named, not the whole timeline of the month', () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    // … also before a date ("før 20. november"); what must be done before them is the timeline up to them
    expect(understander.understand({ text: 'hvilke webinarer er der før 20. november?', now }).intent).toBe(
      'event.list',
    );
    expect(understander.understand({ text: 'hvad skal vi nå inden kommunedagene i november?', now }).intent).not.toBe(
      'event.list',
    );
    expect(understander.understand({ text: 'hvilke webinarer er der i november?', now })).toMatchObject({
      intent: 'event.list',
      entities: { eventKinds: ['webinar'] },
    });
  });

  it('is not read as a point of the meeting programme', () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const text = 'are there any intro webinars for people who are new to the monopoly break programme? when?';
    const read = understander.understand({ text, now, locale: 'en-GB' });
    expect(read.intent).not.toBe('agenda.today');
    expect(read.entities.agendaItems ?? []).toEqual([]);
    // … unless the point is asked for: who presents the news about them
    expect(
      understander.understand({ text: 'hvem præsenterer nyhederne om webinarerne?', now }).entities.agendaItems,
    ).toEqual(['programledermoede-2018-09-06#7']);
  });

  it('lists every kind where the kind is named beside events in general', () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = understander.understand({ text: 'hvad er der af møder, webinarer og arrangementer i november?', now });
    expect(read.intent).toBe('event.list');
    expect(read.entities.eventKinds).toEqual([]);
    // (a kind in the plural before the general word is one of the list, not what kind of events)
    expect(understander.understand({ text: 'webinarer, møder i november?', now }).entities.eventKinds).toEqual([]);
    // … though "kick-off meetings" and "municipality day events" are that kind, said in two words
    expect(
      understander.understand({ text: 'when are the municipality day events?', now, locale: 'en-GB' }).entities
        .eventKinds,
    ).toEqual(['municipality-day']);
    expect(understander.understand({ text: 'when are the kick-off meetings?', now }).entities.eventKinds).toEqual([
      'kick-off',
    ]);
  });
});

describe('a comparison of named things of one kind', () => {
  it('asks for each of them, a strategy named by its letter alone included', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now });
    expect(read('hvad er forskellen på en superbruger og en rolleadministrator?')).toMatchObject({
      intent: 'role.describe',
      entities: { roles: ['superbruger', 'rolleadministrator'], compared: true },
    });
    expect(read('hvordan adskiller strategi C sig fra B?')).toMatchObject({
      intent: 'strategy.describe',
      entities: { strategies: ['strategi-c', 'strategi-b'], compared: true },
    });
    // an English article is no strategy A
    expect(read('difference between strategy B and C for a municipality').entities.strategies).toEqual([
      'strategi-b',
      'strategi-c',
    ]);
    expect(read('compare strategy B with a phased rollout').entities.compared).toBeUndefined();
    expect(read('difference between strategy B and A').entities.strategies).toEqual(['strategi-b', 'strategi-a']);
    // one thing named is no comparison
    expect(read('hvad er forskellen på superbrugere?').entities.compared).toBeUndefined();
  });
});

describe('a when-question read as something that holds no date', () => {
  it('is not answered with a role list or a description, but from a dated passage or not at all', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    for (const text of ['When will the role gallery be finished?', 'hvornår er rollegalleriet klar?']) {
      const read = understander.understand({ text, now });
      expect(['role.list', 'role.describe'], text).not.toContain(read.intent);
    }
    // a when-question about a dated thing keeps its date
    expect(understander.understand({ text: 'hvornår skal FK-ansvarlig være udpeget?', now }).intent).toBe(
      'deadline.task',
    );
  });
});

describe("a question about a task's steps", () => {
  it('lists the steps, unless it asks how far the municipalities are or by when', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const intent = (text: string) => understander.understand({ text, now }).intent;
    expect(intent('How many BBR steps are there')).toBe('task.steps');
    expect(intent('hvor mange trin er der i BBR?')).toBe('task.steps');
    expect(intent('hvor mange er færdige med trinene i BBR?')).toBe('status.national');
  });
});

describe('a follow-up that asks for several tasks', () => {
  it('lists the tasks of that kind, not the last task again', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const previous = understander.understand({ text: 'hvad er deadline for Udpeg FK-ADM og FK-ANSV?', now });
    expect(understander.understand({ text: 'og de to andre basisopgaver?', now, previous }).intent).toBe('task.list');
    expect(understander.understand({ text: 'og hvem er ansvarlig?', now, previous }).intent).not.toBe('task.list');
  });
});

describe("a support system's coming tasks", () => {
  it('are listed for "coming up" and "opgaver for", not a deadline list or a role sharing the name', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const intent = (text: string) => understander.understand({ text, now }).intent;
    expect(intent('Is anything coming up that involves ØiR?')).toBe('task.list');
    expect(intent('hvad kommer der af opgaver for Organisation?')).toBe('task.list');
    expect(intent('hvad laver organisationsadministratoren?')).toBe('role.describe');
  });
});

describe('a status asked of the municipalities on a counted task', () => {
  it('is the national table, in English too', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const intent = (text: string) => understander.understand({ text, now }).intent;
    expect(intent('how many municipalities are in progress with BBR?')).toBe('status.national');
    expect(intent('hvilket BBR trin har flest kommuner i gang?')).toBe('status.national');
  });
});

describe('a step asked about beside the one named', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const stepOf = (text: string) => understander.understand({ text, now }).entities.steps;

  it('is the next one after "næste", "efter", "next", "after", and the one before after "før", "before"', () => {
    const bbr = (number: number) => [{ taskId: 'bbr-adgangsstyring', number }];
    expect(stepOf('vi er færdige med at rydde op i BBR-brugerne, hvad er næste trin?')).toEqual(bbr(3));
    expect(stepOf('hvad kommer efter trin 2 i BBR?')).toEqual(bbr(3));
    expect(stepOf('what comes before step 3 of BBR?')).toEqual(bbr(2));
    expect(stepOf('hvad er trin 3 i BBR?')).toEqual(bbr(3));
    // there is no step 6: the last one stays the one named
    expect(stepOf('hvad kommer efter trin 5 i BBR?')).toEqual(bbr(5));
  });

  it('is the one after the last of several steps said done, one of them said in part', () => {
    const bbr = (number: number) => [{ taskId: 'bbr-adgangsstyring', number }];
    expect(stepOf('TAC-listen er klar og vi har ryddet op i brugerne i BBR, hvad er så næste trin?')).toEqual(bbr(3));
  });
});

describe('a comparison of two things the material describes but names as no one kind', () => {
  it("answers each side with the passage that fits it, what follows 'for' said of both", async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = understander.understand({
      text: 'hvad er forskellen på compliancetesten og opstartsmødet for organisation?',
      now,
    });
    expect(read.intent).toBe('fact');
    const passages = read.entities.passages ?? [];
    expect(passages).toHaveLength(2);
    const texts = passages.map((key) => {
      const [kind, id, field] = key.split('/') as [string, string, string];
      return understander.search
        .passagesOf(kind as Parameters<typeof understander.search.passagesOf>[0], id)
        .find((passage) => passage.field === field)?.text;
    });
    expect(texts[0]).toMatch(/compliance/i);
    expect(texts[1]).toMatch(/opstartsmøde/i);
    // two roles are compared as roles, not as passages
    expect(understander.understand({ text: 'forskellen på superbruger og rolleadministrator', now }).intent).not.toBe(
      'fact',
    );
  });
});

describe('a word of writing in a question a slide answers whole', () => {
  it('gets the slide, not the contact list, unless the slide only gives an address', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now });
    const beskeder = read('hvor kan kombit skrive beskeder i klik');
    expect(beskeder.intent).toBe('fact');
    expect(beskeder.entities.passages?.[0]).toMatch(/^news\/klik-beskedfunktion\//);
    // the meeting's follow-up gives mbprogrammet@kombit.dk: the contacts answer that
    expect(read('hvor sender jeg spørgsmål hen, der ikke blev besvaret på mødet?').intent).toBe('contact');
  });
});

describe('the systems that use a support system', () => {
  it('are not the answer to a question of its tasks or of why', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const intent = (text: string) => understander.understand({ text, now }).intent;
    expect(intent('hvilke systemer bruger Fordelingskomponenten?')).toBe('overview.systems-using');
    expect(
      intent('hvilke opgaver skal vi lave hver gang et nyt system skal modtage via fordelingskomponenten'),
    ).not.toBe('overview.systems-using');
    expect(intent('hvorfor skal org-løsningerne egentlig igennem en compliancetest?')).not.toBe(
      'overview.systems-using',
    );
  });
});

describe('a strategy named with a typo', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is that strategy when its long word carries the typo and its letter is as written', () => {
    expect(read('fordele ved startegi b').entities.strategies).toEqual(['strategi-b']);
    expect(read('straegi c anbefales hvornår').entities.strategies).toEqual(['strategi-c']);
    // a short word is as written: "strategi d" is no strategy
    expect(read('fordele ved startegi d').entities.strategies).toEqual([]);
    // and the words come in the name's order: "a strategy" is an English article, not strategy A
    expect(read('is a strategy needed?', 'en-GB').entities.strategies).not.toContain('strategi-a');
    expect(read('what are the pros of strategy A?', 'en-GB').entities.strategies).toEqual(['strategi-a']);
  });

  it("is the strategy's step asked about, not the one task that has steps", () => {
    const reading = read('hvad er første skridt i strategi A?');
    expect(reading.intent).toBe('strategy.describe');
    expect(reading.entities.tasks).toEqual([]);
  });
});

describe('"interface" in English', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now, locale: 'en-GB' });

  it('is a snitflade, not strategy B, whose name is only "user interface"', () => {
    expect(read('what does the SF1515 interface do?').entities.strategies).toEqual([]);
    expect(read('which interfaces will KSD need?').intent).toBe('overview.used-by');
    expect(read('how long does the user interface route take?').entities.strategies[0]).toBe('strategi-b');
  });
});

describe('an everyday word for a system', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now }).entities;

  it('names the system where the word itself says it is a system, register or control', () => {
    expect(read('hvornår skal vi over på det nye bygningsregister?').itSystems).toEqual(['bbr']);
    expect(read('hvad er adgangskontrollen for noget?').supportSystems).toEqual(['adgangsstyring']);
    // "print" and "broker" mean more than Fjernprint and the Beskedfordeler
    expect(read('kan jeg printe dagsordenen?').supportSystems).toEqual([]);
    expect(read('who is the broker?').supportSystems).toEqual([]);
    // a long word that does not say it is a system is no system's name ("classification", "organisationsstruktur")
    expect(read('what is the classification of the BBR task?').supportSystems).toEqual([]);
    expect(read('skal vi ændre vores organisationsstruktur?').supportSystems).toEqual([]);
  });
});

describe('a municipality reached by a typo', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const municipalities = (text: string) => understander.understand({ text, now }).entities.municipalities;

  it('is that municipality, unless the word is a common word not written as a name', () => {
    expect(municipalities('hvilke systemer skal læse organisationsdata?')).toEqual([]);
    // not even as a hint: a hinted Læsø would make a question about the rollout plan one about Læsø
    expect(municipalities('planen er svær at læse, hvilke kommuner er i gruppe 1?')).toEqual([]);
    expect(municipalities('hvornår skal Lesø på SAPA?')).toEqual(['laesoe']);
    expect(municipalities('hvornår skal aarhuus på SAPA?')).toEqual(['aarhus']);
  });
});

describe("a support system's roles", () => {
  it('are the role list of that system, where the material ties roles to it', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now });
    const fk = read('hvilke roller er der for fordelingskomponenten?');
    expect(fk.intent).toBe('role.list');
    expect(fk.entities.supportSystems).toEqual(['fordelingskomponenten']);
    expect(read('which roles are there for the distribution component?').intent).toBe('role.list');
    expect(read('hvilke roller skal vi have på plads til beskedfordeleren?').intent).toBe('role.list');
    // asked what they are called, the system's name read as its task's or its news
    expect(read('hvad hedder de to roller til fordelingskomponenten?').intent).toBe('role.list');
    expect(read('hvad hedder rollerne til Beskedfordeleren?').intent).toBe('role.list');
    expect(read('hvad står der i nyhedsbrevet om roller i Beskedfordeleren?').intent).not.toBe('role.list');
    // what a system does is no list of roles; nor are the roles of one the material ties none to
    expect(read('hvad er Organisations rolle?').intent).not.toBe('role.list');
    expect(read('hvilke roller skal bruge adgangsstyring?').intent).not.toBe('role.list');
    // … nor when they must be named, or whether they are published
    expect(read('hvornår skal rollerne til Fordelingskomponenten være udpeget?').intent).toBe('deadline.task');
    expect(read('er rollerne for Fordelingskomponenten præciseret?').intent).not.toBe('role.list');
  });

  it('are named in English by the glossary’s names for the support systems', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const systems = (text: string) => understander.understand({ text, now }).entities.supportSystems;
    expect(systems('what does access control do?')).toEqual(['adgangsstyring']);
    expect(systems('who approves the message distributor agreements?')).toEqual(['beskedfordeler']);
  });
});

describe('a support system named by the plainest word for its kind', () => {
  it('is that system: "fordelingssystemet" is Fordelingskomponenten, "beskedsystemet" the Beskedfordeler', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const systems = (text: string) => understander.understand({ text, now }).entities.supportSystems;
    expect(systems('hvem skal administrere fordelings-systemet?')).toEqual(['fordelingskomponenten']);
    expect(systems('hvad er beskedsystemet?')).toEqual(['beskedfordeler']);
    expect(systems('hvad er klassifikationssystemet?')).toEqual(['klassifikation']);
    // the municipality's own "organisationsløsning" is another thing than Organisation, and
    // BBR's own "adgangssystem" another than Adgangsstyring
    expect(systems('hvem leverer vores organisationsløsning?')).not.toContain('organisation');
    expect(systems('hvornår lukker BBRs eget adgangssystem?')).not.toContain('adgangsstyring');
  });

  it('is that system when the kind is no kind at all after a linking s ("fordelings-tingen")', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const systems = (text: string) => understander.understand({ text, now }).entities.supportSystems;
    expect(systems('hvornår er deadline for fordelings-tingen?')).toEqual(['fordelingskomponenten']);
    // ("besked-dimsen" may be KLIK's own messages)
    expect(systems('virker besked-dimsen i KLIK nu?')).toEqual([]);
    expect(systems('hvad er organisations-dimsen?')).toEqual(['organisation']);
    // the word alone names nothing, nor "noget" after any word
    expect(systems('hvad er det for noget?')).toEqual([]);
    expect(systems('kan I sende mig en besked, noget i stil med en påmindelse?')).toEqual([]);
  });
});

describe('a longer name said without the system name in it', () => {
  it('is only a hint of that name ("login" alone is no "BBR login"), whole it names it', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const deadlines = (text: string) => understander.understand({ text, now }).entities.deadlines;
    expect(
      deadlines('hvem bliver kontaktperson for leverandørerne når vi skal over på den fælles login-styring?'),
    ).toEqual([]);
    expect(deadlines('hvornår er deadline for BBR login?')).toEqual(['bbr-kritisk-deadline']);
    // a task is found by its other words: the only task of Fjernprint is DUBU's
    expect(understander.understand({ text: 'hvornår skal vi anvende Fjernprint?', now }).entities.tasks).toEqual([
      'dubu-skal-anvende-fjernprint',
    ]);
  });
});

describe('a contact person asked of a thing named', () => {
  it('is the contacts for it, though the words read first as who is responsible', async () => {
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now });
    expect(read('hvem er kontaktperson for indstationering i KY?')).toMatchObject({
      intent: 'contact',
      entities: { itSystems: ['ky'] },
    });
    // a contact person of nothing named is the role the material makes one
    expect(read('hvem er kontaktperson for leverandørerne?').entities.roles).toEqual(['sts-projektleder']);
    // … and the municipality's own contact person for a thing no contact of KOMBIT's is for is none of them
    expect(read('hvem er kontaktperson for Odense?').intent).not.toBe('contact');
    expect(read('hvem er kommunens kontaktperson for SAPA?').intent).not.toBe('contact');
  });
});

describe('an interface named by the parts of its one-word name', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is that interface ("single logout" is SAMLSingleLogout), and who must use it is asked', () => {
    const asked = read('hvilke it-systemer skal bruge single logout snitfladen?');
    expect(asked.entities.interfaces).toEqual(['sf1515']);
    expect(asked.intent).toBe('overview.systems-using');
    expect(read('which systems must use SAML single logout?', 'en-GB').intent).toBe('overview.systems-using');
  });

  it('is that interface where what it does is said as its title says it, without its area', () => {
    const asked = read('hvilke systemer bruger den hvor man henter token fra security token service');
    expect(asked.entities.interfaces).toEqual(['sf1514']);
    expect(asked.intent).toBe('overview.systems-using');
  });
});

describe("a role's phase asked for", () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');

  it('is what the role is, whose answer says where the gallery places it', () => {
    expect(understander.understand({ text: 'hvilken fase hører Superbruger til?', now }).intent).toBe('role.describe');
  });
});

describe('a system said by its full name, and "ikke længere"', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now });

  it('names the system, as its short name does', () => {
    const asked =
      'fra hvilken dato kan vores sagsbehandlere ikke logge ind i bygnings- og boligregistret uden fælles login?';
    expect(read(asked).entities.itSystems).toEqual(['bbr']);
  });

  it('reads "ikke længere" as no more from then on, not as how long something takes', () => {
    const asked = read('hvornår kan brugerne ikke længere logge på BBR uden Adgangsstyring?');
    expect(asked.intent).toBe('deadline.task');
    expect(asked.entities.aspect).toBeUndefined();
    expect(read('hvor længe tager strategi A?').entities.aspect).toBe('duration');
  });
});

describe("a system's short name with its last letter typed twice", () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now }).entities;

  it('is that system ("sapaa" is SAPA), and a doubled letter elsewhere is no name', () => {
    expect(read('hvornaar skal vi vaere klar til sapaa').itSystems).toEqual(['sapa']);
    expect(read('hvad er deadline for bbrr').itSystems).toEqual(['bbr']);
    expect(read('hvad saa med paa mandag').itSystems).toEqual([]);
  });
});

describe("the asker's own role", () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is the programme leader\'s ("min rolle", "my role"), said whole', () => {
    expect(read('hvad er min rolle?').entities.roles).toEqual(['kombit-programleder']);
    expect(read('hvad indebærer vores rolle').intent).toBe('role.describe');
    expect(read('what is my role?', 'en-GB').entities.roles).toEqual(['kombit-programleder']);
    // a role of anyone else is no one's own
    expect(read('hvilken rolle har KOMBIT ift. SKI 02.19?').entities.roles).toEqual([]);
  });

  it('gives way to a role or task the question names ("min rolle som FK-ansvarlig")', () => {
    expect(read('hvad er min rolle som FK-ansvarlig?').entities.roles).toEqual(['fk-ansvarlig']);
    expect(read('what is my role as superuser?', 'en-GB').entities.roles).not.toContain('kombit-programleder');
    // … named whole: "project" is only a part of "projektleder"
    expect(read('what is my role in the project?', 'en-GB').entities.roles).toEqual(['kombit-programleder']);
    const task = read('hvad er min rolle i BBR-opgaven?');
    expect(task.entities.roles).toEqual([]);
    expect(task.entities.tasks).toEqual(['bbr-adgangsstyring']);
  });
});

describe('the plain word for "fælleskommunal"', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');

  it('counts as a word of the material, which only writes the compound', () => {
    const text = 'der kommer nogle nye opgaver hvor fagsystemerne skal bruge de fælles støttesystemer, hvilke er det?';
    const read = understander.understand({ text, now });
    expect(read.intent).toBe('task.list');
    expect(read.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe("a who-question about the asker's own side", () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is the role its duties describe, not whom to contact at KOMBIT', () => {
    const escalation = read('hvem hos os skal kontakte KOMBIT, hvis opfølgningen på et projekt ikke giver resultater?');
    expect(escalation.intent).toBe('role.responsible');
    expect(escalation.entities.roles).toEqual(['kombit-programleder']);
  });

  it('leaves whom to write to at KOMBIT to the contacts, where no duty of a role is described', () => {
    expect(read('hvem hos KOMBIT kan vi i kommunen kontakte om indstationering i KY?').intent).toBe('contact');
  });
});

describe('a support system named beside words of other things', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string) => understander.understand({ text, now, locale: 'en-GB' });

  it('is no strategy of another support system ("the Adgangsstyring integration" is not strategy A)', () => {
    expect(read('when do the SKI vendors have to finish the Adgangsstyring integration?').entities.strategies).toEqual(
      [],
    );
    // (beside it: the integration asked of, with the other system in another clause, is strategy A)
    expect(read('how long does the integration take if we already use Adgangsstyring?').entities.strategies).toEqual([
      'strategi-a',
    ]);
    // said as a strategy, it is one
    expect(read('how long does the integration route take for Organisation?').entities.strategies).toEqual([
      'strategi-a',
    ]);
  });

  it('is not a hint of a task that has its name in its title', () => {
    const reading = read(
      'whats the latest date a SKI vendor can start billing for the Adgangsstyring integration regardless of when we go live',
    );
    expect(reading.entities.tasks).toEqual([]);
    expect(reading.entities.deadlines).toEqual(['ski-0219-fakturering-senest']);
  });
});
