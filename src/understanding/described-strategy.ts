import type { FactSearch } from './search/fact-search.js';
import type { Passage } from './search/passages.js';
import { outsideWordsOf } from './search/outside.js';
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
const unreadHeldShare = 0.4;
// the support system the strategies are ways into
const strategiesSystem = 'organisation';
// the words the three ways are told apart by: by hand or integrated, in a screen or automatically
const wayWord =
  /^(manuel\w*|manual\w*|haand\w*|hand|keyed|typ\w*|tast\w*|brugerflade\w*|brugergraenseflade\w*|gui|web\w*|ui|screen|skaerm\w*|integr\w*|automat\w*|sync\w*|synkron\w*|interim\w*|mellem\w*|midlertidig\w*|stopgap|vej|vejen|route|option|loesning\w*)$/;
const leadShare = 0.6;
const searchedHits = 12;
// "hvilken strategi giver mening for os?", "which of the strategies is that?" asks which, which the
// strategies' answer with KOMBIT's recommendations says
const asksWhich = /^(hvilken|hvilke|hvilket|which|anbefal\w*|recommend\w*)$/;
// the sides of a strategy a question may ask of one ("what's the downside of …", "how long does … take")
const strategySides = new Set(['pros', 'cons', 'duration', 'steps']);
// "hvor hurtigt kan vi være klar", "how fast/quickly can we be ready": how long it takes
const asksHowFast = /\b(hvor (hurtigt|hurtig|hurtigst|lang tid)|how (fast|quickly|quick|soon|long))\b/;

/**
 * Whether a question names a thing a strategy is not (a task, a step, an event, a role, another
 * support system): "hvor mange dage tager webinaret?" asks of the webinar, whatever "dage" describes.
 */
function namesAnotherThing(entities: Understanding['entities']): boolean {
  const { tasks, steps, roles, interfaces, municipalities, deadlines, eventKinds, supportSystems } = entities;
  const others = [tasks, steps, roles, interfaces, municipalities, deadlines, eventKinds];
  return others.some((list) => list.length > 0) || supportSystems.some((id) => id !== strategiesSystem);
}

/**
 * A question its words left unread that asks a side of a strategy (its drawbacks, how long it
 * takes) and names or describes one: "how fast are we ready if we key the org data in by hand
 * in the web UI?" is about strategy B, whatever else it says. A salary or a price asked beside
 * it is still not known.
 */
function asksAStrategysSide(tokens: string[], resolved: Understanding, onlyTheAlternative: boolean): boolean {
  // (a strategy named only as the alternative is not the one asked of: "the web option instead of integrating")
  if (resolved.intent !== 'unknown' || outsideWordsOf(tokens).length > 0 || onlyTheAlternative) return false;
  const side = resolved.entities.aspect !== undefined && strategySides.has(resolved.entities.aspect);
  return (side || asksHowFast.test(tokens.join(' '))) && !namesAnotherThing(resolved.entities);
}

/**
 * The strategy-describing reading with the one strategy the question describes, where it describes one;
 * a question that clearly describes one strategy is sure enough to answer, however unsure its wording was.
 */
export function describedStrategy(
  search: FactSearch,
  phrasing: (token: string) => boolean,
  tokens: string[],
  resolved: Understanding,
  onlyTheAlternative = false,
): Understanding | undefined {
  // an unread question asking a side is read as asking it of the strategy it names or describes;
  // with none named, the material's words must point to one more surely than a strategy question's
  const side = asksAStrategysSide(tokens, resolved, onlyTheAlternative);
  if (side && resolved.entities.strategies.length === 1)
    return { ...resolved, intent: 'strategy.describe', confidence: CONFIDENCE_THRESHOLD };
  if (!side && resolved.intent !== 'strategy.describe') return undefined;
  if (resolved.entities.strategies.length > 0) return undefined;
  // (the ways asked for are all three, whatever else the words describe)
  if (resolved.entities.aspect === 'ways') return undefined;
  if (tokens.some((token) => asksWhich.test(token))) return undefined;
  // (unread, the question must say something of the ways themselves, and name no other thing:
  // "hvor mange dage tager webinaret?", "hvor lang tid tager oprydningen i BBR?" are not of them)
  if (side && !tokens.some((token) => wayWord.test(token))) return undefined;
  const one = describedOne(search, phrasing, tokens, side ? unreadHeldShare : heldShare);
  if (!one) return undefined;
  return {
    ...resolved,
    intent: 'strategy.describe',
    confidence: Math.max(resolved.confidence, CONFIDENCE_THRESHOLD),
    entities: { ...resolved.entities, strategies: [one] },
  };
}

/** The one strategy whose own passages hold the question's words clearly best, if one does. */
function describedOne(
  search: FactSearch,
  phrasing: (token: string) => boolean,
  tokens: string[],
  held: number,
): string | undefined {
  const result = search.search(tokens, { phrasing, within: isWay, limit: searchedHits });
  const best = new Map<string, number>();
  for (const hit of result.hits)
    best.set(hit.passage.recordId, Math.max(best.get(hit.passage.recordId) ?? 0, hit.coverage));
  const [first, second] = [...best].sort((x, y) => y[1] - x[1]);
  if (!first || first[1] < held || (second && second[1] > first[1] * leadShare)) return undefined;
  return first[0];
}
