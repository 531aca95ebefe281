import type { EntityMatch } from './entity-index.js';
import type { Knowledge } from '../knowledge/registry.js';

/*
 * "the SKI vendors' integration to Adgangsstyring": a strategy is a way of getting one support
 * system's data in (strategy A "Integration" is Organisation's), so a word of it beside another
 * support system named is that system's, not the strategy, unless the question says strategy.
 */

const strategyWord = /^(strategi\w*|strateg(y|ies)|vej|vejen|route|way)$/;

/** The matches without strategies a word of which stands beside another support system named. */
export function withoutStrategiesOfAnotherSystem(
  matches: EntityMatch[],
  tokens: string[],
  knowledge: Knowledge,
): EntityMatch[] {
  const strategies = matches.filter((match) => match.kind === 'strategy');
  if (strategies.length === 0 || tokens.some((token) => strategyWord.test(token))) return matches;
  const systems = new Set(
    matches.filter((match) => match.kind === 'supportSystem' && match.certainty === 'named').map((match) => match.id),
  );
  const ownSystem = new Map(knowledge.strategies.map((strategy) => [strategy.id, strategy.supportSystem]));
  const elsewhere = (match: EntityMatch) => {
    const own = ownSystem.get(match.id);
    return own !== undefined && systems.size > 0 && !systems.has(own);
  };
  return matches.filter((match) => match.kind !== 'strategy' || !elsewhere(match));
}
