import type { Knowledge } from '../knowledge/registry.js';
import { comparisonWord } from './comparisons.js';
import type { DescribedThings } from './described-things.js';
import { MaterialQuestions } from './material-questions.js';
import {
  PASSAGE_OVER_GUESS,
  UNREAD_PASSAGE,
  answersFromKnowledge,
  contactWord,
  evidenceCoverage,
  evidenceInText,
  keyOfPassage,
  namedRecords,
  passageKeyOf,
  withRecordOf,
  shortSlide,
} from './reading-groups.js';
import { answeringPassages, asksForAPhone } from './search/answerable.js';
import { isCommonStem } from './search/common-words.js';
import type { DescribedWords, FactSearch, SearchHit } from './search/fact-search.js';
import type { Passage } from './search/passages.js';
import { Subjects } from './search/subjects.js';
import { isCommonTopicTerm, queryTerms } from './search/terms.js';
import { queryWords } from './query-words.js';
import { asksYesOrNo } from './statements.js';
import { phoneOfRecord, recordHolding } from './record-holding.js';
import type { Entities, Understanding } from './types.js';

// "hvor finder jeg …", "hvor ligger …", "where can I find …", "where can I download …": a place, which the material gives as a link
// ("hvor er kommunedagene?" asks for a town, not a link)
const asksWhereToFind =
  /\b(hvor\s+(?:kan\s+(?:jeg|man|vi)\s+)?(?:finder|finde|ligger|l(?:æ|ae)gger)|hvor\s+kan\s+(?:jeg|man|vi)\s+(?:hente|downloade)|hvor\s+(?:henter|downloader)\s+(?:jeg|man|vi)|where\s+(?:can|do)\s+(?:i|we|one)\s+(?:find|download|get)|link(?:s|et|ene)?|url|webadresse\w*|hjemmeside\w*|website|webpage)\b/iu;
// (a link asked for is where to find it: "hvad er linket til programlederindsatsen?")
const whereWord =
  /^(hvor|ligger|finder|finde|find|hente|henter|downloade|downloader|download|get|where|located|link|links|linket|linkene|url|webadresse\w*|hjemmeside\w*|website|webpage)$/;
// how much of the rest of the question a link's words must hold
const whereCoverage = 0.5;
// The words between the two sides of a comparison, and those after which the rest is said of both
const sideJoins = new Set(['og', 'eller', 'and', 'or', 'vs', 'versus', 'fra', 'from']);
// With a record named, enough hits that its own passages are among them though others score higher
const namedRecordHits = 20;
const sidePrepositions = new Set(['for', 'i', 'til', 'ved', 'paa', 'in', 'of', 'on', 'at']);

/**
 * The readings the passages of the knowledge give a question, beside the intents: the slides'
 * own questions, where to find something, evidence beside an intent's answer, and the answer
 * where no dialog fits.
 */
export class PassageReadings {
  readonly #materialQuestions: MaterialQuestions;
  readonly #subjects: Subjects;

  constructor(
    knowledge: Knowledge,
    private readonly search: FactSearch,
    /** Whether a word is one of how questions are asked (the example questions use it). */
    private readonly phrasing: (token: string) => boolean,
    private readonly described: DescribedThings,
  ) {
    this.#materialQuestions = new MaterialQuestions(knowledge, search);
    this.#subjects = new Subjects(knowledge);
  }

  /** One of the material's own questions, answered by the record the material answers it with. */
  material(tokens: string[], resolved: Understanding): Understanding | undefined {
    const found = this.#materialQuestions.answering(tokens);
    if (!found) return undefined;
    const all = this.search.passagesOf(found.kind, found.recordId);
    const inRecord = (passage: Passage) => passage.kind === found.kind && passage.recordId === found.recordId;
    // a short slide is the answer whole; a longer record by its passages that fit the question best
    const passages =
      all.length <= shortSlide
        ? all
        : this.search.search(tokens, { within: inRecord, limit: 3 }).hits.map((hit) => hit.passage);
    if (passages.length === 0) return undefined;
    const keys = passages.map(keyOfPassage);
    return {
      intent: 'fact',
      confidence: 0.9,
      entities: { ...resolved.entities, passages: keys },
      language: resolved.language,
    };
  }

