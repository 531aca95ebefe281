import type { Knowledge } from '../knowledge/registry.js';
import type { DescribedKind, Description } from '../knowledge/schemas/descriptions.js';
import { words } from '../knowledge/text.js';
import type { EntityKind } from './entity-forms.js';
import type { EntityMatch } from './entity-index.js';
import { deletions, editDistance, indexByDeletion } from './fuzzy.js';
import { danishFor } from './search/english.js';
import { isSearchStopword } from './search/terms.js';
import { isGlueWord } from './stopwords.js';
import { stem } from './stem.js';
import { remembering } from '../lib/memo.js';

/*
 * A newcomer describes what they cannot name: "den komponent der sender data videre til
 * modtagersystemerne" is Fordelingskomponenten, "det gamle opgavesystem" KIGO. The phrases
 * people use live in data/knowledge/descriptions.json; a question that says most of one of
 * them (its rare words count most) names that record, as its name would.
 */

const entityKinds: Partial<Record<DescribedKind, EntityKind>> = {
  tasks: 'task',
  roles: 'role',
  itSystems: 'itSystem',
  supportSystems: 'supportSystem',
  interfaces: 'interface',
  strategies: 'strategy',
  deadlines: 'deadline',
};

// How much of a phrase (its words weighed by rarity) the question must say, and in how many words
const minimumShare = 0.7;
const minimumWords = 2;
// How a word counts: written as the phrase writes it, or reached by another word or a typo
const exact = 1;
const indirect = 0.9;

interface Phrase {
  /** The record described, as the knowledge files name it. */
  record: DescribedRecord;
  /** The thing a dialog answers about, where the record is one (slides and news are not). */
  entity?: { kind: EntityKind; id: string };
  /** The content words' weights, in the phrase's order. */
  weights: number[];
  total: number;
}

/** A record of the knowledge, as a description names it (a task's step as its task). */
export interface DescribedRecord {
  kind: DescribedKind;
  id: string;
}

/** A record described in a question, and the words that describe it, [start, end). */
export interface DescribedSpan {
  record: DescribedRecord;
  score: number;
  start: number;
  end: number;
  /** Where the phrase's own words stand (the stretch may hold others). */
  said: number[];
}

interface Fit extends DescribedSpan {
  entity?: { kind: EntityKind; id: string };
}

/**
 * Whether a word is part of what a phrase says: the content words, and the longer of the
 * common ones, which may tell one record from another ("allerede" on fælles login is DAR).
 */
function describing(word: string): boolean {
  return !isSearchStopword(word) || (word.length >= 6 && !isGlueWord(word));
}

const particle = /^(ind|ud|op|ned|af|paa)$/;

// The words for a way of doing something, which say the kind of thing and not which: "den
// manuelle løsning" describes what "den manuelle vej" does (whole words: "muligt" is no "mulighed")
const wayWords = new Set([
  'vej',
  'vejen',
  'veje',
  'loesning',
  'loesningen',
  'loesninger',
  'mulighed',
  'muligheden',
  'muligheder',
  'metode',
  'metoden',
  'metoder',
  'maade',
  'maaden',
  'option',
  'options',
  'route',
  'way',
  'ways',
  'approach',
]);
const wayForm = '#way';

/** The forms a word is compared by: its stem, the stems of the material's words for it, and its kind of word. */
function formsOf(word: string): string[] {
  // (a way is any way: "route" is no "router")
  if (wayWords.has(word)) return [wayForm];
  const forms = new Set([stem(word)]);
  const danish = danishFor(word) ?? [];
  // a verb with its particle ("login" is "logge ind") is not its verb alone: "log ud" is its opposite
  if (danish.some((part) => particle.test(part))) return [...forms];
  for (const one of danish) for (const part of words(one)) if (!isSearchStopword(part)) forms.add(stem(part));
  return [...forms];
}

function entityOf(item: Description): { kind: EntityKind; id: string } | undefined {
  const { kind, id, step } = item.describes;
  if (kind === 'tasks' && step !== undefined) return { kind: 'step', id: `${id}#${step}` };
  const entityKind = entityKinds[kind];
  return entityKind ? { kind: entityKind, id } : undefined;
}

