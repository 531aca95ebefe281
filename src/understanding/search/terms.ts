import { monthCutShort } from '../../lib/months.js';
import { deletions, editDistance, mayBeTypoOf } from '../fuzzy.js';
import { stem } from '../stem.js';
import { queryWords } from '../query-words.js';
import { isStopword } from '../stopwords.js';
import { danishFor, danishForMisspelt } from './english.js';
import { isCommonDanishWord, isCommonStem } from './common-words.js';
import { isEverydayWord } from './everyday-words.js';

// Words the name matcher treats as too common to name a thing, but which say what a passage
// is about ("trin", "rolle", "deadline"); the search weighs them by how rare they are instead.
const topicWords = new Set([
  'kombit',
  'klik',
  'opgave',
  'opgaver',
  'opgaven',
  'rolle',
  'roller',
  'rollen',
  'kommune',
  'kommuner',
  'kommunen',
  'kommunes',
  'deadline',
  'deadlines',
  'status',
  'sts',
  'sp',
  'service',
  'sikkerhed',
  'trin',
  'trinene',
  'starter',
  'slutter',
  'starte',
  'slutte',
  'bruges',
  'svar',
  'opdateres',
  'hele',
  'lave',
  'tage',
  'holde',
  'kommer',
  'sender',
  'give',
  'giver',
  'se',
  'ser',
  'tale',
  'ligger',
  'findes',
  'kun',
  'mange',
  'ny',
  'nye',
]);

const topicStems = new Set([...topicWords].map((word) => stem(word)));

/** Whether a term is one of the common words of the domain ("rolle", "opgave", "trin"): it says what kind of thing, not which. */
export function isCommonTopicTerm(term: string): boolean {
  return topicStems.has(term);
}

// "ift.", "mht.", "vedr.": "regarding", written short; the slides' titles use them too
// ("KOMBITs rolle ift. SKI 02.19"), which is no reason to find a passage by them
const regarding = new Set(['ift', 'ifm', 'mht', 'vedr', 'angaaende', 'vedroerende']);

/** Whether a folded word is a function word the search leaves out ("rollerne" is a topic word as much as "rolle"). */
export function isSearchStopword(word: string): boolean {
  return regarding.has(word) || (!topicWords.has(word) && !topicStems.has(stem(word)) && isStopword(word));
}

/** The stems of a text's content words, in order. */
export function contentStems(text: string): string[] {
  // read as questions are read, so "SF1511" and "trin 3" split the same way on both sides
  return queryWords(text)
    .tokens.filter((word) => !isSearchStopword(word))
    .map((word) => stem(word));
}

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
      if (known.length < 5) continue;
      for (const variant of [known, ...deletions(known)]) {
        const list = this.#byDeletion.get(variant);
        if (list) list.push(known);
        else this.#byDeletion.set(variant, [known]);
      }
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
    // … or, in a long word, one letter wrong ("complience"), where one word of the material fits
    const fitting = (this.#writtenByShape.get(shapeOf(word)) ?? []).filter(
      (known) => editDistance(word, known, 1) <= 1,
    );
    return fitting.length === 1 ? fitting[0] : undefined;
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

// The particles of Danish particle verbs, which the written compound puts first ("dele op" / "opdele")
const particles = new Set(['op', 'ind', 'ud', 'ned', 'af', 'sammen']);

// "overblik over implementeringen" is the "implementeringsoverblik": a noun, a preposition, a noun
const ofWords = new Set(['over', 'for', 'af', 'til']);

/** "overblik over implementeringen" → "implementeringsoverblik", where the material writes that compound. */
function compoundOf(head: string, of: string | undefined, modifier: string | undefined, vocabulary: Vocabulary) {
  if (of === undefined || modifier === undefined || !ofWords.has(of) || head.length < 4) return undefined;
  // the modifier as it opens a compound: its stem, or the word without its ending ("implementeringen")
  const bases = new Set([stem(modifier), modifier.replace(/(?:erne|ene|en|et)$/, '')]);
  return [...bases]
    .flatMap((base) => [`${base}s${head}`, `${base}${head}`, `${base}e${head}`])
    .find((compound) => vocabulary.has(stem(compound)));
}

