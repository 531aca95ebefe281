import type { EntityKind } from './entity-forms.js';
import type { EntityIndex, EntityMatch, QueryWords } from './entity-index.js';
import { queryWords } from './query-words.js';
import type { FactSearch } from './search/fact-search.js';
import type { Entities, Understanding } from './types.js';

/*
 * "hvad bruger SAPA organisationsdata til?" is answered from the material's passages; "og KY?"
 * asks the same of KY. A dialog's answer keeps its topic for a follow-up; a passage's answer
 * keeps the question's words, and the follow-up is that question with the new name put in.
 */

// a follow-up of a name and nothing else: "og KY?", "and for KSD?", "hvad med Odense?" (not
// "hvornår er deadline for KY?": a word of asking asks something of its own)
export const followUpWords = /^(og|and|hvad|med|what|about|for|til|om|of|saa|so|then|da|ogsaa|also|too|the|den|det)$/;
const longestFollowUp = 5;

/** The thing a follow-up asks the last question again of, and that question put with it. */
export interface EllipticQuestion {
  text: string;
  kind: EntityMatch['kind'];
  id: string;
}

/** The one thing a short follow-up names, where it says nothing else. */
function onlyName(tokens: string[], names: EntityMatch[]): EntityMatch | undefined {
  const named = names.filter((match) => match.certainty === 'named');
  if (tokens.length > longestFollowUp || named.length !== 1) return undefined;
  const [name] = named;
  const rest = tokens.filter((_, index) => index < name!.start || index >= name!.end);
  return rest.every((token) => followUpWords.test(token)) ? name : undefined;
}

/** Words put back as written: a capital where the question had one ("Valg" is the system, "valg" a choice). */
function written(words: QueryWords, start: number, end: number): string[] {
  return words.tokens
    .slice(start, end)
    .map((token, offset) =>
      words.capitalised[start + offset] ? token.charAt(0).toUpperCase() + token.slice(1) : token,
    );
}

/** The question a follow-up asks again of another thing of the same kind, if it is one. */
export function ellipticQuestion(
  text: string,
  previous: Understanding | undefined,
  index: EntityIndex,
): EllipticQuestion | undefined {
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
  const again = [
    ...written(before, 0, old!.start),
    ...written(words, name.start, name.end),
    ...written(before, old!.end, before.tokens.length),
  ];
  return { text: `${again.join(' ')}?`, kind: name.kind, id: name.id };
}

const entityFields: Record<EntityKind, keyof Entities> = {
  task: 'tasks',
  step: 'steps',
  role: 'roles',
  itSystem: 'itSystems',
  interface: 'interfaces',
  supportSystem: 'supportSystems',
  municipality: 'municipalities',
  strategy: 'strategies',
  deadline: 'deadlines',
};

/**
 * Whether the question asked again is about the new thing: it names it, and where passages
 * answer, the one that fits best is of it or says its name ("what is SAPA pilot testing?" asked of KY
 * finds SAPA's pilots, which say nothing of KY).
 */
export function isAbout(read: Understanding, thing: EllipticQuestion, index: EntityIndex, search: FactSearch): boolean {
  const named = (read.entities[entityFields[thing.kind]] ?? []) as (string | { taskId: string; number: number })[];
  if (!named.some((id) => (typeof id === 'string' ? id : `${id.taskId}#${id.number}`) === thing.id)) return false;
  if (read.intent !== 'fact') return true;
  const forms = index.forms.filter((form) => form.kind === thing.kind && form.id === thing.id);
  // (the passage that fits best leads the answer: the rest of its slide follows it)
  return (read.entities.passages ?? []).slice(0, 1).some((key) => {
    if (key.split('/')[1] === thing.id) return true;
    const passage = search.passageOf(key);
    const said = new Set(queryWords(passage?.text ?? '').tokens);
    return forms.some((form) => form.tokens.every((token) => said.has(token)));
  });
}