  /**
   * "hvor finder jeg materialet fra SKI-opstartsmøderne?", "hvor ligger implementeringsoverblikket?":
   * a place to find something is a link, and the link whose words hold the rest of the question answers.
   */
  whereToFind(text: string, tokens: string[], resolved: Understanding): Understanding | undefined {
    if (!asksWhereToFind.test(text)) return undefined;
    // the words that ask where say nothing of what is sought
    const sought = tokens.filter((token) => !whereWord.test(token));
    const plain = this.search.search(sought, { limit: 1 });
    const query = this.#describedQuery(sought);
    const read = query.described.length > 0 ? this.search.search(query.tokens, { ...query, limit: 1 }) : undefined;
    const result = (read?.hits[0]?.coverage ?? 0) > (plain.hits[0]?.coverage ?? 0) ? read! : plain;
    const best = result.hits[0];
    if (!best || best.coverage < whereCoverage) return undefined;
    // a rare word the material never uses ("endpoint", "API") is what is sought, and it is not there
    if (!result.unknown.every((term) => isCommonStem(term))) return undefined;
    // what fits best, and the links of its record ("KOMBITs side om programlederindsatsen" · its address)
    const links = this.search
      .passagesOf(best.passage.kind, best.passage.recordId)
      .filter((passage) => passage.text.includes('https://'));
    if (links.length === 0) return undefined;
    const passages = [best.passage, ...links.filter((passage) => passage !== best.passage)].map(keyOfPassage);
    return {
      intent: 'fact',
      confidence: best.coverage,
      entities: { ...resolved.entities, passages },
      language: resolved.language,
    };
  }

