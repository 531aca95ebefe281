import MiniSearch from 'minisearch';
import { words } from '../knowledge/text.js';
import { examples } from './examples.js';
import { deletions, editDistance } from './fuzzy.js';
import { stem } from './stem.js';
import { isGlueWord } from './stopwords.js';
import type { Intent } from './types.js';

/** The placeholder a named thing becomes before classification: {task} → "xtask". */
export function placeholder(kind: string): string {
  return `x${kind.toLowerCase()}`;
}

const placeholderNames = ['task', 'step', 'role', 'system', 'interface', 'support', 'municipality', 'strategy', 'deadline', 'date'];

function exampleTerms(text: string): string[] {
  const withTokens = text.replace(/\{(\w+)\}/g, (_, name: string) => ` ${placeholder(name)} `);
  return words(withTokens)
    .filter((word) => !isGlueWord(word))
    .map((word) => (word.startsWith('x') && placeholderNames.includes(word.slice(1)) ? word : termOf(word)));
}

/** A question word as the classifier sees it: numbers are all one ("trin 3" ~ "trin 4"), the rest stemmed. */
export function termOf(word: string): string {
  return /^\d+$/.test(word) ? 'xnum' : stem(word);
}

/** The best intents for a question, with BM25 scores. */
export interface Classification {
  ranked: { intent: Intent; score: number }[];
}

/**
 * Nearest-example intent classification: BM25 (MiniSearch) over the example questions, each
 * intent scored by its best example. A full-text index does this better than hand-kept
 * keyword rules, and a new phrasing is one more line in examples.ts.
 */
export class IntentClassifier {
  readonly #index: MiniSearch<{ id: number; intent: Intent; text: string }>;
  readonly #vocabulary = new Set<string>();
  readonly #documentFrequency = new Map<string, number>();
  #documentCount = 0;
  readonly #byDeletion = new Map<string, string[]>();

  constructor() {
    this.#index = new MiniSearch({
      fields: ['text'],
      storeFields: ['intent'],
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    });
    let id = 0;
    const documents = Object.entries(examples).flatMap(([intent, texts]) =>
      texts.map((text) => {
        const terms = exampleTerms(text);
        for (const term of terms) this.#vocabulary.add(term);
        for (const term of new Set(terms)) this.#documentFrequency.set(term, (this.#documentFrequency.get(term) ?? 0) + 1);
        return { id: id++, intent: intent as Intent, text: terms.join(' ') };
      }),
    );
    this.#index.addAll(documents);
    this.#documentCount = documents.length;
    for (const term of this.#vocabulary) {
      if (term.length < 5) continue;
      for (const variant of [term, ...deletions(term)]) {
        const list = this.#byDeletion.get(variant);
        if (list) list.push(term);
        else this.#byDeletion.set(variant, [term]);
      }
    }
  }

  /** Whether the examples use this stem, or one a single typo away. */
  knows(term: string): boolean {
    return this.#vocabulary.has(this.corrected(term));
  }

  /** The example stem a question's stem stands for: itself, or the one a single typo away ("deadliens"). */
  corrected(term: string): string {
    if (term.length < 5 || this.#vocabulary.has(term)) return term;
    for (const variant of [term, ...deletions(term)]) {
      for (const known of this.#byDeletion.get(variant) ?? []) {
        if (editDistance(term, known, 1) <= 1) return known;
      }
    }
    return term;
  }

  /** Ranks intents for the question's terms (stems and placeholders). */
  classify(terms: string[]): Classification {
    const best = new Map<Intent, number>();
    // Terms in a fifth of all examples ("hvad", "er") barely move BM25 but make every
    // example a result to score and sort: leave them out unless nothing else is left.
    const corrected = [...new Set(terms.map((term) => this.corrected(term)))];
    const telling = corrected.filter((term) => (this.#documentFrequency.get(term) ?? 0) <= this.#documentCount * 0.2);
    const query = (telling.length > 0 ? telling : corrected).join(' ');
    for (const result of this.#index.search(query, { combineWith: 'OR' })) {
      const intent = result.intent as Intent;
      best.set(intent, Math.max(best.get(intent) ?? 0, result.score));
    }
    const ranked = [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
    return { ranked };
  }
}
