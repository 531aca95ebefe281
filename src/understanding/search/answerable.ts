import type { SearchResult } from './fact-search.js';

// How much of the question a passage must hold to be quoted as the answer: most of its
// content, weighed by rarity, with no unknown word left over that the data never mentions.
const minimumCoverage = 0.6;
// A further passage is quoted beside the best only when it fits nearly as well.
const companionShare = 0.8;
const maximumPassages = 3;

/** The passages that answer the question well enough to quote, best first; empty when none do. */
export function answeringPassages(result: SearchResult): SearchResult['hits'] {
  const best = result.hits[0];
  // one word ("og KY?") says what about, not what is asked
  if (!best || best.coverage < minimumCoverage || result.terms < 2) return [];
  return result.hits
    .filter((hit) => hit === best || (hit.coverage >= best.coverage * companionShare && hit.score >= best.score * companionShare))
    .slice(0, maximumPassages);
}