  /**
   * A passage that holds every content word of the question, from a record the dialog was not
   * asked about, goes beside the dialog's answer: the intent read one salient word, the
   * passage the rest ("hvor ligger implementeringsoverblikket?" is not about a deadline).
   */
  withEvidence(text: string, tokens: string[], resolved: Understanding, named: Set<string>): Understanding {
    if (!answersFromKnowledge.has(resolved.intent)) return resolved;
    // a timeline of a day is that day's: a slide's "vi starter kl. 10.00" is another day's time
    if (resolved.intent === 'event.list' && resolved.entities.dates) return resolved;
    const hits = this.#answering(text, tokens).filter(
      (hit) => hit.coverage >= evidenceCoverage && hit.textCoverage >= evidenceInText,
    );
    // what the passages add is the question's words beyond the names the dialog answers about
    const terms = [...new Set(hits.flatMap((hit) => hit.matched))].filter(
      (term) => !named.has(term) && !isCommonTopicTerm(term) && !term.startsWith('@'),
    );
    if (hits.length === 0 || terms.length === 0) return resolved;
    return { ...resolved, entities: { ...resolved.entities, evidence: { passages: hits.map(passageKeyOf), terms } } };
  }

  /**
   * "hvad er forskellen på basisopgaver og løsningsspecifikke opgaver for Fordelingskomponenten?":
   * two things the material describes but does not name as records of one kind, each answered
   * by the passage that fits its side best. What follows a preposition in the second side is
   * said of both. Undefined unless both sides have a passage of their own.
   */
  compared(text: string, tokens: string[], resolved: Understanding): Understanding | undefined {
    if (resolved.entities.compared) return undefined;
    const cue = tokens.findIndex((token) => comparisonWord.test(token));
    const after = cue < 0 ? [] : tokens.slice(cue + 1);
    const join = after.findIndex((token) => sideJoins.has(token));
    if (join < 1 || join === after.length - 1) return undefined;
    const second = after.slice(join + 1);
    const said = second.findIndex((token, index) => index > 0 && sidePrepositions.has(token));
    const first = [...after.slice(0, join), ...(said > 0 ? second.slice(said) : [])];
    const [one] = this.#answering(text, first);
    const [other] = this.#answering(text, second);
    if (!one || !other || one.passage.text === other.passage.text) return undefined;
    return {
      intent: 'fact',
      confidence: Math.min(one.coverage, other.coverage),
      entities: { ...resolved.entities, passages: [passageKeyOf(one), passageKeyOf(other)] },
      language: resolved.language,
    };
  }

  /**
   * "hvem kan se beskederne i KLIK?" names no one to write to: the material's words answer it
   * better than the contact list; "hvor kan KOMBIT skrive beskeder i KLIK?" is a slide's whole
   * question, whatever word of writing it has; "kan vi skrive til KOMBIT i KLIK?" asks whether a
   * way to write works, which the material says.
   */
  insteadOfContacts(text: string, tokens: string[], resolved: Understanding): Understanding | undefined {
    if (resolved.intent !== 'contact') return undefined;
    const fact = this.fromPassages(text, tokens, resolved);
    const named = tokens.some((token) => contactWord.test(token));
    const enough = asksYesOrNo(tokens) ? UNREAD_PASSAGE : PASSAGE_OVER_GUESS;
    return fact && (!named || (fact.confidence >= enough && !this.givesAnAddress(fact))) ? fact : undefined;
  }

  /** Whether a passage answer gives an address to write to (the contact list says that better). */
  givesAnAddress(fact: Understanding): boolean {
    return (fact.entities.passages ?? []).some(
      (key) => key.startsWith('contacts/') || this.search.passageOf(key)?.text.includes('@') === true,
    );
  }

  #answering(
    text: string,
    tokens: string[],
    loose?: { minimum: number; named: Set<string> },
    entities?: Entities,
  ): SearchHit[] {
    // the whole of a name: "KOMBIT-SPOC" is not the STS-projektleder, SPOC for the vendors
    const named = [...(loose?.named ?? [])];
    // the records the question names, whose passages come first among those fitting as well
    const records = entities ? namedRecords(entities) : [];
    const preferred = (passage: Passage) =>
      records.some((record) => record.kind === passage.kind && record.recordId === passage.recordId);
    const limit = records.length > 0 ? namedRecordHits : undefined;
    const search = (query: { tokens: string[]; described?: DescribedWords[] }) => {
      const options = { phrasing: this.phrasing, described: query.described, ...(limit ? { limit } : {}) };
      const result = this.search.search(query.tokens, options);
      // a passage about another system than the one asked of answers none of it
      const hits = result.hits.filter((hit) => !this.#subjects.aboutAnother(hit.passage, records));
      return answeringPassages({ ...result, hits }, text, loose?.minimum, named, preferred);
    };
    const plain = search({ tokens });
    if (plain.length === 0 && asksForAPhone(text)) return phoneOfRecord(this.search, this.phrasing, tokens);
    // words that describe a record are read as its name too, and the reading that fits better answers
    const described = this.#describedQuery(tokens);
    if (described.described.length === 0) return plain;
    const read = search(described);
    return (read[0]?.coverage ?? 0) > (plain[0]?.coverage ?? 0) ? read : plain;
  }

  /**
   * The question's words with those that describe a record set apart: "det regneark der viser
   * hvilke systemer der skal bruge hvilke komponenter" is searched as the Implementeringsoverblik.
   */
  #describedQuery(tokens: string[]): { tokens: string[]; described: DescribedWords[] } {
    const spans = this.described.spans(tokens);
    if (spans.length === 0) return { tokens, described: [] };
    const inSpan = (index: number) => spans.some((span) => index >= span.start && index < span.end);
    return {
      tokens: tokens.filter((_, index) => !inSpan(index)),
      described: spans.map((span) => ({
        kind: span.record.kind,
        recordId: span.record.id,
        tokens: tokens.slice(span.start, span.end),
      })),
    };
  }

  /**
   * How much of the question (its terms, weighed by rarity) a text says: 0–1; the words that
   * describe what the text is about (`described`, as stems) are left out.
   */
  coverageOf(tokens: string[], text: string, described: Set<string> = new Set()): number {
    const asked = queryTerms(tokens, this.search.vocabulary, this.phrasing);
    const terms = asked.terms.filter((term) => !described.has(term));
    const { unknown } = asked;
    // two words are a name and what is asked of it, which the intent reads better than any passage
    if (terms.length + unknown.length < 3) return 1;
    // nothing the material says is asked: no answer from it can say any of it
    if (terms.length === 0) return 0;
    const said = new Set(queryTerms(queryWords(text).tokens, this.search.vocabulary).terms);
    const rarest = Math.max(...terms.map((term) => this.search.weightOf(term)));
    let total = unknown.length * rarest;
    let found = 0;
    for (const term of terms) {
      const weight = this.search.weightOf(term);
      total += weight;
      if (said.has(term)) found += weight;
    }
    return found / total;
  }

  /**
   * Where no dialog fits, the passages of the knowledge that answer the question, if any do;
   * `loose` is a smaller share of the question the best may hold, where it holds every word
   * of the things the question names (`named`, as stems).
   */
  fromPassages(
    text: string,
    tokens: string[],
    resolved: Understanding,
    loose?: { minimum: number; named: Set<string> },
  ): Understanding | undefined {
    const hits = this.#answering(text, tokens, loose, resolved.entities);
    const best = hits[0];
    if (!best) return undefined;
    const passages = this.#wholeSlide(best) ?? hits.map(passageKeyOf);
    return {
      intent: 'fact',
      confidence: best.coverage,
      entities: { ...withRecordOf(resolved.entities, passages), passages },
      language: resolved.language,
    };
  }

  /** The record whose passages hold the question between them (record-holding.ts). */
  wholeRecord(tokens: string[], resolved: Understanding): Understanding | undefined {
    return recordHolding(this.search, this.phrasing, tokens, resolved);
  }

  /**
   * A slide's points, or the points of one list, are read together ("hvad anbefaler KOMBIT
   * ift. SKI 02.19?" is all five recommendations, "hvad sagde kommunerne?" all they said): a
   * point of a short slide or list is answered with the whole of it.
   */
  #wholeSlide(best: SearchHit): string[] | undefined {
    const list = /^(.*)\.\d+$/.exec(best.passage.field)?.[1];
    const slide = best.passage.kind === 'topics';
    if (!slide && list === undefined) return undefined;
    const all = this.search
      .passagesOf(best.passage.kind, best.passage.recordId)
      .filter((passage) => slide || passage.field.startsWith(`${list}.`));
    if (all.length > shortSlide) return undefined;
    // the point that fits best first, then the rest of the slide in its order
    return [best.passage, ...all.filter((passage) => passage !== best.passage)].map(keyOfPassage);
  }
}