/** The records the knowledge's descriptions name, found in a question. */
export class DescribedThings {
  readonly #phrases: Phrase[] = [];
  /** A form to the phrases and word positions it stands in. */
  readonly #postings = new Map<string, [number, number][]>();
  readonly #byDeletion = new Map<string, string[]>();

  constructor(knowledge: Knowledge) {
    const phraseForms: { key: string; target: Pick<Phrase, 'record' | 'entity'>; forms: string[][] }[] = [];
    for (const item of knowledge.descriptions) {
      const entity = entityOf(item);
      const record = { kind: item.describes.kind, id: item.describes.id };
      const key = entity ? `${entity.kind}:${entity.id}` : `${record.kind}:${record.id}`;
      for (const text of [...item.da, ...item.en]) {
        const forms = words(text)
          .filter((word) => describing(word))
          .map((word) => formsOf(word));
        if (forms.length >= minimumWords) phraseForms.push({ key, target: { record, entity }, forms });
      }
    }
    // a word many records' descriptions share ("data", "kommunens") tells them apart less
    const recordsWith = new Map<string, Set<string>>();
    for (const phrase of phraseForms)
      for (const form of phrase.forms.flat()) {
        const records = recordsWith.get(form) ?? new Set<string>();
        records.add(phrase.key);
        recordsWith.set(form, records);
      }
    const recordCount = new Set(phraseForms.map((phrase) => phrase.key)).size;
    phraseForms.forEach((phrase, index) => {
      const weights = phrase.forms.map((forms) =>
        Math.max(...forms.map((form) => Math.log(1 + recordCount / (recordsWith.get(form)?.size ?? 1)))),
      );
      this.#phrases.push({ ...phrase.target, weights, total: weights.reduce((a, b) => a + b, 0) });
      phrase.forms.forEach((forms, position) => {
        for (const form of forms) this.#post(form, index, position);
      });
    });
  }

  #post(form: string, phrase: number, position: number): void {
    const list = this.#postings.get(form);
    if (list) list.push([phrase, position]);
    else {
      this.#postings.set(form, [[phrase, position]]);
      if (form.length >= 6) indexByDeletion(this.#byDeletion, form);
    }
  }

  /**
   * The phrase forms a question's word reaches, each with how well: as written (1), as the
   * material's word for it or one typo off in a longer word (less, so that "fælles login" is
   * the phrase that says "login", not one that says "log ud").
   */
  #reached(word: string): [string, number][] {
    const written = stem(word);
    const forms = formsOf(word).filter((form) => this.#postings.has(form));
    if (forms.length > 0 || word.length < 6)
      return forms.map((form) => [form, form === written ? exact : indirect] as [string, number]);
    const near = new Set<string>();
    for (const variant of [written, ...deletions(written)])
      for (const form of this.#byDeletion.get(variant) ?? []) if (editDistance(written, form, 1) <= 1) near.add(form);
    return [...near].map((form) => [form, indirect]);
  }

  /** The things described beside those named; "hvem …?" names a role by its duties (role-duties.ts), which say more. */
  beside(tokens: string[], named: EntityMatch[]): EntityMatch[] {
    const described = this.find(tokens, named);
    return tokens.includes('hvem') || tokens.includes('who')
      ? described.filter((match) => match.kind !== 'role')
      : described;
  }

  /**
   * The record a question describes, as a match over the words that describe it; nothing where
   * the question names a thing of that kind itself, or two records fit it equally well.
   */
  find(tokens: string[], named: EntityMatch[]): EntityMatch[] {
    const fits = this.#fits(tokens).flatMap((fit): EntityMatch[] =>
      fit.entity
        ? [
            {
              kind: fit.entity.kind,
              id: fit.entity.id,
              score: fit.score,
              start: fit.start,
              end: fit.end,
              certainty: 'named',
            },
          ]
        : [],
    );
    return chosen(fits.filter((fit) => !named.some((match) => match.certainty === 'named' && match.kind === fit.kind)));
  }

