import { editDistance } from './fuzzy.js';
import type { ReportedStatus } from './types.js';

/**
 * Sentences that tell klikbot something rather than ask it: "BBR trin 3 er fuldført", "vi er
 * Aarhus Kommune". They change what is stored, so they are recognised by their form as well
 * as by the example sentences, and a question is never read as one.
 */

// The words that ask for someone or something ("hvem", "which"), not whether
const whWords = ['hvor', 'hvem', 'hvad', 'hvilke', 'hvilken', 'hvilket', 'who', 'what', 'which', 'where', 'whom'];
// Words that make a sentence a question wherever they stand, an embedded one included
// ("jeg vil gerne vide om BBR trin 2 er fuldført", "tell me if step 5 is done").
const questionWords = new Set([
  ...whWords,
  'hvornaar',
  'hvordan',
  'hvorfor',
  'hvormange',
  'om',
  'vide',
  'spoerger',
  'spoerge',
  'undrer',
  'how',
  'when',
  'why',
  'whats',
  'if',
  'whether',
  'wonder',
  'tell',
  'know',
]);
// Verbs that make a sentence a question when they open it ("er BBR trin 3 fuldført").
const questionOpeners = new Set([
  'er',
  'har',
  'kan',
  'mon',
  'skal',
  'ved',
  'is',
  'are',
  'have',
  'has',
  'did',
  'do',
  'does',
  'can',
  'should',
]);

/** Whether the words (and a question mark, `marked`) make the sentence a question. */
export function isQuestion(tokens: string[], marked: boolean): boolean {
  if (marked) return true;
  const first = tokens[0];
  return (first !== undefined && questionOpeners.has(first)) || tokens.some((token) => questionWords.has(token));
}

/** "kan vi bruge beskedfunktionen i KLIK?", "should we email?": a question answered yes or no, asking for no one and nothing. */
export function asksYesOrNo(tokens: string[]): boolean {
  const first = tokens[0];
  return first !== undefined && questionOpeners.has(first) && !tokens.some((token) => whWords.includes(token));
}

const negation = String.raw`(ikke|not|never|aldrig|haven t|hasn t|havent|hasnt|have not|has not)`;
const startWords = String.raw`(paabegyndt|startet|started|begyndt|begun|i gang|igang|start|starte|begynde|begin)`;
const doneWords = [
  'fuldfoert',
  'fuldfoerte',
  'faerdig',
  'faerdige',
  'faerdigt',
  'faerdiggjort',
  'afsluttet',
  'afsluttede',
  'gennemfoert',
  'klaret',
  'done',
  'finished',
  'completed',
  'complete',
  'finish',
];
const startedWords = [
  'paabegyndt',
  'paabegyndte',
  'startet',
  'startede',
  'begyndt',
  'begyndte',
  'started',
  'begun',
  'igang',
];

// "fuldførrt", "påbegynt": one typo in a longer status word is still that word
function isWordOf(token: string, list: string[]): boolean {
  return (
    list.includes(token) ||
    (token.length >= 6 && list.some((word) => word.length >= 6 && editDistance(token, word, 1) <= 1))
  );
}

/** The status word ("faerdige") a word one typo off ("faedige") stands for, if any. */
export function statusWordFor(token: string): string | undefined {
  if (token.length < 6) return undefined;
  return [...doneWords, ...startedWords].find((word) => word.length >= 6 && editDistance(token, word, 1) <= 1);
}

/**
 * The status a sentence reports, in its own words: "fuldført", "færdige med", "done" → done;
 * "gået i gang", "påbegyndt", "startet" → started; "ikke startet", "ikke påbegyndt" →
 * not-started. "Ikke færdig" says neither, so no status.
 */
export function reportedStatus(tokens: string[]): ReportedStatus | undefined {
  const joined = tokens.join(' ');
  // "BBR trin 1 tal: ikke startet / startet / færdig" names every status, so it reports none
  if (statusesNamed(tokens) > 1) return undefined;
  if (new RegExp(String.raw`\b${negation}( \w+){0,2} ${startWords}\b`).test(joined)) return 'not-started';
  const negatedDone = tokens.some(
    (token, index) =>
      isWordOf(token, doneWords) &&
      tokens.slice(Math.max(0, index - 3), index).some((word) => /^(ikke|not|t|aldrig|never)$/.test(word)),
  );
  if (negatedDone) return undefined;
  if (/\bi gang\b|\bin progress\b|\bworking on\b/.test(joined) || tokens.some((token) => isWordOf(token, startedWords)))
    return 'started';
  if (tokens.some((token) => isWordOf(token, doneWords))) return 'done';
  return undefined;
}

