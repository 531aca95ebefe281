import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { answeringPassages, asksWhen } from '../../src/understanding/search/answerable.js';
import { danishFor } from '../../src/understanding/search/english.js';
import { FactSearch } from '../../src/understanding/search/fact-search.js';
import { passagesOf } from '../../src/understanding/search/passages.js';
import { queryTerms } from '../../src/understanding/search/terms.js';
import { stem } from '../../src/understanding/stem.js';

describe('the search over every passage', () => {
  let search: FactSearch;
  const best = (text: string) => search.search(queryWords(text).tokens).hits[0]?.passage;

  beforeAll(async () => {
    search = new FactSearch(await loadKnowledge('data/knowledge'));
  });

  it('quotes half the question where asked to, only with every word known and two of them found', () => {
    const answering = (text: string, minimum?: number) =>
      answeringPassages(search.search(queryWords(text).tokens), text, minimum).map((hit) => hit.passage.text);
    const paraphrased = 'hvad bidrog Kolding med til rollegalleriet?';
    expect(answering(paraphrased)).toEqual([]);
    expect(answering(paraphrased, 0.5)[0]).toContain('Kolding har delt erfaringer');
    // a word the material never uses is most often what is asked
    expect(answering('hvad bidrog Kolding med til rollegalleriet og CVR-registret?', 0.5)).toEqual([]);
    // one word found is no half of a question
    expect(answering('hvad har Kolding bidraget med?', 0.5)).toEqual([]);
  });

  it('quotes for "hvornår" only a passage with a date or a time in it, not a numbered step', () => {
    const texts = answeringPassages(
      search.search(queryWords('hvornår skal BBRs egen adgangsstyring lukkes ned?').tokens),
      'hvornår skal BBRs egen adgangsstyring lukkes ned?',
    ).map((hit) => hit.passage.text);
    expect(texts.filter((text) => text.includes('Luk ned for BBRs egen adgangsstyring'))).toEqual([]);
    expect(asksWhen('hvornår tester vi lyd?')).toBe(true);
    const sound = answeringPassages(
      search.search(queryWords('hvornår tester vi lyd?').tokens),
      'hvornår tester vi lyd?',
    );
    expect(sound[0]?.passage.text).toContain('minutter før start');
  });

  it('quotes for "hvornår" asked of what suits a passage that gives its condition', () => {
    const question = 'hvornår er interim en god løsning?';
    const quoted = answeringPassages(search.search(queryWords(question).tokens), question, 0.5);
    expect(quoted[0]?.passage.text).toMatch(/især hvis man kun har KMD Sag sager/);
    // … and still no condition for a when of time
    const started = 'hvornår startede interim løsningen?';
    expect(answeringPassages(search.search(queryWords(started).tokens), started, 0.5)).toEqual([]);
  });

  it('quotes for "hvornår" no passage whose only figure is the framework\'s number "SKI 02.19"', () => {
    const question = 'hvornår er SKI 02.19 et kontraktlig forhold mellem kommunen og leverandøren?';
    const quoted = answeringPassages(search.search(queryWords(question).tokens), question, 0.5);
    expect(
      quoted.map((hit) => hit.passage.text).filter((text) => text.startsWith('SKI 02.19 er et kontraktlig')),
    ).toEqual([]);
  });

  it('quotes for "hvor mange" only a passage with a count, not a version or a point\'s number', () => {
    const asked = 'hvor mange brugere er der i BBR?';
    const texts = answeringPassages(search.search(queryWords(asked).tokens), asked, 0.5).map((hit) => hit.passage.text);
    expect(texts.filter((text) => text.includes('BBR 1.8'))).toEqual([]);
  });

  it('lets an everyday word the material never uses pass for a paraphrase, not a word it lacks', () => {
    const hit = {
      passage: {
        kind: 'supportSystems' as const,
        recordId: 'organisation',
        recordTitle: 'Organisation',
        names: ['Organisation'],
        field: 'facts.1',
        text: 'Data kommer fra kommunens lokale organisationsløsning',
        source: { label: 'Programledermøde september 2018', asOf: '2018-09-06' },
      },
      score: 5,
      coverage: 0.55,
      textCoverage: 0.55,
      matched: ['data', 'organisation'],
    };
    const withUnknown = (unknown: string[]) => ({
      hits: [hit],
      unknown,
      terms: 4,
      known: hit.matched,
      weights: new Map<string, number>(),
      total: 1,
    });
    // "foretage", "skaffe": words everyone uses
    expect(answeringPassages(withUnknown([stem('foretage')]), '', 0.5)).toHaveLength(1);
    expect(answeringPassages(withUnknown([stem('skaffe')]), '', 0.5)).toHaveLength(1);
    // "uptime", "CVR": what is asked, and not in the material
    expect(answeringPassages(withUnknown([stem('uptime')]), '', 0.5)).toEqual([]);
    expect(answeringPassages(withUnknown(['cvr']), '', 0.5)).toEqual([]);
  });

  it("holds a word read as two forms of the material's word found where a passage has one of them", () => {
    // "kildesystemer" is the material's "kildedatasystem" or "kildesystem": either answers it
    const hit = search
      .search(queryWords('hvilke kildesystemer gives som eksempel?').tokens)
      .hits.find((one) => one.passage.text.includes('MS AD'));
    expect(hit?.coverage).toBeGreaterThan(0.6);
    const words = (text: string) => new Set(queryTerms(queryWords(text).tokens, search.vocabulary).sameWord.values());
    expect(words('kildesystemer').size).toBe(1);
    // … where the words of a phrase ("opdateres kvartalsvis") are each asked
    expect(words('opdateringsfrekvens').size).toBe(2);
  });

  it('reads a long word cut short as the one word it begins, a shorter one as nothing', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('fordelingskomp.')).toEqual([stem('fordelingskomponenten')]);
    expect(terms('udrulningspl.')).toEqual([stem('udrulningsplanen')]);
    // (a beginning that opens several words is none of them)
    expect(terms('implementeringso.')).toEqual([]);
  });

  it('reads no short word as a typo in its first letter ("taster" is no "master"), a longer one may be', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('taster')).not.toContain('masteropgav');
    expect(terms('kompliance')).toEqual(terms('compliance'));
    // … and no word everyone uses as a typo of the material's ("smart" is no "start")
    expect(terms('smart')).not.toContain(stem('start'));
  });

  it('reads a compound whose first part is cut short as the one compound of the material it begins', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('hvornår opdateres impl.overblikket?')).toContain(stem('implementeringsoverblikket'));
    expect(terms('hvornår opdateres impl. overblikket?')).toContain(stem('implementeringsoverblikket'));
    // a word of its own is no cut-short part
    expect(terms('hvad er et overblik?')).toEqual([stem('overblik')]);
  });

  it('reads "laves" as how a thing is asked, no word the material lacks', () => {
    expect(search.search(queryWords('hvilke opgaver skal laves igen?').tokens).unknown).toEqual([]);
  });

  it('finds a duty inside a record, not only the record by its name', () => {
    const passage = best('hvem er KOMBITs eskalationspart?');
    expect(passage?.recordId).toBe('kombit-programleder');
    expect(passage?.text).toContain('eskalationspart');
  });

  it('reads two English nouns in a row as the Danish compound the material uses', () => {
    const passage = best('Is there a workshop for programme leaders at the municipality days?');
    expect(passage?.recordId).toMatch(/^kommunedag-/);
    expect(passage?.text).toContain('Workshop til KOMBIT-programledere');
  });

  it('reads English two-word terms and a misspelt glossary word as the material says them', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    // "support system" is one Danish compound, "kick-off" one glossary word
    expect(terms('the Organisation support system')).toEqual(['organisation', 'stoettesystem']);
    expect(terms('kick-off meeting')[0]).toBe('opstartsmoed');
    // … and the English head after it says the compound again, no "møde" of its own
    expect(terms('the guidance from the kick-off meetings')).toEqual(['vejledning', 'opstartsmoed']);
    expect(terms('the municipality day meetings')).toEqual(['kommunedag', stem('møde')]);
    // "services" alone are services; "service agreements" are the material's serviceaftaler
    expect(terms('their own services')).not.toContain(stem('serviceaftaler'));
    expect(terms('the service agreements')).toEqual([stem('serviceaftaler')]);
    // "sildes" is "slides", which the material calls "plancher"
    expect(best('hvor kan jeg finde dagens sildes bagefter?')?.text).toContain('plancher');
  });

  it('hears an English "when" as asking unless its clause asked something else or it opens a clause of doing', () => {
    expect(asksWhen('I need to find out when the role gallery is finished')).toBe(true);
    expect(asksWhen('any idea when the role gallery is done? by when?')).toBe(true);
    expect(asksWhen('Who is the contact for the suppliers when integrating with Adgangsstyring?')).toBe(false);
    expect(asksWhen('What should I put in the subject line when I email my questions?')).toBe(false);
    expect(asksWhen('hvornår er rollegalleriet færdigt?')).toBe(true);
    // a deadline asked for in other words needs a passage with a date, as a when does
    for (const question of [
      'hvad er fristen for at DUBU skal på fjernprint?',
      'what’s the deadline for DUBU on Fjernprint?',
    ])
      expect(answeringPassages(search.search(queryWords(question).tokens), question), question).toEqual([]);
  });

  it('joins no letter into an English word ("strategi C" is no "strategic"), but reads "e-mail"', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('hvad går strategi C ud på')).toEqual(['strategi', 'c']);
    expect(terms('hvad er din e-mail')).toContain(stem('mail'));
  });

  it('reads a verb and its particle as the compound the material writes ("delt op" is "opdelt")', () => {
    const [hit] = search.search(queryWords('hvordan er støttesystemerne og snitfladerne delt op?').tokens).hits;
    expect(hit?.passage.text).toBe('Støttesystemer og snitflader er opdelt på dataområder');
    expect(hit?.matched).toContain('opdelt');
  });

  it('reads a verb with "i" and a noun after it as the compound the material writes ("tager … i brug")', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('hver gang vi tager et nyt system i brug')).toContain(stem('ibrugtager'));
    // "i" as a preposition with no such compound stays apart
    expect(terms('hvad sker der i brugergrænsefladen')).not.toContain(stem('ibrugtager'));
  });

  it('reads a first part said alone ("fordelings-tingen") as the few compounds of the material it opens', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('fordelings-tingen').sort()).toEqual([stem('fordelingskomponenten'), stem('fordelingsregler')].sort());
    // a first part of many compounds says too little to choose among them
    expect(search.vocabulary.compoundsOpenedBy('kommunes')).toEqual([]);
  });

  it('reads a particle verb\'s noun as the verb the material writes apart ("oprydningen" is "Ryd op")', () => {
    expect(best('hvad går oprydningen i BBR ud på')?.text).toContain('Ryd op i BBR');
  });

  it('reads a noun, "over"/"for"/"af" and a noun as the compound the material writes', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('hvor ligger overblikket over implementeringen?')).toContain('implementeringsoverblik');
    expect(terms('hvad er planen for udrulningen af SAPA?')).toContain('udrulningsplan');
    // … or the compound people use for one of the material's ("liste over roller" is a "rolleliste")
    expect(terms('hvor er listen over roller?')).toContain(stem('rollegalleriet'));
  });

  it('reads a step described in English', () => {
    const passage = best('the step where we clean up the users and their rights in BBR');
    expect(passage?.text).toContain('Ryd op i BBR');
  });

  it('forgives a typo in the main noun and a compound written apart', () => {
    expect(best('hvad er strategierne for Organisaton')?.text).toMatch(/strategi/i);
    expect(best('hvornår skal de initiale fordelings regler godkendes')?.recordId).toBe(
      'godkend-initiale-fordelingsregler',
    );
  });

  it('reads everyday words as the material says them ("regnearket", "kontaktperson", "tallene")', () => {
    expect(best('hvor tit opdateres regnearket')?.recordId).toBe('implementeringsoverblikket');
    expect(best('hvem bliver kontaktperson for leverandørerne')?.text).toContain('SPOC for leverandørerne');
    // without the everyday word the question holds only BBR, which many passages name
    expect(search.search(queryWords('hvor er bbr tallene fra').tokens).unknown).toEqual([]);
    expect(best('de der fællesdage for kommunerne, hvilken dag er den i Silkeborg?')?.recordId).toBe(
      'kommunedag-2018-11-22',
    );
  });

  it('reads "single point of contact" as the material\'s SPOC, and "when it comes to" as no question of when', () => {
    expect(queryWords('Who is the Single Point of Contact for the vendors?').tokens).toEqual([
      'who',
      'is',
      'the',
      'spoc',
      'for',
      'the',
      'vendors',
    ]);
    const question = 'Who is the single point of contact for the vendors and the business when it comes to STS?';
    expect(answeringPassages(search.search(queryWords(question).tokens), question)[0]?.passage.text).toContain(
      'SPOC for leverandørerne og forretningen',
    );
  });

  it('keeps a short bullet among longer ones as a point, and a list of names as names', () => {
    const points = search.passagesOf('topics', 'organisation-next-step-for-kombit').map((passage) => passage.text);
    expect(points).toContain('Færdiggøre vejledningsmaterialer');
    expect(search.passagesOf('strategies', 'strategi-a').map((passage) => passage.text)).toContain('Effektivt');
    expect(search.passagesOf('itSystems', 'ky').map((passage) => passage.text)).not.toContain('Adgangsstyring');
    expect(search.passagesOf('tasks', 'bbr-adgangsstyring').map((passage) => passage.text)).not.toContain('BBR');
  });

  it('reads English words of the material in any inflection ("refreshed", "assisted", "developing")', () => {
    const refreshed = search.search(queryWords('how often is the implementation overview refreshed').tokens);
    expect(refreshed.known).toContain(stem('opdateres'));
    expect(best('what must KOMBIT settle before the role gallery is ready')?.text).toContain('Stillingtagen');
    // an English gerund is English, a Danish noun in "-ing" Danish
    expect(danishFor('scheduling')).toBeDefined();
    expect(danishFor('styring')).toBeUndefined();
    expect(danishFor('opdatering')).toBeUndefined();
    // to register is to sign up, not the building register's name
    expect(danishFor('register')).toEqual(['tilmeld']);
    // "sign" alone is signing; "sign in" logging in
    expect(best('which role may sign on behalf of the municipality')?.text).toContain('Underskriftberettigede');
    expect(search.search(queryWords('how do users sign in to BBR').tokens).known).toContain(stem('logge'));
    const helped = best('which municipalities assisted in developing the role gallery');
    expect(helped?.text).toContain('Albertslund, Hillerød og Køge Kommune hjælper med at udarbejde Rollegalleriet');
  });

  it('reads what to ask someone ("spørge leverandørerne om") as what to clarify with them, as the material says it', () => {
    expect(best('hvad bør vi spørge leverandøren om vedrørende adgangsstyring?')?.text).toContain('hul-igennem-test');
  });

  it('reads a role that ends ("slutter") as one phased out, as the material says it', () => {
    expect(best('hvornår slutter rollen som programleder?')?.text).toContain('udfases');
  });

  it('reads trouble with a thing as its support ("problemer med KIGO" is KIGO\'s support address)', () => {
    expect(best('hvem skriver jeg til hvis vi har problemer med KIGO?')?.text).toContain('kigo@kombit.dk');
    expect(best('who do I write to about issues with KIGO')?.text).toContain('kigo@kombit.dk');
  });

  it('reads a Latin suffix said the Danish way ("eskaleringspart" is the "eskalationspart")', () => {
    const passage = best('hvem er kombits eskaleringspart i kommunen');
    expect(passage?.text).toContain('eskalationspart');
  });

  it('quotes no record that is only its name ("YR/FBS"), which says nothing of what is asked', () => {
    const question = 'what will YR/FBS be using';
    const hits = answeringPassages(search.search(queryWords(question).tokens), question);
    expect(hits.map((hit) => hit.passage.field)).not.toContain('title');
    expect(hits[0]?.passage.text).toMatch(/YR\/FBS skal anvende ØiR/);
  });

  it('reads "ift.", "mht." and "vedr." as the small words they stand for, no word of the question', () => {
    const terms = (text: string) => queryTerms(queryWords(text).tokens, search.vocabulary).terms;
    expect(terms('hvad siger de ift. leverandørerne')).toEqual(terms('hvad siger de om leverandørerne'));
    expect(terms('mht. SKI og vedr. adgangsstyring')).toEqual(terms('SKI og adgangsstyring'));
  });

  it('reads a verb or a noun as the word the material derives from it ("administrere", "kvartal", "opdeling")', () => {
    const terms = (word: string) => queryTerms([word], search.vocabulary).terms;
    expect(terms('administrere')).toEqual(['administrator']);
    expect(terms('kvartal')).toEqual(['kvartalsvis']);
    expect(terms('opdeling')).toEqual(['opdelt']);
    expect(best('bliver overblikket opdateret hvert kvartal?')?.text).toMatch(/kvartalsvis/);
  });

  it('reads a word typed without ø or å as the material writes it, where the material says which', () => {
    // "mod" is only in "B-mode"; "mødet" is in many passages
    expect(search.vocabulary.withDanishLetters('modet')).toBe('moedet');
    expect(search.vocabulary.withDanishLetters('maned')).toBe('maaned');
    expect(search.search(queryWords('hvem er vaerter pa modet').tokens).known).toEqual(['vaert', 'moed']);
    // a word the material does not know either way, and a short one, stay as typed
    expect(search.vocabulary.withDanishLetters('varer')).toBeUndefined();
    expect(search.vocabulary.withDanishLetters('sla')).toBeUndefined();
    // a common word as typed stays unless the material uses the other often ("store" is big)
    expect(search.vocabulary.withDanishLetters('store')).toBeUndefined();
  });

  it("reads a compound whose last part is said in other words as the material's compound", () => {
    // "oversigt" is the material's "overblik"
    const result = search.search(queryWords('hvor ofte bliver implementeringsoversigten opdateret?').tokens);
    expect(result.known).toContain('implementeringsoverblik');
    expect(result.hits[0]?.passage.text).toBe('Opdateres kvartalsvis');
    // "oplysninger" is the material's "data"
    expect(search.search(queryWords('hvem læser organisationsoplysningerne?').tokens).known).toContain(
      'organisationsdata',
    );
  });

  it('reads the last part of a compound as the compound ("galleriet" is the role gallery)', () => {
    const result = search.search(queryWords('hvilke kommuner hjælper med galleriet').tokens);
    expect(result.unknown).toEqual([]);
    expect(result.hits.some((hit) => hit.passage.text.includes('Albertslund') && hit.coverage === 1)).toBe(true);
  });

  it('finds a phone number by "tlf" or "nummeret", and quotes no name as the answer to whose number it is', () => {
    const question = 'tlf nr til thomas glintborg';
    expect(answeringPassages(search.search(queryWords(question).tokens), question)[0]?.passage.text).toContain(
      '2327 5876',
    );
    const byNumber = 'har du nummeret på nicolai?';
    expect(answeringPassages(search.search(queryWords(byNumber).tokens), byNumber)[0]?.passage.text).toContain(
      '3334 9463',
    );
    const unknownNumber = 'hvad er mimi rasmussens mobilnummer?';
    expect(answeringPassages(search.search(queryWords(unknownNumber).tokens), unknownNumber)).toEqual([]);
  });

  it('reads the users of an interface with their state ("DAR · gennemført", "AULA · 2019")', () => {
    expect(best('er DAR færdig med at hente token fra context handler?')?.text).toBe('DAR · gennemført');
    const aula = search.search(queryWords('hvornår skal AULA hente token fra context handler').tokens);
    expect(aula.hits.find((hit) => hit.passage.text === 'AULA · 2019')?.coverage).toBe(1);
  });

  it('does not hold everyday words against a passage ("helt konkret", "fortælle")', () => {
    const result = search.search(
      queryWords('kan du helt konkret fortælle mig hvem der modtager beskeder i KLIK').tokens,
    );
    expect(result.unknown).toEqual([]);
    expect(answeringPassages(result)[0]?.passage.text).toContain('modtager af besked');
  });

  it('does not hold the words for what cannot be named against a passage ("dimsen", "åbenbart")', () => {
    const result = search.search(queryWords('serviceaftalen for KMD Sag i dimsen udgår åbenbart?').tokens);
    expect(result.unknown).toEqual([]);
    expect(answeringPassages(result)[0]?.passage.text).toMatch(/udgår/i);
  });

  it("says a record's date as the material writes dates, among its details", () => {
    const webinar = search
      .passagesOf('events', 'webinar-introduktion-2018-11-14')
      .find((one) => one.field === 'details');
    expect(webinar?.text).toContain('14. november 2018 · 09.00');
    // a month-precision date reads as the month
    expect(search.passagesOf('deadlines', 'kigo-lukker').find((one) => one.field === 'details')?.text).toBe(
      'Definitivt farvel til KIGO · oktober 2018',
    );
  });

  it('quotes no passage holding one of two things the question asks about', () => {
    // "support" is KIGO's, "org" is not in that passage: no answer to who supports Organisation
    expect(answeringPassages(search.search(queryWords('hvem skal supportere org').tokens))).toEqual([]);
  });

  it('reads words that describe a record as its name: its passage that holds the rest leads', () => {
    const tokens = queryWords('hvor tit opdateres det').tokens;
    const described = [{ kind: 'topics' as const, recordId: 'implementeringsoverblikket', tokens: ['regnearket'] }];
    const hit = search.search(tokens, { described }).hits[0];
    expect(hit?.passage.recordId).toBe('implementeringsoverblikket');
    expect(hit?.passage.text).toBe('Opdateres kvartalsvis');
    expect(hit?.coverage).toBeGreaterThan(0.9);
    // every passage of the record holds the description, as it holds the record's name
    const fields = (options = {}) =>
      search
        .search(tokens, { limit: 20, ...options })
        .hits.filter((found) => found.passage.recordId === 'implementeringsoverblikket')
        .map((found) => found.passage.field);
    expect(fields({ described })).toContain('points.0');
    expect(fields()).not.toContain('points.0');
  });

  it('quotes for a link or a URL only a passage with an address in it', () => {
    const answering = (text: string) =>
      answeringPassages(search.search(queryWords(text).tokens), text, 0.5).map((hit) => hit.passage.text);
    expect(answering('what is the URL of interface SF1511?')).toEqual([]);
    expect(answering('what is the URL of the implementation overview spreadsheet?')[0]).toContain('https://');
  });

  it('reads "søge" as the material\'s "udsøge"', () => {
    const hit = search.search(queryWords('kan man søge på de enkelte it-systemer i implementeringsoverblikket?').tokens)
      .hits[0];
    expect(hit?.passage.text).toBe('Muligt at udsøge pr. it-system');
    expect(hit?.matched).toContain(stem('udsøge'));
  });

  it('holds a month cut short ("sept") as a date word, neither a term nor a word the material lacks', () => {
    const { terms, unknown } = queryTerms(queryWords('the sept extract').tokens, search.vocabulary);
    expect(terms).not.toContain(stem('september'));
    expect(unknown).toEqual([]);
    // "jul" is Christmas before it is July
    expect(queryTerms(['jul'], search.vocabulary).unknown).toEqual(['jul']);
  });

  it('reads "nummeret" as a phone number only where no numbered thing of the material is named', () => {
    const answering = (text: string) =>
      answeringPassages(search.search(queryWords(text).tokens), text).map((hit) => hit.passage.text);
    expect(answering('har du nummeret på nicolai?')[0]).toContain('3334 9463');
    expect(answering('hvad er nummeret på snitfladen for SAMLSingleLogout?')[0]).toContain('SAMLSingleLogout');
  });

  it("finds nothing in klikbot's own remark that the material says no more of a record", () => {
    const hits = search.search(queryWords('hvorfor siger de at kommunerne er klar til adgangsstyring?').tokens).hits;
    expect(hits.some((hit) => hit.passage.text.includes('Materialet siger ikke mere'))).toBe(false);
  });

  it("quotes no passage that points to the knowledge base's own files", async () => {
    const all = passagesOf(await loadKnowledge('data/knowledge'));
    expect(all.filter((passage) => /\b[\w-]+\.json\b/.test(passage.text)).map((passage) => passage.text)).toEqual([]);
  });

  it('quotes no English operator note, also where it quotes the slide', () => {
    const notes = ['deadlines/kigo-lukker', 'tasks/udpeg-fk-adm-og-fk-ansv'].flatMap((key) => {
      const [kind, id] = key.split('/') as ['deadlines' | 'tasks', string];
      return search.passagesOf(kind, id).filter((passage) => /Note$|^notes?\b/.test(passage.field));
    });
    expect(notes).toEqual([]);
  });

  it('quotes nothing for a known name beside a question the data cannot answer', () => {
    expect(answeringPassages(search.search(queryWords('hvad tjener en FK-administrator?').tokens))).toEqual([]);
    expect(answeringPassages(search.search(queryWords('hvem er borgmester i Køge?').tokens))).toEqual([]);
  });
});
