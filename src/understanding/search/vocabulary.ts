import { deletions, editDistance, indexByDeletion, mayBeTypoOf } from '../fuzzy.js';
import { stem } from '../stem.js';
import { isCommonDanishWord, isCommonStem } from './common-words.js';

// A stem used in this few passages may be a word typed without æ, ø or å ("mod" for "mød")
const rareStem = 2;
// … and one that is a common word as typed must be this often in the material ("mødet", not "større")
const oftenUsed = 5;

const derivations: [RegExp, string][] = [
  [/ering/, 'ation'],
  [/ation/, 'ering'],
  // "administrere" (stem "administr") is the material's "administrator" and "administration";
  // "kvartal" its "kvartalsvis"
  [/^(\p{L}{6,})$/u, '$1ator'],
  [/^(\p{L}{6,})$/u, '$1ation'],
  [/^(\p{L}{6,})$/u, '$1svis'],
  // "opdeling" is the material's "opdelt"
  [/^(\p{L}{4,})ing$/u, '$1t'],
];

/** The same word with its Latin suffix said the Danish way, or the other way round. */
function derivedVariants(term: string): string[] {
  return derivations
    .filter(([pattern]) => pattern.test(term))
    .map(([pattern, replacement]) => term.replace(pattern, replacement));
}

// The particles of Danish particle verbs, which the written compound puts first ("dele op" / "opdele")
export const particles = new Set(['op', 'ind', 'ud', 'ned', 'af', 'sammen']);
// a first part that opens more of the material's compounds than this says too little to choose
const maximumOpened = 3;
// a word cut short is searched as the one word it begins from this length ("udrulningspl"), and
// read as that word by the names and intents from a longer one ("stoettesys"): a shorter one is
// too often a whole word the material does not use ("adresser", "signatur")
const shortestCutShort = 8;
const shortestCutShortName = 10;

/**
 * The vocabulary of the knowledge: every stem, with a typo-tolerant lookup and the compounds
 * it can make, so that "contex", "Organisaton", "fordelings reglerne" and "jobfunktion roller"
 * reach the words the data uses.
 */
export class Vocabulary {
  readonly #stems = new Set<string>();
  readonly #byDeletion = new Map<string, string[]>();
  readonly #corrections = new Map<string, string | null>();
  readonly #cutShort = new Map<string, string | null>();
  readonly #respellings = new Map<string, string | null>();
  readonly #openedBy = new Map<string, string[]>();
  /** The last part of the knowledge's compounds ("galleri" of "rollegalleri"), to the compound. */
  readonly #heads = new Map<string, string>();

  /** How many passages use a stem (0 for one it does not know). */
  readonly #frequency: (term: string) => number;

  /** The material's words as written (folded), where known. */
  readonly #written: ReadonlySet<string>;
  /** Its long words by length and first letter, for a letter typed wrong. */
  readonly #writtenByShape = new Map<string, string[]>();