/** How many of the three statuses the words name. */
function statusesNamed(tokens: string[]): number {
  const isStatus = (word: string) => isWordOf(word, startedWords) || isWordOf(word, doneWords);
  // a "not" within two words before it, with no other status word between ("not started / done")
  const negated = (index: number) => {
    for (let back = index - 1; back >= Math.max(0, index - 2); back -= 1) {
      const word = tokens[back]!;
      if (/^(ikke|not|t|aldrig|never)$/.test(word)) return true;
      if (isStatus(word)) return false;
    }
    return false;
  };
  let notStarted = false;
  let started = false;
  let done = false;
  tokens.forEach((token, index) => {
    if (isWordOf(token, startedWords) || token === 'start') {
      if (negated(index)) notStarted = true;
      else started = true;
    } else if (isWordOf(token, doneWords) && !negated(index)) done = true;
  });
  // "i gang", "in progress", "working on" say started as the single words do
  if (/\bi gang\b|\bin progress\b|\bworking on\b/.test(tokens.join(' '))) started = true;
  return [notStarted, started, done].filter(Boolean).length;
}

// How a sentence saying which municipality one belongs to opens, in folded words.
const joinOpeners: string[][] = [
  ['vi', 'er', 'fra'],
  ['jeg', 'er', 'fra'],
  ['vi', 'er'],
  ['jeg', 'er'],
  ['vi', 'hoerer', 'til'],
  ['jeg', 'hoerer', 'til'],
  ['vi', 'tilhoerer'],
  ['jeg', 'tilhoerer'],
  ['vi', 'kommer', 'fra'],
  ['jeg', 'kommer', 'fra'],
  ['jeg', 'sidder', 'i'],
  ['vi', 'sidder', 'i'],
  ['jeg', 'arbejder', 'i'],
  ['jeg', 'arbejder', 'for'],
  ['jeg', 'arbejder', 'hos'],
  ['jeg', 'arbejder', 'paa'],
  ['vi', 'arbejder', 'i'],
  ['jeg', 'repraesenterer'],
  ['vi', 'repraesenterer'],
  ['min', 'kommune', 'er'],
  ['vores', 'kommune', 'er'],
  ['meld', 'mig', 'ind', 'i'],
  ['meld', 'mig', 'til'],
  ['skift', 'min', 'kommune', 'til'],
  ['skift', 'kommune', 'til'],
  ['saet', 'min', 'kommune', 'til'],
  ['we', 'are', 'from'],
  ['we', 'are'],
  ['we', 're'],
  ['i', 'am', 'from'],
  ['i', 'am'],
  ['i', 'm', 'from'],
  ['i', 'm'],
  ['im', 'from'],
  ['i', 'work', 'for'],
  ['i', 'work', 'at'],
  ['i', 'work', 'in'],
  ['we', 'work', 'for'],
  ['i', 'represent'],
  ['we', 'represent'],
  ['my', 'municipality', 'is'],
  ['our', 'municipality', 'is'],
  ['i', 'belong', 'to'],
  ['we', 'belong', 'to'],
  ['set', 'my', 'municipality', 'to'],
];
const greetings = new Set(['hej', 'hi', 'hello', 'goddag', 'ja', 'yes', 'ok', 'okay']);
// Words that may stand beside the name without making the sentence about something else.
const besideTheName = new Set([
  'kommune',
  'kommunes',
  'municipality',
  'council',
  'city',
  'og',
  'tak',
  'the',
  'of',
  'i',
  'fra',
  'from',
  'in',
  'for',
  'programleder',
  'programme',
  'program',
  'leader',
  'manager',
  'som',
]);

// Openers that speak for a group ("vi er", "vores kommune er", "we are", "our municipality is").
const groupWords = new Set(['vi', 'vores', 'we', 'our']);

/** How a joining sentence opens: where the words after the opener begin, and whether it speaks for a group. */
export interface JoinOpener {
  from: number;
  /** "vi er …", "we are …": said for everyone in the conversation, not only oneself. */
  plural: boolean;
}

/**
 * The joining opener the sentence starts with ("vi er", "jeg er fra", "we are"): where the
 * words after it begin, or undefined when the sentence does not open that way.
 */
export function joinOpener(tokens: string[]): JoinOpener | undefined {
  const start = tokens[0] !== undefined && greetings.has(tokens[0]) ? 1 : 0;
  const opener = joinOpeners.find((words) => words.every((word, offset) => tokens[start + offset] === word));
  return opener ? { from: start + opener.length, plural: groupWords.has(opener[0]!) } : undefined;
}

/**
 * Whether every word from `from` on is part of the municipality's name (the spans given) or
 * a word that may stand beside it: "vi er Aarhus Kommune", not "vi er Aarhus' SAPA-ansvarlige".
 */
export function onlyTheName(tokens: string[], from: number, spans: { start: number; end: number }[]): boolean {
  return tokens
    .slice(from)
    .every(
      (token, offset) =>
        besideTheName.has(token) || spans.some((span) => span.start <= from + offset && from + offset < span.end),
    );
}
