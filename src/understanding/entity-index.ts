import type { Knowledge } from '../knowledge/registry.js';
import type { EntityKind, SurfaceForm } from './entity-forms.js';
import { surfaceForms } from './entity-forms.js';
import { deletions, editDistance, typoAllowance } from './fuzzy.js';
import { stem } from './stem.js';
import { isCommonDanishWord } from './search/common-words.js';
import { isStopword, isWeakWord } from './stopwords.js';

/** Where a vocabulary string occurs: in which form, at which word (or the whole form joined). */
interface Posting {
  form: number;
  /** The form's words this string stands for, or the whole form. */
  positions: number[] | 'whole';
}

/** How well a stretch of the question matched one word of a name, and where. */
interface Hit {
  quality: number;
  start: number;
  end: number;
}

/** One entity found in a question, with how well and where. */
export interface EntityMatch {
  kind: EntityKind;
  id: string;
  /** 0–1: share of the form's weight found, times the quality of the match. */
  score: number;
  /** The query words it covers, [start, end). */
  start: number;
  end: number;
  /**
   * "named": the question names it. "hinted": only in part ("fordelingsreglerne" fits four
   * tasks), or a name that is also an ordinary word written in lower case ("vejen"); the
   * intent decides whether a hint is enough.
   */
  certainty: 'named' | 'hinted';
}

/** The words of a question as the matcher needs them. */
export interface QueryWords {
  /** Folded words. */
  tokens: string[];
  /** Whether each word was written with a capital letter (not counting the first word). */
  capitalised: boolean[];
}

const exactQuality = 1;
const stemQuality = 0.95;
const typoQuality = 0.85;
const namedCoverage = 0.5;
const hintedCoverage = 0.25;

function addTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A strict form ("strategi B", "SF1511") is named only in full, its short words as written;
 * a long word may carry a typo ("startegi B") where it comes first, and its words come in
 * its order: "a strategy" is an English article before a word, not strategy A.
 */
function strictlyFound(form: SurfaceForm, positions: Map<number | 'whole', Hit>): boolean {
  const whole = positions.get('whole');
  if (whole) return whole.quality === exactQuality;
  const typosForgiven = (form.tokens[0]?.length ?? 0) >= 5;
  let after = -1;
  return form.tokens.every((token, index) => {
    const hit = positions.get(index);
    // in the form's order: "a strategy" is no "strategy A"
    if (hit === undefined || hit.start < after) return false;
    after = hit.end;
    return hit.quality === exactQuality || (typosForgiven && token.length >= 5 && hit.quality >= typoQuality);
  });
}

/** A typo-tolerant lookup of every surface form in the knowledge base, built once per load. */
export class EntityIndex {
  readonly forms: SurfaceForm[];
  readonly #postings = new Map<string, Posting[]>();
  readonly #byStem = new Map<string, string[]>();
  readonly #byDeletion = new Map<string, string[]>();
  readonly #weights = new Map<string, number>();
  readonly #formWeight: number[];
  /** The one-word names of the systems ("bbr", "sapa"), by the thing each names. */
  readonly #systemNames = new Map<string, string>();

  constructor(knowledge: Knowledge) {
    this.forms = surfaceForms(knowledge);
    for (const form of this.forms)
      if (form.tokens.length === 1 && (form.kind === 'itSystem' || form.kind === 'supportSystem'))
        this.#systemNames.set(form.tokens[0]!, form.id);
    const documentFrequency = new Map<string, number>();
    this.forms.forEach((form, index) => {
      for (const token of new Set(form.tokens)) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      form.tokens.forEach((token, position) => {
        this.#addVocabulary(token, { form: index, positions: [position] });
        // "fkadm" for the words "fk adm" inside a longer name
        const next = form.tokens[position + 1];
        if (next !== undefined && form.tokens.length > 2 && !isStopword(token) && !isStopword(next)) {
          this.#addVocabulary(token + next, { form: index, positions: [position, position + 1] });
        }
      });
      if (form.tokens.length > 1) this.#addVocabulary(form.tokens.join(''), { form: index, positions: 'whole' });
    });
    // Rare words identify a thing; words many names share ("fra", "kommune") barely do.
    for (const [token, frequency] of documentFrequency) {
      this.#weights.set(token, isStopword(token) ? 0.05 : Math.log(1 + this.forms.length / frequency));
    }
    this.#formWeight = this.forms.map((form) => form.tokens.reduce((sum, token) => sum + this.weight(token), 0));
  }

