import { concrete } from '../../knowledge/live.js';
import type { Knowledge, KnowledgeKind } from '../../knowledge/registry.js';
import { queryWords } from '../query-words.js';
import { stem } from '../stem.js';
import { danishFor } from './english.js';
import { outsideWordsOf } from './outside.js';
import type { DescribedWords, SearchHit, SearchOptions, SearchResult } from './hits.js';
import { passagesOf, quotedOnlyKinds, type Passage } from './passages.js';
import { contentStems, queryTerms } from './terms.js';
import { Vocabulary } from './vocabulary.js';
import { remembering } from '../../lib/memo.js';

/** The term that stands for a record described: every passage of the record holds it. */
function describedTerm(kind: KnowledgeKind, recordId: string): string {
  return `@${kind}/${recordId}`;
}

export type { DescribedWords, SearchHit, SearchOptions, SearchResult } from './hits.js';

interface Document {
  passage: Passage;
  text: Map<string, number>;
  names: Set<string>;
  length: number;
}

// BM25 (k1 1.2, b 0.75); a record's names count for less than the passage's own words
const k1 = 1.2;
const b = 0.75;
const namesWeight = 0.5;
const unknownShare = 0.75;
// what kind of record a passage is of is a name of it too: "strategi B" is strategy B's, though
// only C's name holds the word ("Interims-strategi"); "snitfladen SAMLSingleLogout" is SF1515's
// (roles, tasks and deadlines say so in most of their names and passages already)
const kindWords: Partial<Record<KnowledgeKind, string>> = {
  strategies: 'strategi',
  interfaces: 'snitflade',
};

// klikbot's own remark on a record the slides only name: shown with it, never a word found in it
// ("hvorfor siger de …?" is not about Indekser)
const saysNoMore = /Materialet siger ikke mere om (?:det|den|dem)\./gu;

function counts(stems: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const one of stems) map.set(one, (map.get(one) ?? 0) + 1);
  return map;
}

/**
 * A search over every passage of the knowledge (passages.ts), built once per load: the
 * evidence beside the intent, the answer where no dialog fits, and a way into the sub-items
 * of a record.
 */
export class FactSearch {
  readonly #documents: Document[];
  /** Passages quoted only when their record is asked for by name, never searched. */
  readonly #quotedOnly: Passage[];
  readonly #postings = new Map<string, number[]>();
  /** Each record's passages, by describedTerm. */
  readonly #records = new Map<string, number[]>();
  readonly #averageLength: number;
  readonly vocabulary: Vocabulary;

