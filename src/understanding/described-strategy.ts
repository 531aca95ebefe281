import type { FactSearch } from './search/fact-search.js';
import type { Passage } from './search/passages.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "hvad er ulemperne ved at taste org data manuelt i brugerfladen?", "how fast can we be ready
 * if we key the data in by hand?": one strategy's side asked about by what the strategy does,
 * not by its name. The strategy whose own passages hold the question's words clearly best is
 * the one asked about; where two fit alike, the question stays about all three.
 */

// the ways themselves: KOMBIT's recommendations and the compliance model are about them, not one of them
const ways = new Set(['strategi-a', 'strategi-b', 'strategi-c']);
const isWay = (passage: Passage) => passage.kind === 'strategies' && ways.has(passage.recordId);
// how much of the question the best strategy's passage must hold, and how far ahead of the next strategy
const heldShare = 0.2;
const leadShare = 0.6;
const searchedHits = 12;
// "hvilken strategi giver mening for os?", "which of the strategies is that?" asks which, which the
// strategies' answer with KOMBIT's recommendations says
const asksWhich = /^(hvilken|hvilke|hvilket|which|anbefal\w*|recommend\w*)$/;

/**
 * The strategy-describing reading with the one strategy the question describes, where it describes one;
 * a question that clearly describes one strategy is sure enough to answer, however unsure its wording was.
 */
export function describedStrategy(
  search: FactSearch,
  phrasing: (token: string) => boolean,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  if (resolved.intent !== 'strategy.describe' || resolved.entities.strategies.length > 0) return undefined;
  // (the ways asked for are all three, whatever else the words describe)
  if (resolved.entities.aspect === 'ways') return undefined;
  if (tokens.some((token) => asksWhich.test(token))) return undefined;
  const result = search.search(tokens, { phrasing, within: isWay, limit: searchedHits });
  const best = new Map<string, number>();
  for (const hit of result.hits)
    best.set(hit.passage.recordId, Math.max(best.get(hit.passage.recordId) ?? 0, hit.coverage));
  const [first, second] = [...best].sort((x, y) => y[1] - x[1]);
  if (!first || first[1] < heldShare || (second && second[1] > first[1] * leadShare)) return undefined;
  return {
    ...resolved,
    confidence: Math.max(resolved.confidence, CONFIDENCE_THRESHOLD),
    entities: { ...resolved.entities, strategies: [first[0]] },
  };
}
