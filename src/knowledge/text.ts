/**
 * Text normalising for Danish questions and names: lower case, accents, punctuation, and
 * folding æ/ø/å against ae/oe/aa. Inflection is the Snowball stemmer's (src/understanding/stem.ts).
 */

const keptLetters = new Set(['æ', 'ø', 'å']);
// Swedish/German letters typed on other keyboards, read as their Danish equivalents.
const foreignLetters: Record<string, string> = { ä: 'æ', ö: 'ø' };

function stripAccent(char: string): string {
  if (keptLetters.has(char)) return char;
  const foreign = foreignLetters[char];
  if (foreign) return foreign;
  return char.normalize('NFD').replace(/\p{M}+/gu, '');
}

// Letters that need no accent stripping: checking for them first keeps the common case fast.
const plainLetters = /^[ -~æøå]*$/;

/**
 * Lower-case; accents removed except æ, ø, å ("Konfigurér" → "konfigurer"); apostrophes
 * dropped ("BBR's" → "bbrs"); other punctuation and hyphens to spaces; whitespace collapsed.
 */
export function normalize(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  const plain = plainLetters.test(lower) ? lower : Array.from(lower, stripAccent).join('');
  return plain
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folds æ/ø/å to ae/oe/aa in normalised text, so both spellings compare equal once both sides are folded. */
export function foldDanish(normalized: string): string {
  return normalized.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

/** The folded words of a text. */
export function words(text: string): string[] {
  const folded = foldDanish(normalize(text));
  return folded === '' ? [] : folded.split(' ');
}