  weight(token: string): number {
    return this.#weights.get(token) ?? 0;
  }

  /** Whether the word belongs to some name in the knowledge base (exactly, by stem or by one typo). */
  knows(word: string): boolean {
    return this.#candidates(word).length > 0;
  }

  #addVocabulary(text: string, posting: Posting): void {
    if (!this.#postings.has(text)) {
      addTo(this.#byStem, stem(text), text);
      if (text.length >= 5) for (const variant of [text, ...deletions(text)]) addTo(this.#byDeletion, variant, text);
    }
    addTo(this.#postings, text, posting);
  }

  /**
   * Vocabulary strings the query string may stand for, each with the quality of the match.
   * Typos are forgiven in single words only: two joined words ("vejen kommune") that are one
   * typo from another name ("vejle kommune") are a different name.
   */
  #candidates(text: string, allowTypos = true): [string, number][] {
    const found = new Map<string, number>();
    const offer = (vocabulary: string, quality: number) =>
      found.set(vocabulary, Math.max(found.get(vocabulary) ?? 0, quality));
    if (this.#postings.has(text)) offer(text, exactQuality);
    for (const vocabulary of this.#byStem.get(stem(text)) ?? []) offer(vocabulary, stemQuality);
    // a system's short name with its last letter typed twice ("sapaa", "bbrr") is the name as written: too
    // short for a typo, and a name written strictly ("SAPA") would take no typo
    const once = text.slice(0, -1);
    if (allowTypos && found.size === 0 && text.at(-1) === text.at(-2) && this.#systemNames.has(once))
      offer(once, exactQuality);
    // a typo is looked for only when the word is nothing as written: "vejle" is Vejle, not a typo of Vejen
    if (allowTypos && found.size === 0 && text.length >= 5) {
      for (const variant of [text, ...deletions(text)]) {
        for (const vocabulary of this.#byDeletion.get(variant) ?? []) {
          if (
            !found.has(vocabulary) &&
            editDistance(text, vocabulary, typoAllowance(vocabulary.length)) <= typoAllowance(vocabulary.length)
          ) {
            offer(vocabulary, typoQuality);
          }
        }
      }
    }
    return [...found];
  }

  /** Every form the question names well enough, best first within each kind. */
  match(query: QueryWords): EntityMatch[] {
    const hits = this.#collectHits(query);
    const matches: EntityMatch[] = [];
    for (const [formIndex, positions] of hits) {
      const form = this.forms[formIndex]!;
      const scored = this.#scoreForm(form, formIndex, positions, query);
      if (scored) matches.push(scored);
    }
    return demotePartsOfOtherNames(bestPerEntity(matches));
  }

  #collectHits(query: QueryWords): Map<number, Map<number | 'whole', Hit>> {
    const hits = new Map<number, Map<number | 'whole', Hit>>();
    const { tokens } = query;
    for (let start = 0; start < tokens.length; start += 1) {
      for (let length = 1; length <= 3 && start + length <= tokens.length; length += 1) {
        const text = tokens.slice(start, start + length).join('');
        for (const [vocabulary, quality] of this.#candidates(text, length === 1)) {
          for (const posting of this.#postings.get(vocabulary) ?? []) {
            let positions = hits.get(posting.form);
            if (!positions) hits.set(posting.form, (positions = new Map<number | 'whole', Hit>()));
            for (const position of posting.positions === 'whole' ? ['whole' as const] : posting.positions) {
              const previous = positions.get(position);
              if (!previous || previous.quality < quality)
                positions.set(position, { quality, start, end: start + length });
            }
          }
        }
      }
    }
    return hits;
  }

  #scoreForm(
    form: SurfaceForm,
    formIndex: number,
    positions: Map<number | 'whole', Hit>,
    query: QueryWords,
  ): EntityMatch | undefined {
    const whole = positions.get('whole');
    const span = whole
      ? { score: whole.quality, start: whole.start, end: whole.end }
      : this.#partialScore(form, formIndex, positions);
    if (!span || span.score < hintedCoverage) return undefined;
    if (form.strict && (!strictlyFound(form, positions) || span.end - span.start > form.tokens.length))
      return undefined;
    // "læse" is no typo of Læsø: a municipality reached only by a typo, from a common word, needs
    // writing as a name, and is not even hinted otherwise ("svær at læse" would put Læsø in the question)
    const commonWordTypo =
      form.kind === 'municipality' &&
      span.score < 1 &&
      query.tokens.slice(span.start, span.end).some((token) => isCommonDanishWord(token));
    if (commonWordTypo && !writtenAsName(query, span.start, span.end)) return undefined;
    const properNounMissing = form.needsProperNoun && !writtenAsName(query, span.start, span.end);
    // "BBR login" without "BBR" is no name of BBR's deadline: a system's name left out of a
    // deadline's longer name leaves a hint (a task is found by its other words: "hvornår skal vi
    // anvende Fjernprint?" is DUBU's task, the only one of Fjernprint)
    const systemMissing =
      !whole &&
      form.kind === 'deadline' &&
      form.tokens.some(
        (token, at) => !positions.has(at) && ![undefined, form.id].includes(this.#systemNames.get(token)),
      );
    const certainty = span.score >= namedCoverage && !properNounMissing && !systemMissing ? 'named' : 'hinted';
    return { kind: form.kind, id: form.id, score: span.score, start: span.start, end: span.end, certainty };
  }

  /** The share of the form's weight found; zero unless a word that can identify it was found. */
  #partialScore(
    form: SurfaceForm,
    formIndex: number,
    positions: Map<number | 'whole', Hit>,
  ): { score: number; start: number; end: number } | undefined {
    let found = 0;
    let identifying = false;
    let start = Number.POSITIVE_INFINITY;
    let end = -1;
    for (const [position, hit] of positions) {
      const token = form.tokens[position as number]!;
      found += this.weight(token) * hit.quality;
      if (isStopword(token)) continue;
      // small words found on their own do not stretch the match ("trinene" in "BBR-trinene")
      if (!isWeakWord(token)) identifying = true;
      start = Math.min(start, hit.start);
      end = Math.max(end, hit.end);
    }
    const total = this.#formWeight[formIndex]!;
    return identifying && total > 0 ? { score: found / total, start, end } : undefined;
  }
}

// "Vejen Kommune", or "Vejen" with a capital V in the middle of a sentence.
function writtenAsName(query: QueryWords, start: number, end: number): boolean {
  const next = query.tokens[end];
  if (next === 'kommune' || next === 'kommunes' || next === 'municipality') return true;
  return start > 0 && query.capitalised[start] === true;
}

/**
 * A name matched only in part, where the part is all another thing's whole name, is that
 * other thing ("Fordelingskomponenten" is the support system, not the task "Serviceaftaler
 * for Fordelingskomponenten"): the partial match is only a hint.
 */
function demotePartsOfOtherNames(matches: EntityMatch[]): EntityMatch[] {
  return matches.map((match) => {
    if (match.certainty !== 'named' || match.score >= 0.95) return match;
    const covered = matches.some(
      (other) =>
        other !== match &&
        other.kind !== match.kind &&
        other.score >= 0.95 &&
        other.start <= match.start &&
        other.end >= match.end,
    );
    return covered ? { ...match, certainty: 'hinted' as const } : match;
  });
}

/** Drops a match lying inside a longer one that scores at least as well ("FK" inside "FK-ADM"). */
function withoutContained(matches: EntityMatch[]): EntityMatch[] {
  return matches.filter(
    (inner) =>
      !matches.some(
        (outer) =>
          outer !== inner &&
          outer.score >= inner.score &&
          outer.start <= inner.start &&
          outer.end >= inner.end &&
          outer.end - outer.start > inner.end - inner.start,
      ),
  );
}

function bestPerEntity(matches: EntityMatch[]): EntityMatch[] {
  const best = new Map<string, EntityMatch>();
  for (const match of matches) {
    const key = `${match.kind}:${match.id}`;
    const current = best.get(key);
    if (
      !current ||
      match.score > current.score ||
      (match.score === current.score && match.end - match.start > current.end - current.start)
    ) {
      best.set(key, match);
    }
  }
  return withoutContained([...best.values()]).sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
}
