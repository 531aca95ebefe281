import { keyOfPassage } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import type { Understanding } from './types.js';

/*
 * "og hvor henne?" after the municipality days, "hvor gør hun det henne?" after who approves the
 * service agreements: where, asked of the last topic alone. An event's place is in the list of
 * events; a task's or a dated fact's is a place its own text names ("i Serviceplatformens
 * Administrationsmodul").
 */

const whereWord = /^(hvor|where)$/;
// what such a question says besides "where": pointing words, the verbs of taking place or doing
const besideWhere = new Set([
  'og',
  'and',
  'saa',
  'henne',
  'foregaar',
  'sker',
  'holdes',
  'afholdes',
  'ligger',
  'er',
  'goer',
  'skal',
  'man',
  'vi',
  'jeg',
  'de',
  'det',
  'den',
  'dem',
  'hun',
  'han',
  'is',
  'are',
  'does',
  'do',
  'it',
  'they',
  'she',
  'he',
  'take',
  'takes',
  'place',
  'held',
  'happen',
  'happens',
  'then',
  'we',
  'that',
  'this',
  'there',
]);
const longest = 6;
// a place named in a sentence: a preposition before a name of two words ("i Serviceplatformens
// Administrationsmodul"); "i BBR", "på KLIK" name the thing, not where in it
const placeNamed = /(?:^|\s)(?:i|på|in|on)\s+\p{Lu}\p{L}+\s+\p{Lu}\p{L}+/u;
// "hvor er vi (henne)?", "where are we?": how far the asker has come, not a place
const howFar = (tokens: string[]) =>
  tokens.some((token) => /^(vi|we)$/.test(token)) && tokens.some((token) => /^(er|are)$/.test(token));

/** Whether the message asks only where, of what came before. */
function asksOnlyWhere(tokens: string[]): boolean {
  return (
    tokens.length <= longest &&
    tokens.some((token) => whereWord.test(token)) &&
    tokens.every((token) => whereWord.test(token) || besideWhere.has(token))
  );
}

/** Where the last topic takes place or is done, where the message asks nothing else. */
export function whereOfLastTopic(
  search: FactSearch,
  tokens: string[],
  previous: Understanding | undefined,
  language: Understanding['language'],
): Understanding | undefined {
  if (!previous || !asksOnlyWhere(tokens) || howFar(tokens)) return undefined;
  const { entities } = previous;
  // (the events listed say where each is; the next programme leader meeting has no place yet)
  if (previous.intent === 'event.list' || entities.eventKinds.length > 0)
    return { ...previous, intent: 'event.list', confidence: Math.max(previous.confidence, 0.8), language };
  const records = [
    ...entities.deadlines.map((id) => search.passagesOf('deadlines', id)),
    ...entities.tasks.map((id) => search.passagesOf('tasks', id)),
  ];
  const places = records
    .flat()
    .filter((passage) => !passage.field.startsWith('steps') && placeNamed.test(passage.text));
  if (places.length === 0) return undefined;
  return {
    intent: 'fact',
    confidence: 0.8,
    entities: { ...entities, passages: places.map(keyOfPassage) },
    language,
  };
}
