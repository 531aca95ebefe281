import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTurn } from '../../dialogs/router.js';
import type { ActionPayload, Reply, Turn } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { Understander } from '../../src/understanding/understand.js';

let knowledge: Knowledge;
let understander: Understander;
beforeAll(async () => {
  knowledge = await loadKnowledge('data/knowledge');
  understander = new Understander(knowledge);
});

function turn(text: string, at = '2018-09-06T10:00:00+02:00', action?: ActionPayload): Turn {
  return {
    user: { id: 'u1', name: 'Programleder' },
    conversation: { channel: 'web', id: 'c1', isGroup: false },
    text,
    action,
    locale: 'da-DK',
    now: DateTime.fromISO(at, { setZone: true }),
  };
}

function answer(text: string, at?: string, action?: ActionPayload): Reply {
  const replies = routeTurn(turn(text, at, action), { knowledge, understander }).replies;
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

describe('deadlines', () => {
  it('gives a task deadline with the days left, fact first', () => {
    const reply = answer('hvornår er deadline for at udpege FK-ansvarlig?');
    expect(reply.text.split('\n')[0]).toBe(
      'Deadline for _Udpeg FK-ADM og FK-ANSV_: **torsdag 1. november 2018** (om 56 dage).',
    );
    expect(reply.source).toBe('Kilde: Programledermøde september 2018');
  });

  it('says how long ago a deadline passed', () => {
    expect(answer('hvornår var fristen for at udpege FK-ADM?', '2018-11-05T09:00:00+01:00').text).toContain(
      'for 4 dage siden',
    );
  });

  it('lists upcoming deadlines from the clock: after 1 November the FK rules come first', () => {
    const reply = answer('hvilke deadlines kommer nu?', '2018-11-02T09:00:00+01:00');
    expect(reply.list?.[0]).toBe('onsdag 12. december 2018 (om 40 dage): Godkend initiale fordelingsregler');
  });

  it('offers the task behind each upcoming deadline as a button', () => {
    const reply = answer('kommende frister');
    expect(reply.buttons?.map((button) => button.action)).toContainEqual({
      dialog: 'task-deadline',
      args: { taskId: 'udpeg-fk-adm-og-fk-ansv', lang: 'da' },
    });
  });

  it('says an announced task is not set yet, instead of "no deadline"', () => {
    expect(answer('hvornår er deadline for SAPA skal anvende Organisation?').text).toContain('er kun varslet');
  });

  it('does not answer "hvornår" about something it does not know with the deadline list', () => {
    for (const question of [
      'hvornår er julefrokosten?',
      'hvornår lukker kantinen?',
      // a compound ending in the weather or a price is as far outside as the word alone
      'Bliver det regnvejr i Odense til opstartsmødet?',
      'hvad er licensprisen for SAPA?',
    ]) {
      expect(answer(question).text).toMatch(/^Det ved jeg ikke\./);
    }
  });

  it('answers a dated fact that is not a task, with the role the seed names', () => {
    const reply = answer('hvornår skal serviceaftalerne for Beskedfordeleren godkendes?');
    expect(reply.text.split('\n')[0]).toBe(
      '**inden torsdag 20. september 2018** (om 14 dage): Godkend serviceaftaler vedrørende Beskedfordeleren.',
    );
    expect(reply.text).toContain('Ansvarlig: Aftaleadministrator (STS).');
  });

  it('says the material’s description is Danish in an English answer, its dates written the English way', () => {
    const [reply] = routeTurn(
      { ...turn('by when must the Beskedfordeler service agreements be approved?'), locale: 'en-GB' },
      { knowledge, understander },
    ).replies;
    expect(reply?.text).toContain('In Danish: ');
    expect(reply?.text).toContain('12 September');
    expect(reply?.text).not.toContain('12. september');
  });

  it('says what the material asks to be done where it names no one responsible', () => {
    const reply = answer('hvem skal tage sig af at KIGO lukker ned?');
    expect(reply.text).toContain('nævner ingen ansvarlig rolle');
    expect(reply.text).toContain('Gør kun noget, hvis I ønsker at bevare lokale opgaver');
  });

  it('reads "who by a day" as what is due by then, not as a meeting\'s programme that day', () => {
    const reply = answer('hvem skal der udpeges før den 1/11');
    expect(reply.text).toContain('Udpeg FK-ADM og FK-ANSV');
    expect(reply.text).not.toContain('Programmet for et møde');
  });

  it('gives a month-precision date without inventing a day count', () => {
    const reply = answer('hvornår lukker KIGO?');
    expect(reply.text.split('\n')[0]).toBe('**i oktober 2018**: Definitivt farvel til KIGO.');
  });

  it('tells a dropped task apart from an active one', () => {
    expect(answer('hvornår er deadline for serviceaftale KMD Sag?').text).toMatch(/_Serviceaftale KMD Sag_ udgår\./);
  });
});

describe('a past deadline asked of one task', () => {
  it('is the dates of the one task a question of when names', () => {
    const reply = answer('hvornår lægges opgaven om en arbejdsgang til driften ud i KLIK?');
    expect(reply.heading).toBe('Etabler arbejdsgang for drift');
    expect(reply.text).toContain('Publiceres senest november');
  });

  it('is the task’s dates where the rest names its own steps, systems and a municipality', () => {
    const reply = answer('hvornår bliver det for sent for Gentofte at lukke BBRs egen adgangsstyring?');
    expect(reply.heading).toBe('BBR på Adgangsstyring');
    expect(reply.text).toContain('1. november 2018');
  });

  it('is the date of one dated fact named, however long the question around it', () => {
    const reply = answer(
      'vores leverandør på SKI 02.19 har ringet og siger de vil begynde at sende regninger for adgangsstyring-integrationen. hvornår må de det?',
    );
    expect(reply.text).toContain('1. december 2019');
  });

  it('gives no date of a deadline asked of a system the deadline is not about', () => {
    expect(answer('hvornår skal KSD integrere til beskedfordeleren?').text).not.toContain('20. september');
    expect(answer('hvornår skal vi godkende serviceaftalerne til beskedfordeleren?').text).toContain(
      '20. september 2018',
    );
    expect(answer('hvornår skal BBR på adgangsstyring?').text).toContain('1. november 2018');
  });

  it("gives no dated fact's date for when something began or was done", () => {
    expect(answer('hvornår blev KIGO lanceret?').text).not.toContain('oktober 2018');
  });

  it('is no deadline where what is missing of the task is asked', () => {
    expect(answer('what is missing in the BBR access control task?').text).not.toContain('Critical date');
  });

  it('is the task’s deadline, not a status, where "få lavet" is asked with a deadline’s word', () => {
    const reply = answer('hvad er deadline for at få lavet arbejdsgangen for drift?');
    expect(reply.text).toContain('Deadline for _Etabler arbejdsgang for drift_: **onsdag 12. december 2018**');
  });

  it('gives a step asked for its deadline with the date its task is due by', () => {
    const reply = answer('hvad er fristen for trin 2 i BBR?');
    expect(reply.text).toContain('Trin 2 i _BBR på Adgangsstyring_');
    expect(reply.text).toContain('1. november 2018');
    expect(answer('hvad er trin 2 i BBR?').text).not.toContain('1. november 2018');
  });

  it('is no question of deadlines without a deadline’s word', () => {
    expect(answer('which municipalities have passed the compliance test?').heading).not.toBe('Deadlines');
    expect(answer('which municipalities have passed the compliance test?').text).not.toMatch(/^No deadlines/);
  });

  it('is that task’s deadline, not the list of passed deadlines', () => {
    const reply = answer('er vi for sent ude med at godkende de initiale fordelingsregler, er fristen overskredet?');
    expect(reply.heading).toBe('Godkend initiale fordelingsregler');
    expect(reply.text).toContain('12. december 2018');
  });
});

describe('steps and roles', () => {
  it('lists the five BBR steps in order', () => {
    const reply = answer('hvad er trinene i BBR på Adgangsstyring?');
    expect(reply.list).toHaveLength(5);
    expect(reply.list?.[2]).toBe('Trin 3: Opret, navngiv og tildel jobfunktionsroller');
  });

  it('does not give the BBR steps for the steps of something it does not know', () => {
    for (const question of ['hvad er trinene i integrationsvejen?', 'hvad er trinene for at blive klar til SAPA?']) {
      expect(answer(question).heading).not.toBe('BBR på Adgangsstyring');
    }
  });

  it('says it does not know a step the task does not have', () => {
    expect(
      answer('', undefined, { dialog: 'task-steps', args: { taskId: 'bbr-adgangsstyring', step: '9' } }).text,
    ).toBe('_BBR på Adgangsstyring_ har 5 trin; trin 9 kender jeg ikke.');
  });

  it('gives one step with where the municipalities stood on it in the KLIK extract', () => {
    expect(answer('bbr trin 3?').text).toBe(
      'Trin 3 i _BBR på Adgangsstyring_: **Opret, navngiv og tildel jobfunktionsroller**.\n' +
        'I KLIK-udtrækket 4. september 2018: 28 fuldført · 17 påbegyndt · 53 ikke påbegyndt.',
    );
  });

  it("says it has no national figures for a support system, instead of BBR's table", () => {
    for (const question of [
      'trin 1 for Fordelingskomponenten',
      'hvor mange kommuner har allerede godkendt serviceaftalerne for beskedfordeleren?',
    ])
      expect(answer(question).text).toMatch(/^Jeg har ingen landsstatus for _(Fordelingskomponenten|Beskedfordeler)_/);
  });

  it('says so when the seed gives a task no steps, instead of inventing some', () => {
    expect(answer('hvad er trinene for at godkende fordelingsreglerne?').text).toContain('beskriver ikke trin');
  });

  it('hedges a role placement the draft does not settle, and says the description is not published', () => {
    const reply = answer('hvad laver en rolleadministrator?');
    expect(reply.heading).toBe('Rolleadministrator (STS)');
    expect(reply.text).toContain('formentlig under _STS-administratorer_');
    expect(reply.text).toContain('ikke udgivet endnu');
  });

  it('describes the KOMBIT-programleder in full, with competences one click away', () => {
    const reply = answer('hvad er KOMBIT-programlederens rolle?');
    expect(reply.facts?.map((fact) => fact.label)).toEqual(['Effekt', 'Ansvar', 'Kendetegn']);
    expect(reply.list).toHaveLength(5);
    const competences = routeTurn(
      turn('', undefined, reply.buttons!.find((b) => b.action.dialog === 'role-competences')!.action),
      { knowledge, understander },
    ).replies;
    expect(competences[0]!.list).toHaveLength(7);
  });

  it('finds a role by its short form', () => {
    expect(answer('hvad er FK-ADM?').heading).toBe('FK-administrator (SP)');
  });

  it('answers a comparison of two roles with both, in the order asked', () => {
    const replies = routeTurn(turn("what's the difference between FK-ADM and FK-ANSV?"), {
      knowledge,
      understander,
    }).replies;
    expect(replies.map((reply) => reply.heading)).toEqual(['FK-administrator (SP)', 'FK-ansvarlig (SP)']);
  });
});

describe('language, help and the unknown', () => {
  it('answers an English question in English', () => {
    const reply = answer('what does the superbruger role do?');
    expect(reply.text).toContain('is an organisational role in the role gallery');
  });

  it('keeps the language of the answer when one of its buttons is pressed', () => {
    const english = answer('what does the KOMBIT-programleder do?');
    const button = english.buttons!.find((b) => b.action.dialog === 'role-competences')!;
    expect(button.action.args.lang).toBe('en');
    const pressed = routeTurn(
      { ...turn(''), locale: 'da-DK', action: button.action },
      { knowledge, understander },
    ).replies;
    expect(pressed[0]!.text).toMatch(/^Competences of/);
  });

  it("counts a role's tasks and competences, which answers how many there are", () => {
    const profile = knowledge.roles.find((role) => role.id === 'kombit-programleder')!.profile!;
    expect(answer('hvilke kompetencer skal KOMBIT-programlederen have?').text).toContain(
      `(${profile.competences.length}):`,
    );
    expect(answer('hvad laver en KOMBIT-programleder?').text).toContain(`${profile.tasks.length} opgaver:`);
  });

  it('answers help with example questions that work when pressed', () => {
    const reply = answer('hjælp');
    const [first] = reply.buttons ?? [];
    expect(first?.action.dialog).toBe('ask');
    expect(answer('', undefined, first!.action).heading).toBe('Kommende deadlines');
  });

  it('reads help as help only where the question speaks to klikbot, thanks it or is short', () => {
    expect(answer('mange tak for hjælpen').heading).toBe('Det kan jeg hjælpe med');
    expect(answer('hvordan går jeg videre til næste punkt?').text).not.toMatch(/^Det kan jeg hjælpe med/);
    expect(answer('hvad kan klikbotten hjælpe med?').heading).toBe('Det kan jeg hjælpe med');
    expect(answer('hjælp mig med at komme i gang').heading).toBe('Det kan jeg hjælpe med');
    // someone else's help is no question about klikbot
    const other = answer('kan Peter Hansen hjælpe kommunen med at opsætte IdP’en?');
    expect(other.heading).not.toBe('Det kan jeg hjælpe med');
  });

  it('offers only example questions it can answer, in both languages', () => {
    for (const question of ['hjælp', 'help']) {
      for (const button of answer(question).buttons ?? []) {
        const reply = answer('', undefined, button.action);
        expect(reply.text, button.title).not.toMatch(/^(Det ved jeg ikke|I don't know)/);
      }
    }
  });

  it('answers one role asked about with where it stands in the gallery, not the list of roles', () => {
    expect(answer('hører gevinstejer til i driften eller i implementeringen?').heading).toBe('Gevinstejer');
    expect(answer('is the It-arkitekt role in the role gallery at all?').heading).toBe('It-arkitekt');
    // roles in the plural still get the list
    expect(answer('hvilke roller er der i driften?').heading).not.toBe('Gevinstejer');
  });

  it('does not name people: who holds a role in a municipality is not in the material', () => {
    expect(answer('hvem er superbruger i Holbæk Kommune?').text).toMatch(/^Det ved jeg ikke\./);
    // "hvis" is "if" here, not "whose"
    expect(answer('hvad laver en gevinstejer i Holbæk Kommune, hvis der ikke er nogen projektejer?').heading).toBe(
      'Gevinstejer',
    );
    expect(answer('who is the STS-projektleder in Odense?').text).toMatch(/^I don't know that\./);
    // … nor the name of the one who does; the name of the role is the role's answer
    expect(answer('hvad hedder superbrugeren i Holbæk Kommune?').text).toMatch(/^Det ved jeg ikke\./);
    expect(answer('hvad hedder rollen for programlederen i Vejle nu?').text).not.toMatch(/^Det ved jeg ikke\./);
  });

  it('does not guess: an out-of-scope question gets "I don\'t know" and the mailbox', () => {
    const reply = answer('hvad koster en licens til SAPA?');
    expect(reply.text).toMatch(/^Det ved jeg ikke\./);
    expect(reply.text).toContain('mbprogrammet@kombit.dk');
  });

  it('says "I don\'t know" to a price or a meal, whatever else the question names', () => {
    expect(answer('hvad koster det at komme med til kommunedagen i Køge?').text).toMatch(/^Det ved jeg ikke\./);
    expect(answer('får vi kaffe under webinaret om økonomi?').text).toMatch(/^Det ved jeg ikke\./);
    expect(answer('what does KOMBIT charge for the Beskedfordeler?').text).toMatch(/^I don't know/);
    // … though when the SKI vendors may invoice is the material's
    expect(answer('ski 02.19 faktura fra hvornår').text).toContain('1. december 2019');
  });

  it('answers a button naming a dialog that does not exist plainly', () => {
    expect(answer('', undefined, { dialog: 'no-such-dialog', args: {} }).text).toContain('Den knap kender jeg ikke');
  });

  it('answers a task button whose task is gone without failing', () => {
    expect(answer('', undefined, { dialog: 'task-deadline', args: { taskId: 'removed-last-quarter' } }).text).toBe(
      'Den opgave kender jeg ikke.',
    );
  });
});

describe('the knowledge beside an intent', () => {
  const replies = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies;

  it('adds the passages that say more of the question beside a confident answer', () => {
    const [first, also] = replies('hvem skal godkende serviceaftalerne?');
    expect(first?.text).toContain('**Aftaleadministrator (STS)** er ansvarlig');
    expect(also?.intro).toBe('Materialet siger også:');
    expect(also?.list?.[0]).toContain('inden den 20. september 2018');
  });

  it('answers with the passage that holds the whole question when the intent was only guessed from phrasing', () => {
    // "udvides med" named nothing a dialog answers about: the slide says it, not the deadlines
    const [reply, ...rest] = replies('hvad skal implementeringsoverblikket udvides med?');
    expect(rest).toEqual([]);
    expect(reply?.list?.[0]).toContain('Udvides med: Opmærksomhedspunkter');
    expect(reply?.heading).not.toBe('Kommende deadlines');
  });

  it('adds nothing when the question names what the dialog answers about', () => {
    expect(replies('hvilke systemer bruger SF1514?')).toHaveLength(1);
  });

  it('adds nothing the answer already says in other words', () => {
    // the contacts answer lists the document library with what it holds
    expect(replies('hvor kan jeg finde dagens plancher?').map((reply) => reply.intro)).not.toContain(
      'Materialet siger også:',
    );
  });
});

describe('dated questions', () => {
  const replies = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies;

  it('answers a date and nothing else with everything dated then', () => {
    const [reply] = replies('anything happening in week 37?');
    expect(reply?.heading).toBe('Timeline');
    expect(reply?.list?.join('\n')).toContain('Programledermøde');
  });

  it('reads "inden" a date as everything from today up to it', () => {
    const [reply] = replies('hvad sker der inden 1. oktober?');
    expect(reply?.list?.join('\n')).toContain('12. september 2018');
    expect(reply?.list?.join('\n')).toContain('20. september 2018');
  });

  it('reads a long question over a span that asks for dated things as the timeline', () => {
    const [reply] = replies(
      'jeg sidder og planlægger min kalender for efteråret, hvilke frister og møder ligger der mellem nu og nytår?',
    );
    expect(reply?.heading).toBe('Tidslinje');
    expect(reply?.list?.join('\n')).toContain('1. november 2018');
    expect(reply?.list?.join('\n')).toContain('12. december 2018');
  });

  it("gives a step's task's deadline when the step is named by what it does", () => {
    const answer = replies('hvornår skal vi senest have lukket ned for BBRs egen adgangsstyring?');
    expect(answer[0]?.heading).toBe('BBR på Adgangsstyring');
    expect(answer[0]?.text).toContain('1. november 2018');
  });

  it('reads "the programme leader meeting" as the meeting, asked when it starts on a day', () => {
    const [reply] = replies('when does the programme leader meeting on 14 September begin?');
    expect(reply?.list?.join('\n')).toContain('Friday 14 September 2018 at 10.30–12.30');
  });

  it('reads a coffee break as a break in the meeting, not as food the material knows nothing of', () => {
    const [reply] = replies('is there a coffee break during the meeting today?');
    expect(reply?.text ?? '').not.toMatch(/^I don't know/);
  });

  it("reads the asker's own municipality as who asks, not where the things are", () => {
    const [reply] = replies('vi fra Skive deltager den 14. – hvad sker der den dag?');
    expect(reply?.heading).toBe('Tidslinje');
    expect(reply?.list?.join('\n')).toContain('fredag 14. september 2018 kl. 10.30–12.30');
  });

  it("names the news a dated line comes from, and reads the date's words as no point of a meeting", () => {
    const [reply] = replies('hvad sker der den 12. september?');
    expect(reply?.list).toContain(
      'onsdag 12. september 2018 · Nyt: Serviceaftalerne annonceres (Serviceaftaler vedrørende Beskedfordeleren)',
    );
    expect(reply?.intro).toBe('**2 ting** den 12. september 2018:');
  });
});

describe('a point of a meeting’s programme', () => {
  const reply = (text: string, at?: string) => routeTurn(turn(text, at), { knowledge, understander }).replies[0];

  it('answers who presents a point, on the meeting of the weekday named', () => {
    const answer = reply('hvem holder oplægget om Organisation på fredagsmødet?');
    expect(answer?.list).toEqual([
      'fredag 14. september 2018 kl. 11.50–12.20 (30 min.): **Støttesystemet Organisation** (Peter Hansen)',
    ]);
    expect(answer?.buttons?.[0]?.action.dialog).toBe('agenda-today');
  });

  it('answers what is on at a time of day, and when a point is on a named day', () => {
    expect(reply('hvad står på programmet kl. 10.35 i dag?')?.list).toEqual([
      'torsdag 6. september 2018 kl. 10.30–10.40 (10 min.): **Aktuelle og kommende KLIK-opgaver**',
    ]);
    expect(reply('hvornår er punktet med KLIK-opgaverne på onsdag?')?.list?.[0]).toContain(
      'onsdag 12. september 2018 kl. 13.30–13.40',
    );
  });

  it('reads "fredag d. 14" by its weekday, and the evaluation "til sidst" as the day’s last point', () => {
    expect(reply('hvornår er punktet med velkomst fredag d. 14?')?.list?.[0]).toContain(
      'fredag 14. september 2018 kl. 10.30–10.35',
    );
    expect(reply('er evalueringen det sidste punkt i dag?')?.list?.[0]).toContain(
      'kl. 11.55–12.00 (5 min.): **Evaluering og tak for denne gang**',
    );
  });

  it('answers the programme of a day or month named: that meeting\'s, or an honest "I don\'t know" where the material has none', () => {
    const september = reply('hvad står på dagsordenen den 12. september?');
    expect(september?.heading).toBe('Program');
    expect(september?.intro).toContain('Mødet er onsdag 12. september 2018 kl. 13.00.');
    expect(september?.list?.[0]).toBe('Punkt 1: 13.00–13.05 Velkomst, dagens program og det praktiske');
    const november = reply("What's on the agenda for the November programme leader meeting?");
    expect(november?.notKnown).toBe(true);
    expect(november?.text).toContain("I don't know the programme of a meeting in November 2018");
    expect(november?.text).toContain('mbprogrammet@kombit.dk');
  });

  it("answers a follow-up about a part of the meeting just asked about with that meeting's point", () => {
    const deps = { knowledge, understander };
    const first = routeTurn(turn('When does the 12 September meeting start?'), deps);
    const [answer] = routeTurn(turn('and the Organisation part?'), { ...deps, previous: first.understanding }).replies;
    expect(answer?.list).toEqual([
      'Wednesday 12 September 2018 at 14.20–14.50 (30 min.): **Støttesystemet Organisation** (Peter Hansen)',
    ]);
  });

  it('answers a time on a named meeting day with its point, saying where the programme misprints the time', () => {
    expect(reply('hvad sker der kl. 11.20 den 6. september?')?.list).toEqual([
      'torsdag 6. september 2018 kl. 11.20–11.50 (30 min.): **Støttesystemet Organisation** (Peter Hansen)',
    ]);
    expect(reply('hvad sker der kl. 11.15 den 14. september?')?.list).toEqual([
      'fredag 14. september 2018 kl. 11.10–10.20 (sådan står det i programmet, formentlig menes 11.10–11.20): **Buffer/evt. pause**',
    ]);
  });

  it('answers a point the programme has twice with both, and how long a point lasts', () => {
    expect(reply('hvornår er der pause i dag?')?.list).toEqual([
      'torsdag 6. september 2018 kl. 10.40–10.50 (10 min.): **Pause**',
      'torsdag 6. september 2018 kl. 11.10–11.20 (10 min.): **Pause**',
    ]);
    expect(reply('hvor lang tid varer pausen i dag?')?.heading).toBe('På programmet');
  });

  it('leaves a question about a named thing, or a day without a meeting, to its own answer', () => {
    const at = '2018-09-03T10:00:00+02:00';
    expect(reply('Hvornår er deadline for BBR kl. 12?', at)?.heading).not.toBe('På programmet');
    expect(reply('hvem er ansvarlig for BBR kl 10', at)?.heading).not.toBe('På programmet');
    expect(reply('hvornår er fristen for evalueringen af BBR?', at)?.heading).not.toBe('På programmet');
    expect(reply('Hvad sker der 3. december kl. 10?', at)?.heading).not.toBe('På programmet');
  });

  it('leaves the whole programme to a question about the whole programme, and a role to the role', () => {
    expect(reply('dagens program')?.heading).toBe('Dagens program');
    expect(reply('fortæl om rollen som FK-ANSV')?.heading).toBe('FK-ansvarlig (SP)');
  });
});

describe('a point of a list in the material', () => {
  it('is answered with the whole short list it stands in, the best point first', () => {
    const [answer] = routeTurn(turn('hvilke diskussionspunkter var der om programlederrollen?'), {
      knowledge,
      understander,
    }).replies;
    expect(answer?.list).toHaveLength(4);
    expect(answer?.list?.[0]).toBe('Mandat og grundlaget for at agere som KOMBIT-programleder');
    expect(answer?.list).toContain('Allokering og behov for indsats');
  });
});

describe('a passage quoted from a slide', () => {
  it('leaves out the slide’s footnote stars, which a card would draw as italics', () => {
    const routed = routeTurn(turn('hører KOMBIT-SPOC til implementering eller drift og forvaltning?'), {
      knowledge,
      understander,
    });
    const shown = routed.replies.flatMap((reply) => [reply.text, ...(reply.list ?? [])]).join('\n');
    expect(shown).toContain('KOMBIT-SPOC');
    expect(shown).not.toContain('*');
  });
});

describe('a dialog that finds nothing of what was asked', () => {
  it('gives way to a passage that holds the question', () => {
    const routed = routeTurn(turn('hvornår kommer rollerne for FK i klik'), { knowledge, understander });
    const shown = routed.replies.flatMap((reply) => [reply.text, ...(reply.list ?? [])]).join('\n');
    expect(shown).toContain('Præciserede roller for FK-ansvarlig og FK-administrator publiceres i KLIK nu');
  });
});

describe('a question that names no one to write to', () => {
  const replies = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies;

  it('gets the material’s words rather than the list of contacts', () => {
    const [answer] = replies('hvem kan læse beskederne i KLIK?');
    expect(answer?.list?.join('\n')).toContain(
      'Beskeden kan ses af alle, der kan tilgå projektet eller opgaven i KLIK.',
    );
  });

  it('gets what the material says of a way to write, asked whether it works, mail named or not', () => {
    for (const text of [
      'må vi skrive til KOMBIT med KLIKs beskedfunktion, eller er det stadig e-mail?',
      'kan man bruge beskedfunktionen i KLIK i stedet for at maile til KOMBIT?',
    ]) {
      const [answer] = replies(text);
      expect(answer?.list?.join('\n'), text).toContain('mailen bruges fortsat');
    }
  });

  it('still gets the contact where it asks whom to write to', () => {
    expect(replies('hvem skal jeg skrive til om KIGO?')[0]?.text).toContain('kigo@kombit.dk');
  });
});

describe('several questions in one message', () => {
  const replies = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies;
  const all = (text: string) =>
    replies(text)
      .map((reply) => [reply.text, ...(reply.list ?? [])].join('\n'))
      .join('\n');

  it('answers the question alone where the rest only tells why it is asked', () => {
    const answers = replies('hvornår er kommunedagen i Odense? min kollega spurgte mig i går');
    expect(all('hvornår er kommunedagen i Odense? min kollega spurgte mig i går')).toContain('21. november 2018');
    expect(answers.some((answer) => answer.text?.startsWith('Til »'))).toBe(false);
    // a question klikbot cannot answer stays unanswered, whatever the words after it
    expect(replies('hvor meget tjener en FK-administrator om måneden? min chef vil have et tal')[0]?.notKnown).toBe(
      true,
    );
  });

  it('answers the part it knows and says which part it does not', () => {
    const answers = replies('hvor meget tjener en FK-administrator, og hvornår er kommunedagen i Odense?');
    expect(answers[0]?.text).toBe(
      'Til »hvor meget tjener en FK-administrator«: det ved jeg ikke. Spørg KOMBIT på mbprogrammet@kombit.dk.',
    );
    expect(
      answers
        .slice(1)
        .map((reply) => reply.text)
        .join('\n'),
    ).toContain('21. november 2018');
  });

  it('reads "hvad skal man gøre i strategi B?" as about the strategy, not the programme leader', () => {
    const text = all('hvad skal man gøre i strategi B?');
    expect(text).toContain('STS ORG');
    expect(text).not.toContain('KOMBIT-programleder');
  });

  it('reads "…, and by when?" as a second question about the same thing', () => {
    const text = all('Who approves the Beskedfordeler service agreements, and by when?');
    expect(text).toContain('Aftaleadministrator (STS)');
    expect(text).toContain('Thursday 20 September 2018');
  });

  it('answers two questions joined by "+" after a lead-in', () => {
    const text = all(
      'to ting: hvornår er deadline for godkend initiale fordelingsregler + hvornår er kommunedagen i Odense?',
    );
    expect(text).toContain('12. december 2018');
    expect(text).toContain('21. november 2018');
  });
});

describe("an intent's answer that says little of what was asked", () => {
  const routed = (text: string) => routeTurn(turn(text), { knowledge, understander });

  it('gives way to the passages that say most of it', () => {
    const result = routed('hvad hedder workshoppen for programlederne på kommunedagene?');
    expect(result.understanding?.intent).toBe('fact');
    expect(result.replies.map((reply) => reply.text).join('\n')).toContain('Mest mulig værdi');
    const spoc = routed('hvilke opgaver får it-afdelingen når STS-projektlederen er SPOC?');
    expect(spoc.replies.map((reply) => reply.text).join('\n')).toContain('design af jobfunktionsroller');
  });

  it('stays where it says what was asked, or where a date was asked about', () => {
    expect(routed('hvornår lukker KIGO?').understanding?.intent).toBe('deadline.task');
    expect(routed('hvad sker der den 12. september?').understanding?.intent).not.toBe('fact');
  });
});

describe('an honest "I don\'t know" from a dialog', () => {
  const routed = (text: string) => routeTurn(turn(text), { knowledge, understander });

  it('is reported as not known, not as an answer', () => {
    const result = routed('hvor mange kommuner har udpeget FK-ADM og FK-ANSV indtil videre?');
    expect(result.replies[0]?.text).toContain('Jeg har ingen landsstatus for _Udpeg FK-ADM og FK-ANSV_');
    expect(result.understanding?.intent).toBe('unknown');
  });

  it("does not answer a system without a national status with another system's table", () => {
    const text = routed('er DAR færdig med adgangsstyring?')
      .replies.map((reply) => reply.text)
      .join('\n');
    expect(text).not.toContain('BBR på Adgangsstyring');
    expect(text).toContain('DAR · gennemført');
  });

  it('is the answer to a date asked of a task that has none yet, which says why', () => {
    const result = routed('hvornår er fristen for at DUBU skal bruge Fjernprint?');
    expect(result.replies[0]?.text).toContain('er kun varslet');
    expect(result.understanding?.intent).toBe('unknown');
    // … while whether DUBU must use it is answered by the same card
    expect(routed('skal DUBU bruge Fjernprint?').understanding?.intent).toBe('deadline.task');
    // … and a task that runs without a deadline says when it is done
    expect(routed('hvornår skal verificer fordelingsregler være færdig?').understanding?.intent).toBe('deadline.task');
  });

  it('is the answer to which solution a municipality that is no pilot chose', () => {
    const result = routed('hvilken organisationsløsning har Aarhus valgt?');
    expect(result.replies[0]?.text).toContain('materialet siger ikke, hvilken løsning');
    expect(result.understanding?.intent).toBe('unknown');
  });

  it('stays an answer where it states a fact ("Aarhus is no pilot")', () => {
    const result = routed('er Aarhus med i pilotafprøvningen?');
    expect(result.replies[0]?.text).toContain('ikke blandt SAPA-piloterne');
    expect(result.understanding?.intent).toBe('pilot.solution');
  });
});

describe('status asked beside a step', () => {
  it('answers "bbr step 3 status?" with the step\'s national status, not what the step is', () => {
    const [reply] = routeTurn(turn('bbr trin 3 status?'), { knowledge, understander }).replies;
    expect(reply?.text).toContain('**28 af 98 kommuner** har fuldført trin 3');
  });
});

describe('the pilots of one solution', () => {
  const answer = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies[0];

  it('answers who uses a solution the pilots name, not a passage or "I don\'t know"', () => {
    expect(answer('hvilke kommuner i piloten har bygget deres egen løsning?')?.text).toContain('Odense og Herning');
    expect(answer('who runs NetIQ?')?.text).toContain('used by 1 municipality: Faaborg-Midtfyn');
    // how many of them, not a count of the municipalities' status
    expect(answer('hvor mange pilotkommuner er der?')?.text).toContain('**8 pilotkommuner** og 2 præpiloter');
    expect(answer('how many pilots are there?')?.text).toContain('**8 pilot municipalities**');
    // (a count of others, beside the pilots, is not theirs)
    expect(answer('hvor mange kommuner er med i første gruppe efter piloterne?')?.text).not.toContain('SAPA-piloterne');
    // ("in-house" is a word of its own, not an unknown "house")
    expect(answer('which pilot municipalities built their own solution in-house?')?.text).toContain(
      'Odense and Herning',
    );
  });

  it('leaves a question read well as something else to it, though it names a municipality and the pilot', () => {
    expect(answer('hvem skal Vejle kontakte om piloten?')?.text).not.toContain('SAPA-piloterne');
  });

  it('answers a municipality asked about with a word of piloting with its pilot answer', () => {
    expect(answer('hvad kører Esbjerg med i pilotforsøget?')?.text).toContain('**Esbjerg Kommune** er SAPA-pilot');
    expect(answer('hvad har Gladsaxe valgt i prøvekørslen?')?.text).toContain('**Gladsaxe Kommune** er SAPA-pilot');
  });

  it('answers a pilot municipality asked what it uses for its organisation data with its pilot answer', () => {
    expect(answer('hvad anvender Herning til organisationsdata?')?.text).toContain('**Herning Kommune** er SAPA-pilot');
    expect(answer('what does Odense use for its org data?')?.text).toContain('**Odense Kommune** is a SAPA pilot');
    // solutions for something else, or org charts, are no organisation data
    expect(answer('hvilke løsninger bruger Odense i borgerservice?')?.heading).not.toBe('SAPA-piloter');
    expect(answer('does Odense use org charts?')?.heading).not.toBe('SAPA pilots');
    expect(answer('hvilke systemer bruger Odense organisationsdata i?')?.heading).not.toBe('SAPA-piloter');
    // a municipality that is no pilot has no pilot answer
    expect(answer('hvad bruger Aarhus til organisationsdata?')?.heading).not.toBe('SAPA-piloter');
    // "org sync" is its organisation data too
    expect(answer('hvad bruger faaborg-midtfyn til org sync')?.text).toContain('NetIQ');
  });

  it('answers each of several pilot municipalities asked about at once', () => {
    const texts = (text: string) =>
      routeTurn(turn(text), { knowledge, understander }).replies.map((reply) => reply.text);
    const both = texts('hvad anvender Herning og Gentofte til organisationsdata?');
    expect(both).toHaveLength(2);
    expect(both[0]).toContain('**Herning Kommune** er SAPA-pilot');
    expect(both[1]).toContain('**Gentofte Kommune** er SAPA-pilot');
    // … however many are named
    expect(texts('hvad bruger Favrskov, Gladsaxe, Gentofte og Herning til organisationsdata?')).toHaveLength(4);
    // … with a word of piloting, a municipality that is no pilot is said to be none
    const withOther = texts('hvad bruger Esbjerg og Aarhus i piloten?').join('\n');
    expect(withOther).toContain('**Esbjerg Kommune** er SAPA-pilot');
    expect(withOther).toContain('Aarhus Kommune er ikke blandt SAPA-piloterne');
  });

  it('answers which municipalities pilot, asked with a word of piloting and no municipality, with every pilot', () => {
    const text = answer('hvilke kommuner kører pilot på org-sync delen og hvad bruger de')?.text ?? '';
    expect(text).toContain('Gladsaxe: Signaturgruppen');
    expect(text).toContain('Faaborg-Midtfyn: PWC');
  });

  it('names no solution by a common word of a vendor, nor "egen" said of anything but a solution', () => {
    expect(answer('who is our identity provider?')?.text).not.toContain('Digital Identity');
    expect(answer('har pilotkommunerne deres egen projektleder?')?.text).not.toContain('Egen løsning');
  });

  it("leaves a price, and a system that is no pilot's solution, to the other readings", () => {
    expect(answer('hvad koster NetIQ for os?')?.text).toMatch(/^Det ved jeg ikke/);
    expect(answer('hvilke kommuner bruger KMD Sag?')?.heading).not.toBe('SAPA-piloter');
  });
});

describe('a group of the rollout plan', () => {
  const answer = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies[0];

  it('is no group of people, of something else, or another group', () => {
    expect(answer('hvilke grupper af medarbejdere skal have adgang til SAPA?')?.heading).not.toBe(
      'SAPA udrulningsplan',
    );
    expect(answer('er der en Yammer-gruppe om SAPA?')?.heading).not.toBe('SAPA udrulningsplan');
    expect(answer('kan vi komme i en anden udrulningsgruppe?')?.text).not.toMatch(/^Gruppe 2 af 14/);
  });

  it('answers which municipalities share a group with the rollout plan, whatever else the words suggested', () => {
    expect(answer('hvem ligger i samme SAPA-udrulningsgruppe som Vejle?')?.text).toContain('sammen med Brøndby');
    expect(answer('which municipalities make up the third SAPA rollout group?')?.text).toMatch(/^Group 3 of 14/);
  });
});

describe('whom to write to', () => {
  it('is the address for the topic named in one word before the programme leader the asker is', () => {
    const [reply] = routeTurn(
      { ...turn('I am the new programme leader in Vejle, who do I contact about KY?'), locale: 'en-GB' },
      { knowledge, understander },
    ).replies;
    expect(reply?.text.split('\n')[0]).toContain('trg@kombit.dk');
  });

  it('is whom the asker writes to, not whom others call', () => {
    const asked = 'der skal være én person leverandørerne kan ringe til om adgangsstyring. hvem er det, er det mig?';
    expect(['Kontakt', 'Kontakter']).not.toContain(answer(asked).heading);
  });

  it('is the contacts, with the address for what is named first, though a role is named', () => {
    const [reply] = routeTurn(
      {
        ...turn('we want to share our experience with the programme leader role, who should I email?'),
        locale: 'en-GB',
      },
      { knowledge, understander },
    ).replies;
    expect(reply?.text.split('\n')[0]).toContain('mvp@kombit.dk');
  });
});

describe('the subject of a mail', () => {
  it('is not a topic asked about ("om emnet …", "on the subject of …")', () => {
    const [reply] = routeTurn(turn('hvilken mail skal jeg skrive til om emnet rollegalleriet?'), {
      knowledge,
      understander,
    }).replies;
    expect(reply?.text).not.toContain('emnefeltet');
  });

  it('is asked of the contacts, whatever the words alone suggested', () => {
    const [reply] = routeTurn(
      { ...turn('what goes in the subject line?'), locale: 'en-GB' },
      { knowledge, understander },
    ).replies;
    expect(reply?.text).toContain('"programledermøde september"');
  });
});

describe('news about one thing', () => {
  it('is the news item about the thing the question names, in its own words or described', () => {
    const [reply] = routeTurn(turn('hvad sker der med det gamle opgavesystem?'), { knowledge, understander }).replies;
    expect(reply?.heading).toBe('Definitivt farvel til KIGO oktober 2018');
  });
});

describe('where to find something', () => {
  const answer = (text: string) => routeTurn(turn(text), { knowledge, understander }).replies[0];

  it('answers "hvor finder jeg …?" with what fits and the link of its record', () => {
    expect(answer('hvor ligger implementeringsoverblikket?')?.list?.join('\n')).toContain(
      'https://share-komm.kombit.dk/p079/',
    );
    const material = answer('hvor kan man finde vejledningen som leverandørerne fik om adgangsstyring?');
    expect(material?.list?.join('\n')).toContain('https://share-komm.kombit.dk/P133/');
  });

  it('answers a link asked for with the address of what fits', () => {
    expect(answer('har I et link til siden om programlederindsatsen?')?.list?.join('\n')).toContain(
      'https://www.kombit.dk/programlederindsats',
    );
  });

  it('reads "hvor er …" as a place, not a link', () => {
    expect(answer('hvor er kommunedagene?')?.list?.join('\n')).toContain('Køge');
  });
});

describe('tasks of a kind', () => {
  it('answers "hvad er basisopgaverne for FK?" with the basis tasks, not the kind of one task', () => {
    const [reply] = routeTurn(turn('hvad er basisopgaverne for fordelingskomponenten?'), {
      knowledge,
      understander,
    }).replies;
    expect(reply?.list?.map((line) => line.split(':')[0])).toEqual([
      'Udpeg FK-ADM og FK-ANSV',
      'Godkend initiale fordelingsregler',
      'Etabler arbejdsgang for drift',
      'Serviceaftale KMD Sag',
    ]);
  });
});

describe('tasks counted', () => {
  it('counts one coming task as one', () => {
    const [reply] = routeTurn(turn('hvilke kommende opgaver er der for ØiR?'), { knowledge, understander }).replies;
    expect(reply?.text).toContain('Der er **1 kommende KLIK-opgave** for ØiR:');
  });
});

describe('when today starts', () => {
  it('answers "… and when does it end?" in the same message with that day\'s meetings too', () => {
    const replies = routeTurn(turn('what time do we start today and when does it end?', '2018-09-14T09:00:00+02:00'), {
      knowledge,
      understander,
    }).replies;
    // (both parts are answered by the day's meetings with their start and end: said once)
    expect(replies.map((reply) => reply.heading)).toEqual(['Timeline']);
    expect(replies[0]?.list?.join('\n')).toContain('at 10.30–12.30: Programledermøde september 2018');
  });

  it('answers "what time do we start today?" on a meeting day with the meeting\'s times', () => {
    const [reply] = routeTurn(turn('what time do we start today?', '2018-09-14T09:00:00+02:00'), {
      knowledge,
      understander,
    }).replies;
    expect(reply?.list?.join('\n')).toContain(
      'Friday 14 September 2018 at 10.30–12.30: Programledermøde september 2018',
    );
  });
});

describe('a title written as a question', () => {
  it('quotes the workshop whose working title ends in a question mark; only a slide heading that asks answers nothing', () => {
    const [reply] = routeTurn(turn('hvad handler workshoppen på kommunedagene om?'), {
      knowledge,
      understander,
    }).replies;
    expect(reply?.list?.join('\n')).toContain('Mest mulig værdi af den fælleskommunale it-infrastruktur?');
  });
});
