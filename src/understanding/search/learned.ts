import { foldDanish } from '../../knowledge/text.js';
import { queryWords } from '../query-words.js';
import { stem } from '../stem.js';
import type { FactSearch } from './fact-search.js';
import { conceptsOf } from './question-concepts.js';
import { everydaySynonyms } from './synonyms.js';
import { isCommonTopicTerm, queryTerms } from './terms.js';

/** An answer KOMBIT gave, as the search sees it: the ways of asking it, and the answer's own words. */
export interface LearnedText {
  id: string;
  phrasings: readonly string[];
  answer: string;
}

/** How well a question fits a learned answer. */
export interface LearnedFit {
  id: string;
  /** 0–1: how alike the question and the closest way of asking it are (both ways, each word weighed by how telling it is). */
  alike: number;
  /** 0–1: the share of the question's words found in the ways of asking it or in the answer. */
  covered: number;
}

/**
 * Two terms are one word when one begins the other ("lic" of "licens", "licenc" of "licence"),
 * or when they share most of a long beginning ("kompensation", "kompenser").
 */
const SHARED_BEGINNING = 3;
const LONG_BEGINNING = 5;
const LONG_SHARE = 0.75;

/** How much a concept the question speaks of weighs, beside its words (a rare word of the material weighs about 6). */
const CONCEPT_WEIGHT = 3;

interface Terms {
  /** The term, and how telling it is. */
  weights: Map<string, number>;
}

/**
 * A question's or a phrasing's terms as the knowledge search reads them (English put into
 * Danish, typos corrected to the material's words, compounds split), the words the material does
 * not use kept as stems, and the material's word for an everyday one beside it.
 */
function termsOf(text: string, search: FactSearch): Terms {
  const { tokens } = queryWords(text);
  const read = queryTerms(tokens, search.vocabulary);
  const weights = new Map<string, number>();
  const add = (term: string) => {
    if (weights.has(term)) return;
    // a word of the domain ("rolle", "opgave") says what kind of thing, not which
    weights.set(term, search.weightOf(term) * (isCommonTopicTerm(term) ? 0.4 : 1));
  };
  for (const term of [...read.terms, ...read.unknown]) add(term);
  for (const token of tokens) for (const word of everydaySynonyms.get(foldDanish(token)) ?? []) add(stem(word));
  // what the question is about, in whatever words: "regning" and "koster" both ask about money
  for (const token of tokens)
    for (const concept of conceptsOf(token)) if (!weights.has(concept)) weights.set(concept, CONCEPT_WEIGHT);
  return { weights };
}

function sameTerm(one: string, other: string): boolean {
  if (one === other) return true;
  const [short, long] = one.length <= other.length ? [one, other] : [other, one];
  if (short.length >= SHARED_BEGINNING && long.startsWith(short) && long.length - short.length <= 4) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common += 1;
  return common >= LONG_BEGINNING && common >= LONG_SHARE * short.length;
}

/** The weight of `from`'s terms found among `among`'s, as a share of all of `from`'s. */
function share(from: Terms, among: ReadonlySet<string>): number {
  let found = 0;
  let total = 0;
  for (const [term, weight] of from.weights) {
    total += weight;
    if (among.has(term)) found += weight;
    else
      for (const other of among)
        if (sameTerm(term, other)) {
          found += weight;
          break;
        }
  }
  return total === 0 ? 0 : found / total;
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

/** The beginning two terms must share to be one word (see sameTerm): what the entries are looked up by. */
function beginningOf(term: string): string {
  return term.slice(0, SHARED_BEGINNING);
}

interface Entry {
  id: string;
  phrasings: { terms: Terms; words: ReadonlySet<string> }[];
  /** Every word of its ways of asking and of its answer. */
  everyWord: ReadonlySet<string>;
}

/**
 * The answers KOMBIT gave, searched with the words a question uses: the way it was first
 * asked, the other ways the expert wrote down, and the answer's own words. Built per list of
 * learned answers, so it is built again when one is added, changed or removed; a question is
 * weighed only against the answers that share a word's beginning with it.
 */
export class LearnedSearch {
  readonly #entries: Entry[];
  readonly #byBeginning = new Map<string, Set<number>>();

  constructor(
    entries: readonly LearnedText[],
    private readonly search: FactSearch,
  ) {
    this.#entries = entries.map((entry, index) => {
      const phrasings = entry.phrasings.map((phrasing) => {
        const terms = termsOf(phrasing, search);
        return { terms, words: new Set(terms.weights.keys()) };
      });
      const everyWord = new Set([
        ...phrasings.flatMap((phrasing) => [...phrasing.words]),
        ...termsOf(entry.answer, search).weights.keys(),
      ]);
      for (const word of everyWord) {
        const key = beginningOf(word);
        const list = this.#byBeginning.get(key);
        if (list) list.add(index);
        else this.#byBeginning.set(key, new Set([index]));
      }
      return { id: entry.id, phrasings, everyWord };
    });
  }

  /** The learned answer the question fits best, if any holds a word of it. */
  best(question: string): LearnedFit | undefined {
    const asked = termsOf(question, this.search);
    if (asked.weights.size === 0) return undefined;
    const askedWords = new Set(asked.weights.keys());
    const candidates = new Set<number>();
    for (const word of askedWords)
      for (const index of this.#byBeginning.get(beginningOf(word)) ?? []) candidates.add(index);
    let best: LearnedFit | undefined;
    for (const index of candidates) {
      const entry = this.#entries[index]!;
      const covered = share(asked, entry.everyWord);
      if (covered === 0) continue;
      const alike = Math.max(
        0,
        ...entry.phrasings.map((phrasing) => harmonic(share(asked, phrasing.words), share(phrasing.terms, askedWords))),
      );
      if (!best || alike > best.alike || (alike === best.alike && covered > best.covered))
        best = { id: entry.id, alike, covered };
    }
    return best;
  }
}
