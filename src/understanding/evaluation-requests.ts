import type { Reading } from './reading.js';
import { noEntities, type Intent, type Understanding } from './types.js';

/**
 * The end-of-meeting evaluation in words: "start evaluering" (or just "evaluering", "kort
 * evaluering"), "luk evalueringen", "evalueringens resultat", "evaluering csv", and the
 * English ones. Short commands recognised by their whole wording, never by resemblance, and
 * never as a follow-up: "hvad er en evaluering?" stays a question.
 */

const evaluationWords = new Set(['evaluering', 'evalueringen', 'evaluation', 'evalueringsskema', 'evalueringsskemaet']);
const resultWords = new Set(['resultat', 'resultatet', 'resultater', 'resultaterne', 'result', 'results', 'svarene']);
const startVerbs = new Set([
  'start',
  'starte',
  'starter',
  'begynd',
  'begynde',
  'aabn',
  'aabne',
  'open',
  'begin',
  'lav',
  'koer',
  'run',
  'send',
  'ny',
  'new',
]);
const closeVerbs = new Set(['luk', 'lukke', 'afslut', 'afslutte', 'slut', 'stop', 'stoppe', 'close', 'end', 'finish']);
const answerVerbs = new Set(['svar', 'besvar', 'answer', 'udfyld', 'fill', 'tag', 'take']);
const showVerbs = new Set(['vis', 'se', 'show', 'see', 'get']);
const exportVerbs = new Set(['eksporter', 'eksport', 'export', 'hent', 'download', 'csv']);
// Words that change nothing, wherever they stand: "ok klikbot, start en kort evaluering nu, tak"
const filler = new Set([
  'ok',
  'okay',
  'klikbot',
  'tak',
  'please',
  'venligst',
  'nu',
  'now',
  'lad',
  'os',
  'lets',
  's',
  'let',
  'en',
  'et',
  'den',
  'det',
  'a',
  'an',
  'the',
  'vores',
  'our',
  'dagens',
  'todays',
  'today',
  'kort',
  'korte',
  'short',
  'quick',
  'af',
  'for',
  'of',
  'fra',
  'from',
  'som',
  'as',
  'med',
  'with',
  'paa',
  'in',
  'out',
]);

// Longer than this is a sentence about something, not a command.
const MAX_WORDS = 10;

/** "evalueringens", "evalueringsresultatet": an evaluation word and, in the same word, perhaps its results. */
function readWord(token: string): { evaluation: boolean; results: boolean } {
  if (evaluationWords.has(token)) return { evaluation: true, results: false };
  if (token === 'evalueringens' || token === 'evaluations') return { evaluation: true, results: false };
  if (token.startsWith('evalueringsresultat')) return { evaluation: true, results: true };
  return { evaluation: false, results: false };
}

function commandOf(tokens: readonly string[]): Intent | undefined {
  const words = tokens.filter((token) => !filler.has(token));
  if (words.length === 0 || tokens.length > MAX_WORDS) return undefined;
  const read = words.map(readWord);
  if (!read.some((word) => word.evaluation)) return undefined;
  const rest = words.filter((_word, index) => !read[index]!.evaluation);
  const results = read.some((word) => word.results) || rest.some((word) => resultWords.has(word));
  // every other word must be one of the command's own
  const known = (word: string) =>
    [resultWords, startVerbs, answerVerbs, closeVerbs, showVerbs, exportVerbs].some((set) => set.has(word));
  if (!rest.every(known)) return undefined;
  if (rest.some((word) => exportVerbs.has(word))) return 'evaluation.csv';
  if (rest.some((word) => closeVerbs.has(word))) return 'evaluation.close';
  if (results || rest.some((word) => showVerbs.has(word))) return 'evaluation.results';
  if (rest.some((word) => answerVerbs.has(word))) return 'evaluation.answer';
  return 'evaluation.start';
}

/** An evaluation command, when the sentence is one (never a question). */
export function evaluationCommand(reading: Reading): Understanding | undefined {
  if (reading.questionMark) return undefined;
  const intent = commandOf(reading.tokens);
  return intent ? { intent, confidence: 0.95, entities: noEntities(), language: reading.language } : undefined;
}