// how far back the verb of "tager et nyt system i brug" may stand from its "i brug"
const splitVerbReach = 4;

/**
 * "tager et nyt system i brug", "sat i drift": a verb whose "i" and noun the material writes in
 * front of it as one word ("ibrugtager", "idriftsat"); the position of the verb and the compound.
 */
function splitCompoundVerb(before: string[], word: string, next: string | undefined, vocabulary: Vocabulary) {
  if (word !== 'i' || next === undefined || next.length < 3) return undefined;
  for (let at = before.length - 1; at >= Math.max(0, before.length - splitVerbReach); at -= 1) {
    const compound = `i${next}${before[at]!}`;
    if (vocabulary.has(stem(compound))) return { at, compound };
  }
  return undefined;
}

/**
 * "delt op", "logge ind": a verb with its particle, where the material writes the compound
 * ("opdelt"); "overblik over implementeringen": two nouns the material writes as one.
 */
function joinParticleVerbs(tokens: string[], vocabulary: Vocabulary): string[] {
  const joined: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const word = tokens[index]!;
    const next = tokens[index + 1];
    const compound = compoundOf(word, next, tokens[index + 2], vocabulary);
    const split = splitCompoundVerb(joined, word, next, vocabulary);
    if (compound) {
      joined.push(compound);
      index += 2;
    } else if (split !== undefined) {
      joined[split.at] = split.compound;
      index += 1;
    } else if (next !== undefined && particles.has(next) && !particles.has(word) && vocabulary.has(stem(next + word))) {
      joined.push(next + word);
      index += 1;
    } else joined.push(word);
  }
  return joined;
}

/** "kick-off", "support system": two neighbouring words the glossary knows as one word, joined. */
function joinEnglishPairs(tokens: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const pair = tokens[index]! + (tokens[index + 1] ?? '');
    // (a letter is a name of its own: "strategi C" is no "strategic"; the "e" of "e-mail" is none)
    const word = (token: string) => token.length > 1 || token === 'e';
    const words = index + 1 < tokens.length && word(tokens[index]!) && word(tokens[index + 1]!);
    if (words && danishFor(pair) !== undefined) {
      joined.push(pair);
      index += 1;
    } else joined.push(tokens[index]!);
  }
  return joined;
}

// "nummeret på Nicolai" is a phone number; "nummeret på snitfladen", "trin nummer 3" are not
const numberedThing =
  /^(trin\w*|step\w*|snitflade\w*|interface\w*|sf|aftale\w*|rammeaftale\w*|gruppe\w*|version\w*|opgave\w*)$/;

/** Whether "nummer"/"nummeret" in a question asks for a phone number: no numbered thing of the material is named. */
export function asksANumber(tokens: string[]): boolean {
  return (
    tokens.some((token) => token === 'nummer' || token === 'nummeret') &&
    !tokens.some((token) => numberedThing.test(token))
  );
}

/** "sept", "okt": a month's name cut short, where the word is no everyday word of its own ("jul" is Christmas). */
function isMonthCutShort(word: string): boolean {
  return monthCutShort(word) !== undefined && !isCommonDanishWord(word);
}

/** "sildes" is "slides", which the material calls "plancher": a glossary word one typo off, as the knowledge's term. */
function misspeltGlossaryTerm(word: string, vocabulary: Vocabulary): string | undefined {
  // a word of how people ask is no typo of another ("slutter" is not "sletter")
  if (isStopword(word) || isEverydayWord(word) || isCommonTopicTerm(stem(word))) return undefined;
  const [danish] = danishForMisspelt(word) ?? [];
  return danish === undefined || isSearchStopword(danish) ? undefined : vocabulary.corrected(stem(danish));
}

/** A word's length and first letter: a word one letter wrong has the same. */
function shapeOf(word: string): string {
  return `${word.length}${word[0]}`;
}

