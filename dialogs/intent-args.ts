import type { Entities } from '../src/understanding/types.js';
import { isStopword } from '../src/understanding/stopwords.js';
import { taskKindByFrequency, taskKindsNamed } from '../src/understanding/keywords.js';
import { asksForTasksBeingUpdated } from '../src/understanding/task-updates.js';

/*
 * A dialog's arguments read from the question's words, where the entities do not say them
 * (intent-dialogs.ts maps each intent to its dialog).
 */

// Words that ask for news rather than name what it is about.
const newsWords = new Set([
  'nyt',
  'nyheder',
  'nyhed',
  'nyhederne',
  'news',
  'new',
  'nye',
  'seneste',
  'latest',
  'sket',
  'sker',
  'stod',
  'programleder',
]);

/**
 * What a news question is about: its own words, and the things it names by their ids' words
 * ("det gamle opgavesystem" names the KIGO closing, "kigo-lukker", which the KIGO news is about).
 */
export function newsTopicOf(tokens: string[], entities: Entities): string | undefined {
  const named = [...entities.deadlines, ...entities.supportSystems, ...entities.itSystems].map((id) =>
    id.replaceAll('-', ' '),
  );
  const topic = [...named, ...tokens.filter((token) => !isStopword(token) && !newsWords.has(token))];
  return topic.length > 0 ? topic.join(' ') : undefined;
}

export function statusAspect(aspect: string | undefined): string | undefined {
  return aspect === 'done' || aspect === 'started' || aspect === 'not-started' ? aspect : undefined;
}

export function strategyAspect(aspect: string | undefined): string | undefined {
  return aspect === 'steps' || aspect === 'pros' || aspect === 'cons' || aspect === 'duration' ? aspect : undefined;
}

// the words of tasks still to come; of a kind of task, only those that say it outright
const comingKindWords = new Set(['kommende', 'nye', 'coming', 'upcoming', 'opdatering']);
const comingWords = new Set([...comingKindWords, 'kommer']);

// (a kind said by its name is the one asked for: "can you repeat the basis tasks?" is no frequency)
function taskKindOf(tokens: string[]): string | undefined {
  const [named] = taskKindsNamed(tokens, true);
  if (named) return named;
  const byFrequency = taskKindByFrequency(tokens);
  if (byFrequency) return byFrequency;
  if (tokens.includes('drift')) return 'operations';
  return undefined;
}

/** The task list's arguments: the support system, the kind of task asked for, and whether only those to come. */
export function taskListArgs(e: Entities, tokens: string[]): Record<string, string | undefined> {
  // "forskellen på basisopgaver og løsningsspecifikke", "hvilke basis- og løsningsspecifikke
  // opgaver er der?": the kinds side by side (named, where nothing is compared)
  const kinds = taskKindsNamed(tokens, !e.compared);
  if (kinds.length > 1)
    return { supportSystemId: e.supportSystems[0], kinds: kinds.join(','), kind: undefined, upcoming: undefined };
  const kind = e.aspect === 'kind' ? taskKindOf(tokens) : undefined;
  // "hvilke opgaver kommer der, hver gang …?" asks what a kind of task brings, not what is coming
  const coming = kind ? comingKindWords : comingWords;
  return {
    supportSystemId: e.supportSystems[0],
    kind,
    upcoming: asksForTasksBeingUpdated(tokens)
      ? 'updating'
      : tokens.some((token) => coming.has(token))
        ? 'true'
        : undefined,
  };
}
