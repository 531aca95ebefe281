import snowball from 'snowball-stemmers';

// The Danish Snowball stemmer handles inflection ("superbrugeren", "fordelingsreglerne")
// better than a suffix list of our own, and is the reference algorithm for Danish.
const danish = snowball.newStemmer('danish');
const cache = new Map<string, string>();
const cacheLimit = 50_000;

/** The Danish stem of a folded word (æ/ø/å as ae/oe/aa are stemmed after unfolding). */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const unfolded = word.replace(/ae/g, 'æ').replace(/oe/g, 'ø').replace(/aa/g, 'å');
  const result = danish.stem(unfolded).replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  // long "words" are noise (a pasted hash, a run of letters): stemmed, never cached
  if (word.length > 40) return result;
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(word, result);
  return result;
}
