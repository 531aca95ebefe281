import { concrete } from '../knowledge/live.js';
import type { Knowledge } from '../knowledge/registry.js';
import { remindableItems } from '../reminders/schedule.js';
import type { Reading } from './reading.js';
import type { Entities, Intent } from './types.js';

/**
 * Sentences asking to be reminded ("mind os om deadlines", "påmind os om BBR", "stop
 * påmindelserne", "mind mig igen i morgen"). They subscribe a whole conversation, so they are
 * recognised by their words as well as by the examples: a question that only mentions a
 * deadline ("hvornår er deadline for BBR?") is never read as one, and a sentence that asks
 * for reminders is read as nothing else.
 */

/** The intents about reminders. */
export const reminderIntents: readonly Intent[] = [
  'reminder.subscribe',
  'reminder.unsubscribe',
  'reminder.list',
  'reminder.snooze',
];

const pronouns = new Set(['mig', 'os', 'dig', 'jer', 'me', 'us']);
const remindStems = ['paamind', 'pamind', 'remind', 'snooz'];
const remindVerbs = new Set(['mind', 'minde', 'minder']);

function isRemindWord(tokens: readonly string[], index: number): boolean {
  const token = tokens[index]!;
  // "mindes", "mindet" (be reminded) need no one beside them
  if (token === 'mindes' || token === 'mindet' || remindStems.some((start) => token.startsWith(start))) return true;
  if (!remindVerbs.has(token)) return false;
  // "bliver vi mindet om": the pronoun may stand before the verb as well
  return [tokens[index - 2], tokens[index - 1], tokens[index + 1], tokens[index + 2]].some(
    (word) => word !== undefined && pronouns.has(word),
  );
}

/** Whether the sentence speaks of reminding: "påmind…", "remind…", "snooze", "mindes", or "mind/minde" beside mig/os. */
export function asksForReminders(tokens: readonly string[]): boolean {
  return tokens.some((_token, index) => isRemindWord(tokens, index));
}

const stopWords = new Set([
  'stop',
  'stoppe',
  'stopper',
  'afmeld',
  'afmelde',
  'afbestil',
  'ingen',
  'unsubscribe',
  'cancel',
  'off',
  'disable',
]);
const negations = new Set(['ikke', 'aldrig', 'not', 'no', 'never', 'dont']);

/**
 * Whether the sentence asks for reminders to stop: a stop word ("stop", "ingen", "afmeld",
 * "off"), "slå … fra", "hold op", or a negation right beside the reminding ("vil ikke have
 * påmindelser", "mind os ikke om BBR"; not "mind os om de opgaver, vi ikke har lavet").
 */
export function asksToStop(tokens: readonly string[]): boolean {
  if (tokens.some((token) => stopWords.has(token))) return true;
  const joined = tokens.join(' ');
  if (/\bslaa\b.*\bfra\b|\bpaamind fra\b|\bhold op\b|\blad vaere\b|\bdon t\b.*\bremind/.test(joined)) return true;
  // "vil ikke have påmindelser", "mind os ikke om BBR"
  const negatedAround = (index: number) =>
    [...tokens.slice(Math.max(0, index - 3), index), ...tokens.slice(index + 1, index + 3)].some((word) =>
      negations.has(word),
    );
  return tokens.some((_token, index) => isRemindWord(tokens, index) && negatedAround(index));
}

/**
 * The ranking with only the reminder intents when the sentence speaks of reminding, and
 * without them when it does not; of those, subscribing only when nothing asks to stop, and
 * stopping only when something does. The other intents keep their own order and margins.
 */
export function withReminderReadings(reading: Reading): Reading {
  const { ranked } = reading.classification;
  const reminding = asksForReminders(reading.tokens);
  const stopping = reminding && asksToStop(reading.tokens);
  const wrongWay: Intent = stopping ? 'reminder.subscribe' : 'reminder.unsubscribe';
  const kept = ranked.filter((item) => reminderIntents.includes(item.intent) === reminding && item.intent !== wrongWay);
  if (kept.length === ranked.length) return reading;
  return { ...reading, classification: { ranked: kept } };
}

/** The word a misspelt "påmindelser" ("påmindelsrne") stands for, so it is still understood. */
export function reminderWordFor(token: string): string | undefined {
  return token.startsWith('paamind') || token.startsWith('pamind') ? 'paamindelser' : undefined;
}

const datedByKnowledge = new WeakMap<Knowledge, Set<string>>();

/** Task and deadline ids there is a day to remind of: items, and tasks reminded by a related date. */
function remindable(knowledge: Knowledge): Set<string> {
  let ids = datedByKnowledge.get(concrete(knowledge));
  if (!ids) {
    ids = new Set(remindableItems(knowledge).flatMap((item) => [item.id, ...(item.taskId ? [item.taskId] : [])]));
    datedByKnowledge.set(concrete(knowledge), ids);
  }
  return ids;
}

/** Things only hinted at, those with a day to remind of first ("fordelingsreglerne" is the one due 12 December). */
function hinted(reading: Reading, kind: 'task' | 'deadline'): string[] {
  const ids = reading.hints.filter((match) => match.kind === kind).map((match) => match.id);
  const dated = remindable(reading.knowledge);
  return [...ids.filter((id) => dated.has(id)), ...ids.filter((id) => !dated.has(id))];
}

/**
 * The one task or deadline the sentence asks to be reminded of, named before hinted, as the
 * only one in `tasks` or `deadlines`: the dialog finds the dated item for it (a task without
 * a date of its own is reminded by the date related to it, as BBR by 1 November). 'nothing'
 * when nothing is named, undefined when what is named is no task or deadline.
 */
function namedItem(reading: Reading): Entities | 'nothing' | undefined {
  const { entities } = reading;
  const taskIds = [...entities.tasks, ...entities.steps.map((step) => step.taskId)];
  for (const [tasks, deadlines] of [
    [taskIds, entities.deadlines],
    [hinted(reading, 'task'), hinted(reading, 'deadline')],
  ] as const) {
    if (tasks[0]) return { ...entities, tasks: [tasks[0]], deadlines: [] };
    if (deadlines[0]) return { ...entities, tasks: [], deadlines: [deadlines[0]] };
  }
  // a system, role, strategy or event is no deadline: reminding of everything instead would mislead
  const other =
    entities.itSystems.length +
    entities.roles.length +
    entities.interfaces.length +
    entities.supportSystems.length +
    entities.strategies.length +
    entities.eventKinds.length;
  return other > 0 ? undefined : 'nothing';
}

/** Reads a reminder sentence: the item it names, if any; undefined when it names something that is no deadline. */
export function reminderRequest(intent: Intent, reading: Reading): Entities | undefined {
  if (!asksForReminders(reading.tokens)) return undefined;
  // the list is of everything the conversation gets, whatever is named
  if (intent === 'reminder.list') return reading.entities;
  const named = namedItem(reading);
  if (named === undefined) return undefined;
  return named === 'nothing' ? { ...reading.entities, tasks: [], deadlines: [] } : named;
}
