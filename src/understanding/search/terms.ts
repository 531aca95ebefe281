import { monthCutShort } from '../../lib/months.js';
import { stem } from '../stem.js';
import { queryWords } from '../query-words.js';
import { isStopword } from '../stopwords.js';
import { danishFor, danishForMisspelt } from './english.js';
import { everydaySynonyms } from './synonyms.js';
import { isCommonDanishWord } from './common-words.js';
import { particles, type Vocabulary } from './vocabulary.js';
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

// "overblik over implementeringen" is the "implementeringsoverblik": a noun, a preposition, a noun
const ofWords = new Set(['over', 'for', 'af', 'til']);

/** "overblik over implementeringen" → "implementeringsoverblik", where the material writes that compound. */
function compoundOf(head: string, of: string | undefined, modifier: string | undefined, vocabulary: Vocabulary) {
  if (of === undefined || modifier === undefined || !ofWords.has(of) || head.length < 4) return undefined;
  // the modifier as it opens a compound: its stem, or the word without its ending ("implementeringen")
  const bases = new Set([stem(modifier), modifier.replace(/(?:erne|ene|en|et|er)$/, '')]);
  // … or a compound people use for one of the material's ("liste over roller" is a "rolleliste")
  return [...bases]
    .flatMap((base) => [`${base}s${head}`, `${base}${head}`, `${base}e${head}`])
    .find((compound) => vocabulary.has(stem(compound)) || everydaySynonyms.has(compound));
}

// how far back the verb of "tager et nyt system i brug" may stand from its "i brug"
const splitVerbReach = 4;

/**
 * "tager et nyt system i brug": a verb whose "i" and noun the material writes in front of it as
 * one word ("ibrugtager"); the position of the verb and the compound.
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
    // … and an English noun whose Danish is the head of the compound before it says that compound
    // again ("kick-off meetings" are "opstartsmøder", not those and any "møder")
    if (bothEnglish && next !== undefined && stem(word) !== stem(next) && stem(word).endsWith(stem(next))) {
      content.splice(index + 1, 1);
      words.splice(index + 1, 1);
    }
    const lettered = vocabulary.withDanishLetters(word);
    const known =
      (lettered && stem(lettered)) ?? vocabulary.corrected(stem(word)) ?? misspeltGlossaryTerm(word, vocabulary);
    const opened = known ? [] : vocabulary.compoundsOpenedBy(word);
    const verb = known || opened.length > 0 ? undefined : vocabulary.particleNoun(word);
    if (known) add(known, source);
    else if (opened.length > 0) opened.forEach((compound) => add(compound, source));
    else if (verb) add(verb, source);
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
