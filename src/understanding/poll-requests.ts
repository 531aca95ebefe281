import type { Language } from '../core/types.js';
import { splitPollSentence } from '../polls/parse-poll.js';
import { queryWords } from './query-words.js';
import { noEntities, type Intent, type Understanding } from './types.js';

/**
 * Sentences that run a poll: "afstemning: Hvilken strategi vælger I? | A | B | C" creates one,
 * "luk" / "luk afstemningen" closes the conversation's open poll, "slet afstemningen" deletes
 * it, and "hvordan laver jeg en afstemning?" asks how. They are recognised by how they open
 * and the words they use, never by resemblance to the example questions, so no question
 * about tasks or deadlines can be read as one.
 */

const pollWords = new Set([
  'afstemning',
  'afstemningen',
  'afstemninger',
  'afstemningerne',
  'poll',
  'pollen',
  'polls',
  'survey',
]);
const createWords = new Set([
  'lav',
  'lave',
  'laver',
  'opret',
  'oprette',
  'opretter',
  'start',
  'starte',
  'starter',
  'ny',
  'nyt',
  'new',
  'create',
  'make',
  'run',
  'koer',
  'koere',
]);
const closeWords = new Set(['luk', 'lukke', 'afslut', 'stop', 'close', 'end']);
const deleteWords = new Set(['slet', 'slette', 'fjern', 'fjerne', 'delete', 'remove']);
// What may stand beside the verb and the poll word in a command: "luk afstemningen nu, tak"
const politeWords = new Set([
  'den',
  'denne',
  'the',
  'this',
  'nu',
  'now',
  'tak',
  'please',
  'venligst',
  'bare',
  'igen',
  'min',
  'vores',
  'my',
  'our',
]);

/** Longer texts than this are no command, whatever they open with. */
const MAX_COMMAND_WORDS = 6;
const MAX_HOW_TO_WORDS = 10;

function understood(intent: Intent, language: Language, pollText?: string): Understanding {
  return {
    intent,
    confidence: 0.95,
    entities: { ...noEntities(), ...(pollText !== undefined ? { pollText } : {}) },
    language,
  };
}

// Courtesy before a command: "ok klikbot, luk afstemningen"
const leadingWords = new Set(['ok', 'okay', 'klikbot']);

/** "luk", "luk afstemningen", "slet afstemningen", "close the poll": a verb, a poll word, and nothing else. */
function command(words: string[]): Intent | undefined {
  const start = words.findIndex((word) => !leadingWords.has(word));
  const tokens = start === -1 ? [] : words.slice(start);
  const [verb, ...rest] = tokens;
  if (verb === undefined || tokens.length > MAX_COMMAND_WORDS) return undefined;
  // "luk" alone, as a host says it at the end of a vote; "slet" alone is too little to delete on
  if (rest.length === 0) return verb === 'luk' || verb === 'close' ? 'poll.close' : undefined;
  if (
    !rest.some((token) => pollWords.has(token)) ||
    !rest.every((token) => pollWords.has(token) || politeWords.has(token))
  )
    return undefined;
  if (closeWords.has(verb)) return 'poll.close';
  if (deleteWords.has(verb)) return 'poll.delete';
  return undefined;
}

/**
 * A poll sentence read, or undefined when the text is about something else. A text that
 * opens as a poll is read whole, however long, so that the dialog can say what is wrong
 * with it; the sentence itself goes to the dialog as `pollText`.
 */
export function pollRequest(text: string, language: Language): Understanding | undefined {
  const sentence = splitPollSentence(text);
  if (sentence !== undefined && sentence.body !== '') return understood('poll.create', language, text);
  const { tokens } = queryWords(text.slice(0, 200));
  const commanded = command(tokens);
  if (commanded) return understood(commanded, language);
  // "afstemning", "ny afstemning med indstillinger": how to write one
  if (sentence !== undefined) return understood('poll.create', language, text);
  // "hvordan laver jeg en afstemning?", "how do I create a poll?"
  const asksHow =
    tokens.length <= MAX_HOW_TO_WORDS &&
    tokens.some((token) => pollWords.has(token)) &&
    tokens.some((token) => createWords.has(token));
  return asksHow ? understood('poll.create', language) : undefined;
}