/** Whether two words are forms of one ("nyt", "nye"; "kildedatasystem", "kildesystem"). */
function sameBeginning(one: string, other: string): boolean {
  const length = Math.min(4, one.length - 1, other.length - 1);
  return length >= 2 && one.slice(0, length) === other.slice(0, length);
}

/**
 * A question's content words as the search's terms: English words put into Danish, each word
 * stemmed and corrected to the vocabulary, two words written apart joined, a compound split.
 * Words the knowledge does not know, nor the way questions are asked, count against a match.
 */
export function queryTerms(
  tokens: string[],
  vocabulary: Vocabulary,
  phrasing: (token: string) => boolean = () => false,
): { terms: string[]; unknown: string[]; sameWord: Map<string, string> } {
  const terms: string[] = [];
  const unknown: string[] = [];
  // the terms one word of the question was read as ("kildesystemer" as "kildedatasystem" or
  // "kildesystem"): alternatives, of which a passage need hold one
  const sameWord = new Map<string, string>();
  const add = (term: string, word: string) => {
    terms.push(term);
    if (!sameWord.has(term)) sameWord.set(term, word);
  };
  const phone = asksANumber(tokens);
  const words = joinParticleVerbs(joinEnglishPairs(tokens), vocabulary)
    .flatMap((token, source) => {
      // (the number of a numbered thing asks which one: no word of the material's)
      if (token === 'nummeret')
        return (phone ? ['telefon'] : []).map((word) => ({ word, english: false, source: `${source}` }));
      const danish = danishFor(token);
      // the material's words for one word are alternatives where they are forms of one word
      // ("kildedatasystem", "kildesystem"), a phrase where they are not ("KMD Sag")
      return (danish ?? [token]).map((word, at, all) => ({
        word,
        english: danish !== undefined,
        source: at === 0 || sameBeginning(all[0]!, word) ? `${source}` : `${source}:${at}`,
      }));
    })
    // a month cut short ("sept") dates the question, as a month written out does: no term of it
    .filter(({ word }) => !isSearchStopword(word) && !isMonthCutShort(word));
  const content = words.map(({ word }) => word);
  for (let index = 0; index < content.length; index += 1) {
    const word = content[index]!;
    const next = content[index + 1];
    // (a first part cut short is no word of its own: "impl.overblikket" is the implementeringsoverblik)
    const cut =
      next === undefined || vocabulary.has(stem(word)) ? undefined : vocabulary.compoundCutShort(word, stem(next));
    const joined = next === undefined ? undefined : (cut ?? vocabulary.corrected(stem(word + next)));
    // two English nouns in a row are one Danish compound where the material has it
    // ("municipality days" are "kommunedage"); Danish words written apart join only when the first is unknown
    const bothEnglish = words[index]!.english && words[index + 1]?.english === true;
    const source = `${words[index]!.source}`;
    if (joined && (!vocabulary.has(stem(word)) || (bothEnglish && vocabulary.has(stem(word + next!))))) {
      add(joined, source);
      index += 1;
      continue;
    }
    const lettered = vocabulary.withDanishLetters(word);
    const known =
      (lettered && stem(lettered)) ?? vocabulary.corrected(stem(word)) ?? misspeltGlossaryTerm(word, vocabulary);
    if (known) add(known, source);
    else {
      const renamed = word.length >= 8 ? vocabulary.compoundBySynonym(word, danishFor) : undefined;
      const parts = renamed || word.length < 7 ? undefined : vocabulary.split(word);
      const compound = renamed ?? (parts ? undefined : vocabulary.compoundFor(stem(word)));
      // (the parts of a compound are each asked, no alternatives)
      if (parts) parts.forEach((part, at) => add(part, `${source}.${at}`));
      else if (compound) add(compound, source);
      // a word of how people ask ("egentlig", "ligger", "fortælle") is no topic the data lacks
      else if (!/^\d+$/.test(word) && !phrasing(word) && !isEverydayWord(word)) unknown.push(stem(word));
    }
  }
  return { terms: [...new Set(terms)], unknown, sameWord };
}