  /**
   * Every record the question describes, slides and news too, with the words that describe it:
   * the search reads those words as the record's name ("regnearket over hvilke systemer der
   * skal bruge hvilke komponenter" is the Implementeringsoverblik's, whatever its passages say).
   */
  spans(tokens: string[]): DescribedSpan[] {
    const fits = this.#fits(tokens).map((fit) => ({ ...fit, kind: fit.record.kind, id: fit.record.id }));
    return chosen(fits).map(({ record, score, start, end, said }) => ({ record, score, start, end, said }));
  }

  // one question's words are read several times (its names, then each search of its passages)
  readonly #rememberedFits = remembering(
    (tokens: string[]) => tokens.join(' '),
    (tokens: string[]) => this.#read(tokens),
    64,
  );

  #fits(tokens: string[]): Fit[] {
    return this.#rememberedFits(tokens);
  }

  #read(tokens: string[]): Fit[] {
    const content = tokens.map((token) => describing(token));
    // per phrase, where in the question each of its words stands and how well it matched
    const found = new Map<number, Map<number, { position: number; quality: number }>>();
    tokens.forEach((token, position) => {
      if (!content[position]) return;
      for (const [form, quality] of this.#reached(token))
        for (const [phrase, word] of this.#postings.get(form) ?? []) {
          const words = found.get(phrase) ?? new Map<number, { position: number; quality: number }>();
          // (a word said twice counts where it stands last: "gamle opgaver … i det gamle opgavesystem")
          if ((words.get(word)?.quality ?? 0) <= quality) words.set(word, { position, quality });
          found.set(phrase, words);
        }
    });
    const fits: Fit[] = [];
    for (const [index, all] of found) {
      const phrase = this.#phrases[index]!;
      const matched = onePlaceEach(all);
      if (matched.size < minimumWords) continue;
      let said = 0;
      for (const [word, { quality }] of matched) said += phrase.weights[word]! * quality;
      const share = said / phrase.total;
      const positions = new Map([...matched].map(([word, { position }]) => [word, position]));
      const start = Math.min(...positions.values());
      const end = Math.max(...positions.values()) + 1;
      // the phrase's words may stand apart and in another order ("data … sendes videre … til
      // systemerne"), with no more other content words between them than their own
      if (share < minimumShare || this.#strayWords(content, start, end, positions.size) > positions.size) continue;
      fits.push({
        record: phrase.record,
        entity: phrase.entity,
        score: share,
        start,
        end,
        said: [...positions.values()],
      });
    }
    return fits;
  }

  /** The content words inside a stretch that are not the phrase's own. */
  #strayWords(content: boolean[], start: number, end: number, own: number): number {
    let words = 0;
    for (let index = start; index < end; index += 1) if (content[index]) words += 1;
    return words - own;
  }
}

/**
 * A phrase's words as the question says them, each question word saying one of them only
 * ("compliance" is not also the "certification" a synonym makes of it): the better fit keeps it.
 */
function onePlaceEach(
  matched: Map<number, { position: number; quality: number }>,
): Map<number, { position: number; quality: number }> {
  const taken = new Set<number>();
  const kept = new Map<number, { position: number; quality: number }>();
  for (const [word, hit] of [...matched].sort((x, y) => y[1].quality - x[1].quality || x[0] - y[0])) {
    if (taken.has(hit.position)) continue;
    taken.add(hit.position);
    kept.set(word, hit);
  }
  return kept;
}

/**
 * The best fit of each kind, best first, where it does not overlap a better one; none of a kind
 * where two records fit equally well.
 */
function chosen<Fit extends { kind: string; id: string; score: number; start: number; end: number }>(
  fits: Fit[],
): Fit[] {
  fits.sort((x, y) => y.score - x.score || y.end - y.start - (x.end - x.start));
  const kept: Fit[] = [];
  const doubtful = new Set<string>();
  for (const fit of fits) {
    const sameKind = fits.find((other) => other.kind === fit.kind);
    if (sameKind !== fit) {
      if (sameKind && sameKind.id !== fit.id && sameKind.score === fit.score) doubtful.add(fit.kind);
      continue;
    }
    if (kept.every((other) => fit.end <= other.start || fit.start >= other.end)) kept.push(fit);
  }
  return kept.filter((fit) => !doubtful.has(fit.kind));
}
