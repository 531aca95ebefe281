import type { SearchHit } from './search/fact-search.js';
import type { Passage } from './search/passages.js';
import type { KnowledgeKind } from '../knowledge/registry.js';
import type { Entities } from './types.js';

/**
 * The groups of readings the understanding treats alike, and the few measures it uses to
 * weigh the search beside the intents (understand.ts).
 */

// Intents whose answers hold no date: a when-question read as one of them is read wrong
export const undatedIntents = new Set<string>([
  'role.list',
  'role.describe',
  'role.competences',
  'strategy.describe',
  'overview.systems-using',
  'overview.used-by',
  'task.kind',
  'pilot.solution',
]);

// the intents answered from the knowledge alone, beside which a passage may stand
export const answersFromKnowledge = new Set<string>([
  'deadline.task',
  'deadline.upcoming',
  'deadline.range',
  'task.describe',
  'task.steps',
  'task.kind',
  'task.list',
  'role.describe',
  'role.responsible',
  'role.competences',
  'role.list',
  'overview.systems-using',
  'overview.used-by',
  'rollout.sapa',
  'pilot.solution',
  'strategy.describe',
  'event.list',
  'event.next-meeting',
  'agenda.today',
  'contact',
  'news',
]);
// words that ask whom to write to, call or ask
export const contactWord =
  /^(skriv|kontakt|feedback|mail|e-?mail|telefon|tlf|ring|henvend|spoerg|adresse|postkasse|sende|send|contact|write|phone|call|reach|ask)/;
// the readings a question about one point of a meeting's programme is often given
export const meetingIntents = new Set<string>(['agenda.today', 'event.list', 'event.next-meeting', 'fact']);
// the questions (not the commands) a word outside the material turns into "I don't know"
export const asksTheKnowledge = new Set<string>([
  ...answersFromKnowledge,
  'status.national',
  'status.mine',
  'status.missing',
  'status.history',
  'fact',
  'help',
]);

/** Whether the reading names a thing of the knowledge (a task, role, system, municipality, …). */
export function namesSomething(entities: Entities): boolean {
  return [
    entities.tasks,
    entities.steps,
    entities.roles,
    entities.itSystems,
    entities.interfaces,
    entities.supportSystems,
    entities.municipalities,
    entities.strategies,
    entities.deadlines,
  ].some((list) => list.length > 0);
}

/** A passage's key: "roles/kombit-programleder/profile.tasks.3". */
export function keyOfPassage(passage: Passage): string {
  return `${passage.kind}/${passage.recordId}/${passage.field}`;
}

/** A found passage's key. */
export function passageKeyOf({ passage }: SearchHit): string {
  return keyOfPassage(passage);
}

// Beside an intent, a passage must hold the whole question, and most of it in its own words
// rather than only through its record's name.
export const evidenceCoverage = 0.8;
// A passage holding this share of the question (weighed by rarity) is a better answer than a
// reading guessed from the words alone.
export const PASSAGE_OVER_GUESS = 0.9;
// Where no intent reads the question, a passage holding half of it answers (every word of the
// question one the material uses, two of them in the passage): a paraphrase misses a word or two
export const UNREAD_PASSAGE = 0.5;
// a slide of at most this many points is answered whole
export const shortSlide = 8;
export const evidenceInText = 0.3;

/** Reads questions against one knowledge base: its names, the example questions, the clock. */

const recordKinds: [keyof Entities, KnowledgeKind][] = [
  ['roles', 'roles'],
  ['tasks', 'tasks'],
  ['strategies', 'strategies'],
  ['supportSystems', 'supportSystems'],
  ['itSystems', 'itSystems'],
  ['interfaces', 'interfaces'],
  ['deadlines', 'deadlines'],
];

/**
 * The entities of a reading whose passages all come from one record of a kind that can be
 * named: that record is the conversation's topic ("hvem skal bruge den?" after a passage of
 * SF1515 is about SF1515).
 */
export function withRecordOf(entities: Entities, passageKeys: string[]): Entities {
  const records = new Set(passageKeys.map((key) => key.split('/').slice(0, 2).join('/')));
  if (records.size !== 1) return entities;
  const [kind, recordId = ''] = [...records][0]!.split('/');
  const field = recordKinds.find(([, recordKind]) => recordKind === kind)?.[0];
  if (!field || (entities[field] as string[]).length > 0) return entities;
  return { ...entities, [field]: [recordId] };
}

/** The records a question names (roles, tasks, strategies, systems, interfaces, deadlines), as kind and id. */
export function namedRecords(entities: Entities): { kind: KnowledgeKind; recordId: string }[] {
  return recordKinds.flatMap(([field, kind]) =>
    ((entities[field] as string[] | undefined) ?? []).map((recordId) => ({ kind, recordId })),
  );
}

// "frister og møder frem til jul", "alt hvad der har en dato": the kinds of dated things, by name
const datedThing = /^(frist|deadline|moede|moeder|dato|datoer|begivenhed|kalender|meeting|event|date|dates)/;

/** The kinds of dated things asked for, nothing named: over a span, the timeline, however the rest is worded (one day's meeting may be asked about in detail). */
export function asksForDatedThings(tokens: string[], entities: Entities): boolean {
  return !namesSomething(entities) && tokens.some((token) => datedThing.test(token));
}
