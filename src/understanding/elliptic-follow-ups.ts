import type { EntityIndex, EntityMatch } from './entity-index.js';
import { queryWords } from './query-words.js';
import { isStopword } from './stopwords.js';
import type { Understanding } from './types.js';

/*
 * "hvad bruger SAPA organisationsdata til?" is answered from the material's passages; "og KY?"
 * asks the same of KY. A dialog's answer keeps its topic for a follow-up; a passage's answer
 * keeps the question's words, and the follow-up is that question with the new name put in.
 */

// a follow-up of a name and nothing else: "og KY?", "and for KSD?", "hvad med Odense?"
const followUpWords = /^(og|and|hvad|med|what|about|how|for|til|i|in|om|of|saa|so|then|da)$/;
const longestFollowUp = 5;

/** The one thing a short follow-up names, where it says nothing else. */
function onlyName(tokens: string[], names: EntityMatch[]): EntityMatch | undefined {
  const named = names.filter((match) => match.certainty === 'named');
  if (tokens.length > longestFollowUp || named.length !== 1) return undefined;
  const [name] = named;
  const rest = tokens.filter((_, index) => index < name!.start || index >= name!.end);
  return rest.every((token) => followUpWords.test(token) || isStopword(token)) ? name : undefined;
}

/** The question a follow-up asks again of another thing of the same kind, if it is one. */
export function ellipticQuestion(
  text: string,
  previous: Understanding | undefined,
  index: EntityIndex,
): string | undefined {
  // (a topic read back from another instance's store is checked before its words are read)
  if (typeof previous?.asked !== 'string') return undefined;
  const words = queryWords(text);
  const name = onlyName(words.tokens, index.match(words));
  if (!name) return undefined;
  const before = queryWords(previous.asked);
  const same = index
    .match(before)
    .filter((match) => match.certainty === 'named' && match.kind === name.kind && match.id !== name.id);
  if (same.length !== 1) return undefined;
  const [old] = same;
  return [
    ...before.tokens.slice(0, old!.start),
    ...words.tokens.slice(name.start, name.end),
    ...before.tokens.slice(old!.end),
  ].join(' ');
}
