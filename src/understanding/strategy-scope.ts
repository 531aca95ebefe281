import type { EntityMatch } from './entity-index.js';
import type { Knowledge } from '../knowledge/registry.js';

/*
 * "the SKI vendors' integration to Adgangsstyring": a strategy is a way of getting one support
 * system's data in (strategy A "Integration" is Organisation's), so a word of it beside another
 * support system named is that system's, not the strategy, unless the question says strategy.
 */

// how many words may stand between the strategy's word and the other system's name
const besideReach = 4;
const strategyWord = /^(strategi\w*|strateg(y|ies)|vej|vejen|route|way)$/;

/** The matches without strategies a word of which stands beside another support system named. */
export function withoutStrategiesOfAnotherSystem(
  matches: EntityMatch[],
  tokens: string[],
  knowledge: Knowledge,
): EntityMatch[] {
  const strategies = matches.filter((match) => match.kind === 'strategy');
  if (strategies.length === 0 || tokens.some((token) => strategyWord.test(token))) return matches;
  const systems = matches.filter((match) => match.kind === 'supportSystem' && match.certainty === 'named');
  const ownSystem = new Map(knowledge.strategies.map((strategy) => [strategy.id, strategy.supportSystem]));
  // (beside: "the Adgangsstyring integration", "integration til Adgangsstyring"; not "how long does
  // the integration take if we already use Adgangsstyring?")
  const elsewhere = (match: EntityMatch) => {
    const own = ownSystem.get(match.id);
    return (
      own !== undefined &&
      systems.some(
        (system) => system.id !== own && Math.max(system.start - match.end, match.start - system.end) <= besideReach,
      )
    );
  };
  return matches.filter((match) => match.kind !== 'strategy' || !elsewhere(match));
}
