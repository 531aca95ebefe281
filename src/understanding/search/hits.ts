import type { KnowledgeKind } from '../../knowledge/registry.js';
import type { Passage } from './passages.js';

/* What the search over every passage (fact-search.ts) is asked and what it finds. */

/** One passage found for a question, with how well it fits. */
export interface SearchHit {
  passage: Passage;
  /** BM25 over the passage's words and, weighted less, its record's names. */
  score: number;
  /**
   * 0–1: the share of the question's content (each word weighed by how rare it is) found in
   * the passage or its record's names. Words the knowledge does not know count as not found.
   */
  coverage: number;
  /** The same share, of the words found in the passage's own text (not its record's names). */
  textCoverage: number;
  /** The question's terms found in the passage or its record's names. */
  matched: string[];
}

/** Words of the question that describe one record without naming it (described-things.ts). */
export interface DescribedWords {
  kind: KnowledgeKind;
  recordId: string;
  tokens: string[];
}

/** How a search is asked: how many hits, among which passages, and how questions are phrased. */
export interface SearchOptions {
  limit?: number;
  within?: (passage: Passage) => boolean;
  phrasing?: (token: string) => boolean;
  described?: DescribedWords[];
}

/** What the search made of a question. */
export interface SearchResult {
  hits: SearchHit[];
  /** The question's content words that the knowledge does not use at all ("løn", "licens"). */
  unknown: string[];
  /** How many content terms the question has. */
  terms: number;
  /** The question's terms the knowledge uses. */
  known: string[];
  /** How telling each of those terms is, and the weight of the whole question they are part of. */
  weights: Map<string, number>;
  total: number;
}