  constructor(
    stems: Iterable<string>,
    frequency: (term: string) => number = () => 1,
    written: ReadonlySet<string> = new Set(),
  ) {
    this.#frequency = frequency;
    this.#written = written;
    for (const known of written) {
      if (known.length < 8) continue;
      const list = this.#writtenByShape.get(shapeOf(known));
      if (list) list.push(known);
      else this.#writtenByShape.set(shapeOf(known), [known]);
    }
    for (const one of stems) this.#stems.add(one);
    for (const known of [...this.#stems].sort((x, y) => x.length - y.length)) {
      for (let cut = 3; known.length - cut >= 5; cut += 1) {
        const head = known.slice(cut);
        if (!this.#stems.has(head) && !this.#heads.has(head)) this.#heads.set(head, known);
      }
    }
    for (const known of this.#stems) {
      if (known.length >= 5) indexByDeletion(this.#byDeletion, known);
    }
  }

  has(term: string): boolean {
    return this.#stems.has(term);
  }

  /** The known stem a question's stem stands for: itself, one typo away, or none. */
  corrected(term: string): string | undefined {
    if (this.#stems.has(term)) return term;
    const cached = this.#corrections.get(term);
    if (cached !== undefined) return cached ?? undefined;
    // "eskalering" and "eskalation", "integrering" and "integration": one word, two suffixes
    let found = derivedVariants(term).find((variant) => this.#stems.has(variant));
    // a word everyone uses is that word, not a typo of the material's ("smart" is no "start")
    if (!found && term.length >= 5 && !isCommonStem(term)) {
      const limit = term.length >= 9 ? 2 : 1;
      const candidates = [term, ...deletions(term)].flatMap((variant) => this.#byDeletion.get(variant) ?? []);
      const fits = (known: string) => mayBeTypoOf(term, known);
      found =
        candidates.find((known) => fits(known) && editDistance(term, known, limit) <= 1) ??
        candidates.find((known) => fits(known) && editDistance(term, known, limit) <= limit);
    }
    if (this.#corrections.size > 20_000) this.#corrections.clear();
    this.#corrections.set(term, found ?? null);
    return found;
  }

  /**
   * "modet" typed for "mødet", "maned" for "måned": a word written without ø or å, as the
   * word with them (folded: "moedet") where the material uses that much more often than the
   * word as typed ("mod" is only in "B-mode"). Undefined where the word as typed is likelier.
   */
  withDanishLetters(word: string): string | undefined {
    if (word.length < 4 || /ae|oe|aa|\d/.test(word)) return undefined;
    // a common word as typed ("store" is big) gives way only to a word the material uses often ("mødet")
    const common = isCommonDanishWord(word);
    const asTyped = this.#frequency(stem(word));
    if (asTyped > rareStem) return undefined;
    let best: string | undefined;
    let bestFrequency = Math.max(asTyped * 3, common ? oftenUsed - 1 : 0);
    for (let index = 0; index < word.length; index += 1) {
      const letter = word[index];
      // ø and å typed as o and a; an æ typed as a or e is too often another word ("varer", "vaerer")
      if (letter !== 'o' && letter !== 'a') continue;
      const variant = `${word.slice(0, index)}${letter === 'o' ? 'oe' : 'aa'}${word.slice(index + 1)}`;
      const frequency = this.#frequency(stem(variant));
      if (frequency > bestFrequency) [best, bestFrequency] = [variant, frequency];
    }
    return best;
  }

  /**
   * "rolelr" typed for "roller", "projketer" for "projekter": a word with two letters swapped
   * or one too many, as the word the material writes, where the typed word's own stem
   * is no word of it (a typo in an inflected word is out of the stem's reach: "rolelr" is
   * three letters from "rol"). Undefined where no such word is, or the word is an everyday one.
   */
  respelt(word: string): string | undefined {
    const kept = this.#respellings.get(word);
    if (kept !== undefined) return kept ?? undefined;
    const found = this.#respell(word);
    if (this.#respellings.size > 20_000) this.#respellings.clear();
    this.#respellings.set(word, found ?? null);
    return found;
  }

  #respell(word: string): string | undefined {
    if (word.length < 5 || /\d/.test(word) || this.#stems.has(stem(word)) || isCommonDanishWord(word)) return undefined;
    // (the first letter is rarely wrong in a short word)
    const from = word.length >= 8 ? 0 : 1;
    const variants: string[] = [];
    for (let index = from; index < word.length - 1; index += 1)
      if (word[index] !== word[index + 1])
        variants.push(`${word.slice(0, index)}${word[index + 1]}${word[index]}${word.slice(index + 2)}`);
    // (a letter typed twice: "opgavver"; any other letter left out may make another word, "rolled" no "rolle")
    if (word.length >= 6)
      for (let index = Math.max(from, 1); index < word.length; index += 1)
        if (word[index] === word[index - 1]) variants.push(word.slice(0, index) + word.slice(index + 1));
    // (a word the material writes: "temaer" is no "teamer", though "team" is a stem of it)
    const found = variants.find((variant) => this.#written.has(variant));
    if (found || word.length < 8) return found;
    // … or, in a long word, one letter wrong ("complience") or one too many ("godkendeds"),
    // where one word of the material fits
    const fitting = (this.#writtenByShape.get(shapeOf(word)) ?? []).filter(
      (known) => editDistance(word, known, 1) <= 1,
    );
    const shorter = deletions(word).filter((variant) => this.#written.has(variant));
    const all = [...new Set([...fitting, ...shorter])];
    return all.length === 1 ? all[0] : undefined;
  }

  /**
   * "impl.overblikket", "org. data": a compound whose first part is cut short, as the
   * material's one compound that begins so and ends in the next word's stem. Undefined where
   * none or several do.
   */
  compoundCutShort(prefix: string, next: string): string | undefined {
    if (prefix.length < 3 || prefix.length > 6 || next.length < 4) return undefined;
    const key = `${prefix} ${next}`;
    const cached = this.#cutShort.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = [...this.#stems].filter(
      (known) => known.length > prefix.length + next.length && known.startsWith(prefix) && known.endsWith(next),
    );
    if (this.#cutShort.size > 5_000) this.#cutShort.clear();
    this.#cutShort.set(key, found.length === 1 ? found[0]! : null);
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * "fordelings-tingen", "bygnings- og …": a first part with its joining "s", said alone, as the
   * material's compounds it opens (a few at most, as alternatives); none where it opens many.
   */
  compoundsOpenedBy(word: string): string[] {
    // … or a long word cut short ("fordelingskomp.", "udrulningspl."): the one word it begins
    const joining = word.length >= 6 && word.endsWith('s');
    const cutShort = word.length >= shortestCutShort;
    if (!joining && !cutShort) return [];
    const cached = this.#openedBy.get(word);
    if (cached) return cached;
    // (a word of the material's own opens nothing: it is that word)
    const found = this.#stems.has(stem(word))
      ? []
      : [...this.#stems].filter((known) => known.startsWith(word) && known.length >= word.length + 2);
    const opened = joining && found.length <= maximumOpened ? found : found.length === 1 ? found : [];
    if (this.#openedBy.size > 5_000) this.#openedBy.clear();
    this.#openedBy.set(word, opened);
    return opened;
  }

  /** "stoettesys", "fordelingskomp": the one word of the material a long word cut short begins, if it is one. */
  cutShort(word: string): string | undefined {
    if (word.length < shortestCutShortName) return undefined;
    const opened = this.compoundsOpenedBy(word);
    return opened.length === 1 ? opened[0] : undefined;
  }

  /**
   * "oprydningen", "nedlukning": a particle verb's noun, as the verb the material writes apart
   * ("Ryd op", "Luk ned"), where its stem is known and the noun is not.
   */
  particleNoun(word: string): string | undefined {
    const particle = [...particles].find((one) => word.startsWith(one));
    if (!particle || this.#stems.has(stem(word))) return undefined;
    const verb = word.slice(particle.length).replace(/n?ing(?:en|er|erne)?$/, '');
    if (verb.length < 3 || verb === word.slice(particle.length)) return undefined;
    return [verb, `${verb}e`].map((form) => stem(form)).find((form) => this.#stems.has(form));
  }

  /** The knowledge's compound a word names by its last part: "galleriet" → "rollegalleri". */
  compoundFor(term: string): string | undefined {
    return term.length >= 5 ? this.#heads.get(term) : undefined;
  }

  /**
   * "implementeringsoversigt" → "implementeringsoverblik": a compound whose last part is said in
   * other words than the material's compound ("oversigt" for "overblik"), as that compound.
   */
  compoundBySynonym(word: string, synonym: (part: string) => string[] | undefined): string | undefined {
    for (let cut = 3; cut <= word.length - 4; cut += 1) {
      const [head, tail] = [word.slice(0, cut), word.slice(cut)];
      for (const material of synonym(tail) ?? synonym(stem(tail)) ?? []) {
        const compound = this.corrected(stem(head + material));
        if (compound && compound.length > material.length + 2) return compound;
      }
    }
    return undefined;
  }

  /** "adgangsstyringen" → "adgang" + "styring": a compound read as two known stems, if it is one. */
  split(word: string): string[] | undefined {
    for (let cut = word.length - 3; cut >= 3; cut -= 1) {
      const right = stem(word.slice(cut));
      if (!this.#stems.has(right)) continue;
      const head = word.slice(0, cut);
      // Danish joins compounds with an "s" or "e": "fordelings|regler", "rolle|galleri"
      for (const left of [head, head.replace(/[se]$/, '')]) {
        if (left.length >= 3 && this.#stems.has(stem(left))) return [stem(left), right];
      }
    }
    return undefined;
  }
}

/** A word's length and first letter: a word one letter wrong has the same. */
function shapeOf(word: string): string {
  return `${word.length}${word[0]}`;
}
