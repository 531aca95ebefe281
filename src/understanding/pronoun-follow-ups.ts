import type { Knowledge } from '../knowledge/registry.js';
import { namedKinds } from './follow-ups.js';
import { recordTitleOf } from './search/passages.js';
import type { Understanding } from './types.js';

/*
 * "hvad er FK-ADM for noget?" … "hvornår skal vi have udpeget en?": a pronoun in a short
 * follow-up stands for the one thing the last answer was about. Put in by name, the question
 * reads as it would have been asked in full ("… udpeget en FK-administrator" is the task that
 * appoints one), where the question alone reads as nothing.
 */

// the pronouns that stand for a thing (not "vi", "jeg": the asker)
const pronoun = /^(en|et|den|det|dem|one|it|them)$/iu;
const asking = /^(hvornår|hvornaar|hvem|hvor|hvordan|hvilken|hvilke|when|who|where|how|which)$/iu;
const longestFollowUp = 10;

/** The one thing the last answer named, by its title. */
function oneThingOf(knowledge: Knowledge, previous: Understanding): string | undefined {
  const named = namedKinds
    .filter((kind) => kind !== 'municipalities')
    .flatMap((kind) => previous.entities[kind].map((id) => ({ kind, id })));
  if (named.length !== 1) return undefined;
  const [{ kind, id }] = named as [(typeof named)[number]];
  const record = (knowledge[kind] as { id: string }[]).find((one) => one.id === id);
  return record && recordTitleOf(record).replace(/\s*\([^)]*\)\s*$/u, '');
}

/**
 * The follow-up with its last pronoun replaced by the name of the one thing the last answer
 * was about; undefined unless it is a short question that asks with a pronoun.
 */
export function pronounNamed(
  text: string,
  previous: Understanding | undefined,
  knowledge: Knowledge,
): string | undefined {
  if (!previous) return undefined;
  const words = text.split(/\s+/u).filter(Boolean);
  if (words.length > longestFollowUp) return undefined;
  const bare = words.map((word) => word.replace(/[^\p{L}\d-]/gu, ''));
  if (!bare.some((word) => asking.test(word))) return undefined;
  // (only the last word: a pronoun as the question's object, "… udpeget en?", "hvem bruger det?";
  // one earlier is most often an article or of another clause, "hvis det driller")
  const at = bare.length - 1;
  const name = pronoun.test(bare[at] ?? '') ? oneThingOf(knowledge, previous) : undefined;
  if (name === undefined) return undefined;
  return [...words.slice(0, at), words[at]!.replace(bare[at]!, name), ...words.slice(at + 1)].join(' ');
}
