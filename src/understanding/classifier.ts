import { words } from '../knowledge/text.js';
import { examples } from './examples.js';
import { deletions, editDistance, indexByDeletion } from './fuzzy.js';
import { stem } from './stem.js';
import { isGlueWord } from './stopwords.js';
import type { Intent } from './types.js';

/** The placeholder a named thing becomes before classification: {task} → "xtask". */
export function placeholder(kind: string): string {
  return `x${kind.toLowerCase()}`;
}

const placeholderNames = [
  'task',
  'step',
  'role',
  'system',
  'interface',
  'support',
  'municipality',
  'strategy',
  'deadline',
  'date',
];

function isPlaceholder(term: string): boolean {
  return term.startsWith('x') && placeholderNames.includes(term.slice(1));
}

function exampleTerms(text: string): string[] {
  const withTokens = text.replace(/\{(\w+)\}/g, (_, name: string) => ` ${placeholder(name)} `);
  return words(withTokens)
    .filter((word) => !isGlueWord(word))
    .map((word) => (isPlaceholder(word) ? word : termOf(word)));
}

/** A question word as the classifier sees it: numbers are all one ("trin 3" ~ "trin 4"), the rest stemmed. */
export function termOf(word: string): string {
  return /^\d+$/.test(word) ? 'xnum' : stem(word);
}

/** The best intents for a question, with BM25 scores. */
export interface Classification {
  ranked: { intent: Intent; score: number }[];
}

// BM25+ as MiniSearch scores it (k 1.2, b 0.7, d 0.5, times the number of query terms found),
// so the examples rank the same way.
const k1 = 1.2;
const b = 0.7;
const d = 0.5;

/**
 * Nearest-example intent classification: BM25 over the example questions, each intent scored
 * by its best example; a new phrasing is one more line in examples/. The scoring is written
 * out here rather than run through MiniSearch: its per-result objects and full sort took
 * most of the 0.5 ms a question may cost, and a few hundred short examples need neither.
 */
export class IntentClassifier {
  readonly #postings = new Map<string, Map<number, number>>();
  readonly #lengths: number[] = [];
  readonly #intents: Intent[] = [];
  #averageLength = 0;
  /** The terms that tell one intent or two, not how any question is asked ("brugere", not "hvor mange"). */
  readonly #topical = new Set<string>();
  readonly #vocabulary = new Set<string>();
  readonly #byDeletion = new Map<string, string[]>();

  constructor() {
    for (const [intent, texts] of Object.entries(examples)) {
      for (const text of texts) this.#add(intent as Intent, exampleTerms(text));
    }
    for (const [term, posting] of this.#postings) {
      const intents = new Set([...posting.keys()].map((document) => this.#intents[document]));
      if (!isPlaceholder(term) && intents.size <= 2) this.#topical.add(term);
    }
    this.#averageLength = this.#lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.#lengths.length);
    for (const term of this.#vocabulary) {
      if (term.length >= 5) indexByDeletion(this.#byDeletion, term);
    }
  }

  #add(intent: Intent, terms: string[]): void {
    const document = this.#intents.length;
    this.#intents.push(intent);
    this.#lengths.push(terms.length);
    for (const term of terms) {
      this.#vocabulary.add(term);
      let posting = this.#postings.get(term);
      if (!posting) this.#postings.set(term, (posting = new Map<number, number>()));
      posting.set(document, (posting.get(document) ?? 0) + 1);
    }
  }

  /** Whether an intent's own examples use this stem (or one a single typo away): the intent explains the word. */
  explains(intent: Intent, term: string): boolean {
    const posting = this.#postings.get(this.corrected(term));
    return posting !== undefined && [...posting.keys()].some((document) => this.#intents[document] === intent);
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
    const documents = this.#intents.length;
    // Terms in a fifth of all examples ("hvad", "er") barely move BM25 but make every
    // example a candidate: leave them out unless nothing else is left. A named thing is
    // always telling, however many examples name one.
    const corrected = [...new Set(terms.map((term) => this.corrected(term)))];
    const telling = corrected.filter(
      (term) => isPlaceholder(term) || (this.#postings.get(term)?.size ?? 0) <= documents * 0.2,
    );
    const scores = new Float64Array(documents);
    const matched = new Uint16Array(documents);
    // an example of what klikbot never knows ("hvor mange brugere har {system}") fits only a
    // question with its topic's word: sharing how it is asked ("hvor mange trin har BBR?") is not enough
    const onTopic = new Uint8Array(documents);
    for (const term of telling.length > 0 ? telling : corrected) {
      const posting = this.#postings.get(term);
      if (!posting) continue;
      if (this.#topical.has(term)) for (const document of posting.keys()) onTopic[document] = 1;
      const idf = Math.log(1 + (documents - posting.size + 0.5) / (posting.size + 0.5));
      for (const [document, frequency] of posting) {
        const norm = k1 * (1 - b + (b * this.#lengths[document]!) / this.#averageLength);
        scores[document]! += idf * (d + (frequency * (k1 + 1)) / (frequency + norm));
        matched[document]! += 1;
      }
    }
    const best = new Map<Intent, number>();
    for (let document = 0; document < documents; document += 1) {
      if (matched[document] === 0) continue;
      const intent = this.#intents[document]!;
      if (intent === 'unknown' && !onTopic[document]) continue;
      const score = scores[document]! * matched[document]!;
      if (score > (best.get(intent) ?? 0)) best.set(intent, score);
    }
    const ranked = [...best].map(([intent, score]) => ({ intent, score })).sort((x, y) => y.score - x.score);
    return { ranked };
  }
}
