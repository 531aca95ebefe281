import { taskKindsNamed } from './keywords.js';
import type { Reading } from './reading.js';
import type { Entities, Intent, Understanding } from './types.js';

// "forskellen på …", "hvordan adskiller … sig fra …", "difference between …", "A vs B"
export const comparisonWord =
  /^(forskel\w*|adskiller|adskille|sammenlign\w*|difference|differences|differ\w*|compare\w*|versus|vs)$/;

/** The kinds of named thing a comparison can be between, and the intent that describes one of them. */
const describedBy: { kind: 'roles' | 'strategies' | 'tasks'; intent: Intent }[] = [
  { kind: 'roles', intent: 'role.describe' },
  { kind: 'strategies', intent: 'strategy.describe' },
  { kind: 'tasks', intent: 'task.describe' },
];

const entityKindOf = { roles: 'role', strategies: 'strategy', tasks: 'task' } as const;

// The words a second strategy's letter follows: "strategi B og C", "C sig fra B", "A or B"
const letterJoins = new Set(['og', 'eller', 'fra', 'end', 'and', 'or', 'vs', 'versus', 'than']);

/**
 * "strategi B og C": a strategy's letter on its own, right after a word that joins it to one
 * strategy named in full. An English "a" counts only where nothing follows it ("… and A?"), as
 * "with a phased rollout" is an article.
 */
function strategyLetters(reading: Reading, named: string[]): string[] {
  if (named.length === 0) return [];
  const { tokens } = reading;
  return tokens
    .filter(
      (token, index) =>
        /^[a-z]$/.test(token) &&
        letterJoins.has(tokens[index - 1] ?? '') &&
        (token !== 'a' || reading.language !== 'en' || index === tokens.length - 1),
    )
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
  return kindsCompared(reading);
}

/**
 * "what's the difference between the basis tasks and the solution specific ones?", "forskellen
 * på dem der kun laves én gang og dem der laves hver gang": two kinds of task side by side,
 * where no single task is named.
 */
function kindsCompared(reading: Reading): Understanding | undefined {
  if (taskKindsNamed(reading.tokens).length < 2 || reading.entities.tasks.length > 1) return undefined;
  const entities: Entities = { ...reading.entities, tasks: [], aspect: 'kind', compared: true };
  return { intent: 'task.list', confidence: 0.8, entities, language: reading.language };
}
