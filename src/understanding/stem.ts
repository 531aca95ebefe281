import snowball from 'snowball-stemmers';

// The Danish Snowball stemmer handles inflection ("superbrugeren", "fordelingsreglerne")
// better than a suffix list of our own, and is the reference algorithm for Danish.
const danish = snowball.newStemmer('danish');
const cache = new Map<string, string>();
const cacheLimit = 50_000;

// Snowball leaves "-ering" on a noun made from a verb ("opdatering", "implementering") but
// strips the verb's own endings ("opdateret" → "opdat"): the noun is read as its verb, so "under
// opdatering" and "bliver opdateret" meet
// ("klargøring", "bogføring" end in "-øring"; "justering", "præcisering" would leave a word of
// its own, "just", "præcis": only a verb of five letters or more is read)
const ering = /^(.{5,})ering$/;
const leftAlone = new Set(['præcis']);

function withoutEring(stemmed: string): string {
  const verb = ering.exec(stemmed)?.[1];
  return verb === undefined || leftAlone.has(verb) ? stemmed : verb;
}

// Snowball reads "regler" as "regl" but leaves "regel" ("eksempel"/"eksempler", "titel"/"titler"):
// an "-el" after a consonant is read without its "e", so both forms meet
const el = /^(.{2,}[^aeiouyæøå])el$/;
// ("handel" is no "handler", the verb of what a thing is about)
const elLeftAlone = new Set(['handel']);

function withoutEl(stemmed: string): string {
  const head = el.exec(stemmed)?.[1];
  return head === undefined || elLeftAlone.has(stemmed) ? stemmed : `${head}l`;
}

const distributes = /^fordeler(?:en|e|ne)?$/;

/** The Danish stem of a folded word (æ/ø/å as ae/oe/aa are stemmed after unfolding). */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  // "dataene", "temaene": a noun ending in "-a" keeps it before "-ene", which Snowball reads as "dataen"
  if (word.length >= 7 && /[^aeo]aene$/.test(word)) return stem(word.slice(0, -3));
  // "eksempelvis": by way of example is an example
  if (word === 'eksempelvis') return stem('eksempel');
  // "den der fordeler sagerne", "fordeleren": who or what distributes is no advantage ("fordel"),
  // though Snowball reads both as "fordl"
  if (distributes.test(word)) return 'fordeler';
  const unfolded = word.replace(/ae/g, 'æ').replace(/oe/g, 'ø').replace(/aa/g, 'å');
  const result = withoutEl(withoutEring(danish.stem(unfolded)))
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa');
  // long "words" are noise (a pasted hash, a run of letters): stemmed, never cached
  if (word.length > 40) return result;
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(word, result);
  return result;
}