  constructor(knowledge: Knowledge) {
    const namesOf = new Map<string, string[]>();
    const passages = passagesOf(knowledge);
    // the glossary explains a word asked about by itself (glossary-reading.ts): its
    // explanations are no evidence for other questions
    this.#quotedOnly = passages.filter((passage) => quotedOnlyKinds.has(passage.kind));
    this.#documents = passages
      .filter((passage) => !quotedOnlyKinds.has(passage.kind))
      .map((passage) => {
        const key = `${passage.kind}/${passage.recordId}`;
        let recordNames = namesOf.get(key);
        if (!recordNames) namesOf.set(key, (recordNames = passage.names.flatMap((name) => contentStems(name))));
        // what the field holds says what the passage is about: "hosts" are the meeting's "værter"
        const fieldWords = [...passage.field.split('.'), ...(passage.labels ?? [])].flatMap(
          (part) => danishFor(part) ?? [],
        );
        const kindWord = kindWords[passage.kind];
        const names = new Set([
          ...recordNames,
          ...fieldWords.map((word) => stem(word)),
          ...(kindWord ? [stem(kindWord)] : []),
        ]);
        const stems = contentStems(passage.text.replace(saysNoMore, ' '));
        return { passage, text: counts(stems), names, length: stems.length };
      });
    this.#joinWrittenApart();
    const all = new Set<string>();
    this.#documents.forEach((document, index) => {
      const record = describedTerm(document.passage.kind, document.passage.recordId);
      this.#records.set(record, [...(this.#records.get(record) ?? []), index]);
      for (const term of new Set([...document.text.keys(), ...document.names])) {
        all.add(term);
        const list = this.#postings.get(term);
        if (list) list.push(index);
        else this.#postings.set(term, [index]);
      }
    });
    // the words as the material writes them, for a typo that swaps two letters of one ("rolelr")
    const written = new Set(this.#documents.flatMap((document) => queryWords(document.passage.text).tokens));
    this.vocabulary = new Vocabulary(all, (term) => this.#postings.get(term)?.length ?? 0, written);
    this.#averageLength =
      this.#documents.reduce((sum, document) => sum + document.length, 0) / Math.max(1, this.#documents.length);
  }

  /**
   * "compliance-test" where the material also writes "compliancetest": a compound written with
   * a hyphen holds the word it makes, as a question writing it as one word reads it.
   */
  #joinWrittenApart(): void {
    const written = new Set(this.#documents.flatMap((document) => [...document.text.keys()]));
    for (const document of this.#documents) {
      for (const [, first = '', last = ''] of document.passage.text.matchAll(/(\p{L}{3,})-(\p{L}{3,})/gu)) {
        const [joined] = contentStems(first + last);
        if (joined !== undefined && written.has(joined) && !document.text.has(joined)) document.text.set(joined, 1);
      }
    }
  }

  /** How telling a term of the knowledge is (its inverse document frequency). */
  weightOf(term: string): number {
    return this.#idf(term);
  }

  /** How telling a term is: rare terms say more (an unknown term is as telling as the rarest). */
  #idf(term: string): number {
    const frequency = this.#postings.get(term)?.length ?? 0;
    const total = this.#documents.length;
    return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  }

  /**
   * The passages that fit the question's words best, best first. Words that describe a record
   * (`described`) count as one term, held by each of the record's passages as its name is.
   */
  search(tokens: string[], options: SearchOptions = {}): SearchResult {
    // one question's words are searched several times as they are (by readings that each take
    // as many hits as they need): worked out once
    const plain = !options.within && (options.described ?? []).length === 0;
    const found = plain ? this.#remembered(tokens, options.phrasing) : this.#search(tokens, options);
    return { ...found, hits: found.hits.slice(0, options.limit ?? 5) };
  }

  readonly #remembered = remembering(
    (tokens: string[], phrasing?: (token: string) => boolean) => `${phrasing ? 'p' : 'n'} ${tokens.join(' ')}`,
    (tokens: string[], phrasing?: (token: string) => boolean) => this.#search(tokens, { phrasing }),
    16,
  );

  /** Every passage that holds any of the question's words, best first. */
  #search(tokens: string[], options: SearchOptions): SearchResult {
    const { terms, unknown, sameWord } = queryTerms(tokens, this.vocabulary, options.phrasing);
    const weights = new Map(terms.map((term) => [term, this.#idf(term)]));
    // one word read as alternatives weighs as its most telling reading, held by holding any
    const wordWeights = new Map<string, number>();
    for (const [term, weight] of weights) {
      const word = sameWord.get(term) ?? term;
      wordWeights.set(word, Math.max(wordWeights.get(word) ?? 0, weight));
    }
    // A word the knowledge never uses is often only said differently ("mikken", "kendetegn"),
    // so it weighs a third of the rarest known word; a word about what klikbot never knows
    // (a salary, a price) weighs so much that nothing covers the question.
    const rarest = Math.log(1 + (this.#documents.length + 0.5) / 0.5);
    const outside = outsideWordsOf(tokens).length;
    const unknownWeight = unknown.length * rarest * unknownShare + outside * rarest * 10;
    const records = this.#describedWeights(options.described ?? [], options.phrasing, rarest);
    for (const [term, weight] of records) {
      weights.set(term, weight);
      wordWeights.set(term, weight);
    }
    const total = [...wordWeights.values()].reduce((sum, weight) => sum + weight, 0) + unknownWeight;
    const scores = new Map<number, { score: number; found: Set<string>; inText: Set<string> }>();
    const entryOf = (index: number) => {
      const entry = scores.get(index) ?? { score: 0, found: new Set<string>(), inText: new Set<string>() };
      scores.set(index, entry);
      return entry;
    };
    for (const term of terms) {
      for (const index of this.#postings.get(term) ?? []) {
        const document = this.#documents[index]!;
        if (options.within && !options.within(document.passage)) continue;
        const frequency = document.text.get(term) ?? 0;
        const norm = k1 * (1 - b + (b * document.length) / Math.max(1, this.#averageLength));
        const inText = frequency > 0 ? (frequency * (k1 + 1)) / (frequency + norm) : 0;
        const inNames = document.names.has(term) ? namesWeight : 0;
        const entry = entryOf(index);
        entry.score += weights.get(term)! * Math.max(inText, inNames);
        entry.found.add(term);
        if (frequency > 0) entry.inText.add(term);
      }
    }
    for (const [term, weight] of records)
      for (const index of this.#records.get(term) ?? []) {
        if (options.within && !options.within(this.#documents[index]!.passage)) continue;
        const entry = entryOf(index);
        entry.score += weight * namesWeight;
        entry.found.add(term);
      }
    const share = (found: Set<string>) => {
      const said = new Set([...found].map((term) => sameWord.get(term) ?? term));
      return total === 0 ? 0 : [...said].reduce((sum, word) => sum + wordWeights.get(word)!, 0) / total;
    };
    const hits: SearchHit[] = [...scores].map(([index, { score, found, inText }]) => ({
      passage: this.#documents[index]!.passage,
      score,
      coverage: share(found),
      textCoverage: share(inText),
      matched: [...found],
    }));
    hits.sort((x, y) => y.score - x.score || y.coverage - x.coverage);
    // the same words in several records (each meeting run's etiquette) are one answer
    const seen = new Set<string>();
    const distinct = hits.filter((hit) => !seen.has(hit.passage.text) && seen.add(hit.passage.text));
    return {
      hits: distinct,
      unknown,
      terms: terms.length + unknown.length + records.size,
      known: [...terms, ...records.keys()],
      weights,
      total,
    };
  }

  /** The weight of each record described, as if its name were said instead of its description. */
  #describedWeights(
    described: DescribedWords[],
    phrasing: ((token: string) => boolean) | undefined,
    rarest: number,
  ): Map<string, number> {
    const weights = new Map<string, number>();
    for (const { kind, recordId, tokens } of described) {
      const { terms, unknown } = queryTerms(tokens, this.vocabulary, phrasing);
      // every word of the description tells, together as much as the rarest name at most
      const said = terms.reduce((sum, term) => sum + this.#idf(term), unknown.length * rarest * unknownShare);
      const weight = Math.min(said, rarest);
      if (weight > 0) weights.set(describedTerm(kind, recordId), weight);
    }
    return weights;
  }

  /** Whether a question's word reaches the knowledge's words (as written, one typo off, or as a compound of two). */
  knows(token: string): boolean {
    const { terms } = queryTerms([token], this.vocabulary);
    return terms.length > 0;
  }

  /** The passage a key names ("topics/implementeringsoverblikket/points.3"), if there is one. */
  passageOf(key: string): Passage | undefined {
    const [kind = '', recordId = '', ...field] = key.split('/');
    return this.passagesOf(kind as KnowledgeKind, recordId).find((passage) => passage.field === field.join('/'));
  }

  /** Every passage of one record, in the record's order (its full card). */
  passagesOf(kind: KnowledgeKind, recordId: string): Passage[] {
    return [...this.#documents.map((document) => document.passage), ...this.#quotedOnly].filter(
      (passage) => passage.kind === kind && passage.recordId === recordId,
    );
  }
}

const built = new WeakMap<Knowledge, FactSearch>();

/** The one search over a loaded knowledge base (built on first use, then shared). */
export function factSearchFor(knowledge: Knowledge): FactSearch {
  const now = concrete(knowledge);
  let search = built.get(now);
  if (!search) built.set(now, (search = new FactSearch(now)));
  return search;
}
