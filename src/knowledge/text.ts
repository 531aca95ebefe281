/**
 * Text matching for Danish questions against names in the knowledge base: normalising,
 * folding æ/ø/å against ae/oe/aa, and word comparison that tolerates Danish inflection
 * ("superbrugeren" ~ "superbruger", "udpege" ~ "udpeg").
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

/** True when the phrase's words occur together, in order, as whole words of the haystack (both normalised). */
export function matchesPhrase(haystackNormalized: string, phraseNormalized: string): boolean {
  const phrase = foldDanish(phraseNormalized).trim();
  if (phrase === '') return false;
  return ` ${foldDanish(haystackNormalized)} `.includes(` ${phrase} `);
}

// Danish noun/verb/adjective endings, folded; longest first so the shortest stem is tried last.
const suffixes = [
  'ernes', 'erens', 'elsen', 'erne', 'eren', 'else', 'ede', 'ene', 'ens', 'ere', 'ers', 'ets', 'nes',
  'de', 'en', 'er', 'es', 'et', 'ne', 'ns', 'rs', 'te', 'ts', 'e', 'n', 'r', 's', 't',
];
const minimumStem = 4;

// Every question compares each of its words with every name in the knowledge base, so a
// word's stems are worked out once; the cache is bounded so odd input cannot grow it forever.
const stemCache = new Map<string, ReadonlySet<string>>();
const stemCacheLimit = 20_000;

function stems(word: string): ReadonlySet<string> {
  const cached = stemCache.get(word);
  if (cached) return cached;
  const found = new Set([word]);
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minimumStem) found.add(word.slice(0, -suffix.length));
  }
  if (stemCache.size >= stemCacheLimit) stemCache.clear();
  stemCache.set(word, found);
  return found;
}

/** Whether two folded words are the same word up to a Danish inflection ending. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const stemsOfA = stems(a);
  for (const stem of stems(b)) if (stemsOfA.has(stem)) return true;
  return false;
}

/** Whether `phrase` occurs in `text` as consecutive words, each up to inflection, or written as one compound word. */
export function containsWords(text: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  const joinedPhrase = phrase.join('');
  for (let start = 0; start < text.length; start += 1) {
    if (phrase.every((word, offset) => text[start + offset] !== undefined && sameWord(text[start + offset] ?? '', word))) return true;
    // "fk ansvarlig" written "fkansvarlig", or "superbruger" written "super bruger"
    for (let length = 1; length <= phrase.length + 1 && start + length <= text.length; length += 1) {
      if ((length > 1 || phrase.length > 1) && sameWord(text.slice(start, start + length).join(''), joinedPhrase)) return true;
    }
  }
  return false;
}
