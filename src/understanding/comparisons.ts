import type { Reading } from './reading.js';
import type { Entities, Intent, Understanding } from './types.js';

// "forskellen på …", "hvordan adskiller … sig fra …", "difference between …", "A vs B"
const comparisonWord =
  /^(forskel\w*|adskiller|adskille|sammenlign\w*|difference|differences|differ\w*|compare\w*|versus|vs)$/;

/** The kinds of named thing a comparison can be between, and the intent that describes one of them. */
const describedBy: { kind: 'roles' | 'strategies' | 'tasks'; intent: Intent }[] = [
  { kind: 'roles', intent: 'role.describe' },
  { kind: 'strategies', intent: 'strategy.describe' },
  { kind: 'tasks', intent: 'task.describe' },
];

const entityKindOf = { roles: 'role', strategies: 'strategy', tasks: 'task' } as const;

/** "strategi B og C": a strategy's letter on its own, after one strategy is named by its full name. */
function strategyLetters(reading: Reading, named: string[]): string[] {
  if (named.length === 0) return [];
  return reading.tokens
    .filter((token) => /^[a-z]$/.test(token))
    .map((letter) => `strategi-${letter}`)
    .filter((id) => !named.includes(id) && reading.knowledge.strategies.some((strategy) => strategy.id === id));
}

/**
 * "hvad er forskellen på en superbruger og en rolleadministrator?": two or more things of one
 * kind named beside a word that compares them asks for each of them, side by side.
 */
export function comparison(reading: Reading): Understanding | undefined {
  if (!reading.tokens.some((token) => comparisonWord.test(token))) return undefined;
  for (const { kind, intent } of describedBy) {
    const named = [
      ...new Set(
        reading.named
          .filter((match) => match.kind === entityKindOf[kind])
          .sort((x, y) => x.start - y.start)
          .map((match) => match.id),
      ),
    ];
    if (kind === 'strategies') named.push(...strategyLetters(reading, named));
    if (named.length < 2) continue;
    const entities: Entities = { ...reading.entities, [kind]: named, compared: true };
    return { intent, confidence: 0.8, entities, language: reading.language };
  }
  return undefined;
}
