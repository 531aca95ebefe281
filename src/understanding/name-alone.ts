import type { EntityMatch } from './entity-index.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "SAPA?", "sf1514", "BBR?": a name typed alone asks what klikbot knows of the thing, as
 * "hvad er SAPA?" does. The words alone read as nothing ("Det ved jeg ikke" to a name the
 * material is full of).
 */

// (a municipality alone is no such question: "Odense?" asks nothing klikbot can tell of the thing itself)
const askedOfItself = new Set<EntityMatch['kind']>([
  'itSystem',
  'interface',
  'supportSystem',
  'task',
  'role',
  'strategy',
]);

// the words that may stand beside the name: a question that asks anything more is read as it asks
// ("hvad er drift for noget?" is the glossary's, "og KY?" a follow-up of the last question)
const aroundAName = /^(om|about|info|information|infos)$/;

/** The kind of the one name the words are (but a word of asking about it); undefined where they are more. */
function nameAlone(tokens: string[], matches: EntityMatch[]): EntityMatch['kind'] | undefined {
  const named = matches.filter((match) => match.certainty === 'named' && askedOfItself.has(match.kind));
  const spans = new Set(named.map((match) => `${match.start}-${match.end}`));
  if (spans.size !== 1) return undefined;
  const [{ start, end }] = named as [EntityMatch];
  // (a name of a task and of something else is asked of as the other: "hvad er X?")
  const kind = named.find((match) => match.kind !== 'task')?.kind ?? 'task';
  return tokens.every((token, index) => (index >= start && index < end) || aroundAName.test(token)) ? kind : undefined;
}

/** The question a name alone asks: what the thing is, or what a task is about ("hvad er" a task's title reads as news). */
function askedOfAName(text: string, kind: EntityMatch['kind'], language: 'da' | 'en'): string {
  if (kind === 'task') return `${language === 'en' ? 'tell me about' : 'fortæl om'} ${text}`;
  return `${language === 'en' ? 'what is' : 'hvad er'} ${text}`;
}

/**
 * "SAPA?": a name alone read as "hvad er SAPA?" (`reread`), where the name alone reads as nothing,
 * a passage or too unsure (a passage found by the name alone is a guess too).
 */
export function readAsAName(
  text: string,
  read: Understanding,
  tokens: string[],
  matches: EntityMatch[],
  reread: (text: string) => Understanding,
): Understanding | undefined {
  if (read.intent !== 'unknown' && read.intent !== 'fact' && read.confidence >= CONFIDENCE_THRESHOLD) return undefined;
  const kind = nameAlone(tokens, matches);
  if (!kind) return undefined;
  const asked = askedOfAName(text, kind, read.language);
  const again = reread(asked);
  if (again.intent === 'unknown') return undefined;
  return { ...again, language: read.language, ...(again.intent === 'fact' ? { asked } : {}) };
}
