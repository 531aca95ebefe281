import { queryWords } from './query-words.js';

/*
 * "hvad står KSD for?", "what does TAC stand for?", "hvad er SPLUNK en forkortelse for?": the
 * letters of a short form asked to be spelled out. Only a record that spells them out answers
 * that (an IT system's full name as the material gives it, a glossary word's expansion, a role
 * or support system named by its short form); the rest of the material says what the thing
 * does, which is no answer to what its letters stand for. Only a word written as a short form
 * ("KSD", "ØiR", "FK-ADM") is asked about so: "hvad står kommunen for?" asks what it does.
 */

// the longest short form asked about, in words ("FK ADM"), and the words said around it ("SKI egentlig")
const longestShortForm = 2;
const filler = /^(egentlig|egentligt|lige|actually|really|exactly|even)$/;
// a short name typed in small letters is known by its length ("ky", "sts", "fk-adm")
const shortestName = 6;
/** The words of asking what letters stand for, besides the letters ("står", typed "star"). */
export const standsForWords = /^(for|staar|star|stand|stands|short|forkortelse|forkortelsen|abbreviation|acronym)$/;

const joins = new Set(['og', 'and']);

/** The two spans of two short forms asked at once ("STS og SP"), or the one span. */
export function eachShortForm(tokens: string[], [start, end]: [number, number]): [number, number][] {
  const join = tokens.slice(start, end).findIndex((token) => joins.has(token));
  return join > 0
    ? [
        [start, start + join],
        [start + join + 1, end],
      ]
    : [[start, end]];
}

/** The words of a text written as short forms ("KSD", "ØiR"), as the question's tokens read them; none where all is capitals. */
function shortForms(text: string): Set<string> {
  const forms = new Set<string>();
  if (text === text.toLocaleUpperCase('da')) return forms;
  for (const word of text.match(/[\p{L}\d][\p{L}\d/-]*/gu) ?? [])
    if ((word.match(/\p{Lu}/gu)?.length ?? 0) >= 2) for (const token of queryWords(word).tokens) forms.add(token);
  return forms;
}

/** The words asked about, without those said around them ("TAC egentlig"). */
export function saidLetters(tokens: string[], [start, end]: [number, number]): string[] {
  return tokens.slice(start, end).filter((token) => !filler.test(token));
}

/**
 * Where the letters asked about stand in the question, [start, end), if it asks what a short
 * form stands for. `known` says whether a word is a short name the knowledge has ("ky" typed
 * small is KY).
 */
export function lettersAsked(
  tokens: string[],
  text: string,
  known: (token: string) => boolean = () => false,
): [number, number] | undefined {
  const forms = shortForms(text);
  const letters = (start: number, end: number): [number, number] | undefined => {
    if (start < 0 || end <= start) return undefined;
    const said = saidLetters(tokens, [start, end]);
    const short = (token: string) => forms.has(token) || (token.length <= shortestName && known(token));
    const one = (words: string[]) => words.length > 0 && words.length <= longestShortForm && words.every(short);
    // ("hvad står STS og SP for?": two short forms asked at once)
    const join = said.findIndex((token) => joins.has(token));
    const both = join > 0 && one(said.slice(0, join)) && one(said.slice(join + 1));
    return one(said) || both ? [start, end] : undefined;
  };
  // "hvad står KSD for?", "hvad står TAC for i BBR trin 1?" (also typed "star")
  const stands = tokens.findIndex((token, index) => /^(staar|star)$/.test(token) && tokens[index - 1] === 'hvad');
  if (stands > 0) return letters(stands + 1, tokens.indexOf('for', stands + 1));
  // "what does TAC stand for?", "what is TAC short for?"
  const stand = tokens.findIndex((token, index) => /^(stand|stands|short)$/.test(token) && tokens[index + 1] === 'for');
  if (stand > 0) {
    const opener = tokens.slice(0, stand).findLastIndex((token) => /^(does|do|is|s)$/.test(token));
    return letters(opener + 1, stand);
  }
  // "hvad er SPLUNK en forkortelse for?", "is TAC an abbreviation?"
  const short = tokens.findIndex((token) => /^(forkortelse|abbreviation|acronym)$/.test(token));
  if (short > 1 && /^(en|an|a)$/.test(tokens[short - 1] ?? '')) {
    const opener = tokens.slice(0, short).findLastIndex((token) => /^(er|is)$/.test(token));
    return letters(opener + 1, short - 1);
  }
  // "hvad betyder forkortelsen TAC?", "what does the abbreviation TAC mean?"
  const named = tokens.findIndex((token) => /^(forkortelsen|abbreviation)$/.test(token));
  return named >= 0 ? letters(named + 1, named + 2) : undefined;
}

/**
 * Whether a longer name is what a short form is short for: its letters taken in order and from
 * the first ("fordelingskomponenten" of "fk", "fk-administrator" of "fk-adm"; not
 * "kombit-spoc" of "spoc", nor "øir" of itself).
 */
export function isShortFor(short: string, name: string): boolean {
  const letters = short.replace(/[^\p{L}\d]/gu, '');
  if (name.length <= letters.length + 2 || name.charAt(0) !== letters.charAt(0)) return false;
  let at = 0;
  for (const letter of letters) {
    at = name.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
