import { foldDanish, normalize } from '../knowledge/text.js';
import type { QueryWords } from './entity-index.js';

// Chat abbreviations, written out before anything else reads the words.
const abbreviations: Record<string, string[]> = {
  spm: ['spoergsmaal'],
  kbh: ['koebenhavn'],
  cph: ['koebenhavn'],
  evt: ['eventuelt'],
  pga: ['paa', 'grund', 'af'],
};

/** The folded words of a question and which of them were written with a capital letter. */
export function queryWords(text: string): QueryWords {
  const raw = text.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const tokens: string[] = [];
  const capitalised: boolean[] = [];
  for (const word of raw) {
    const folded = foldDanish(normalize(word));
    // "trin2", "os2": a number written onto a word is a word of its own
    const parts = folded.split(' ').flatMap((part) => part.split(/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/u));
    for (const part of parts.filter(Boolean)) {
      for (const written of abbreviations[part] ?? [part]) {
        tokens.push(written);
        capitalised.push(/^\p{Lu}/u.test(word));
      }
    }
  }
  return { tokens, capitalised };
}
