import type { Understanding } from './types.js';

/*
 * "hvad er det første vi skal gøre med BBR?", "what should we do first in BBR?", "what's the
 * last thing to do in BBR?": the first (or last) thing to do in a task with steps is that step,
 * though no step word is said.
 */

const doWord = /^(goere|gore|goer|do|does|doing|done|starte|start|begynde|begin)$/;
const firstOrLast: Readonly<Record<string, number>> = {
  foerste: 1,
  foerst: 1,
  first: 1,
  sidste: -1,
  sidst: -1,
  last: -1,
  final: -1,
};
// who does it: "det første vi skal gøre", "det sidste man gør"
const doer = /^(vi|man|jeg|i|de|kommunen|we|you|they)$/;
// "last time", "første gang", "sidste uge": a time, not a thing to do
const timeWord = /^(time|times|gang|gange|uge|ugen|week|month|maaned\w*|aar|year|dag|day)$/;
// how far from the ordinal the verb may stand
const reach = 4;
const readAsTheTask = new Set(['task.describe', 'task.list', 'task.kind', 'deadline.task', 'role.responsible']);

/** The first or last thing to do, as the words order it; not "den første november", "sidste frist", "last time". */
function orderedThingToDo(tokens: string[]): number | undefined {
  for (const [index, token] of tokens.entries()) {
    const ordinal = firstOrLast[token];
    if (ordinal === undefined) continue;
    const after = tokens.slice(index + 1, index + 1 + reach);
    if (timeWord.test(after[0] ?? '')) continue;
    const doneAfter = after.some((word) => doWord.test(word));
    // "det første vi skal gøre", "the first thing to do", "gøre først", "do first"
    const thingToDo = (tokens[index - 1] === 'det' && doer.test(after[0] ?? '')) || after[0] === 'thing';
    if ((thingToDo && doneAfter) || doWord.test(tokens[index - 1] ?? '')) return ordinal;
  }
  return undefined;
}

/** The step of the one task named that the question asks to do first or last, where it was read as the task. */
export function stepToDo(
  read: Understanding,
  tokens: string[],
  stepCounts: Map<string, number>,
): Understanding | undefined {
  const { tasks, steps, dates } = read.entities;
  // ("det første vi skal gøre efter 1. november" is first from a date, not the first step)
  if (!readAsTheTask.has(read.intent) || tasks.length !== 1 || steps.length > 0 || dates) return undefined;
  if (tokens.some((token) => /^(hvem|who)$/.test(token))) return undefined;
  const taskId = tasks[0]!;
  const count = stepCounts.get(taskId) ?? 0;
  const ordinal = count > 0 ? orderedThingToDo(tokens) : undefined;
  if (ordinal === undefined) return undefined;
  const number = ordinal === -1 ? count : ordinal;
  return { ...read, intent: 'task.steps', entities: { ...read.entities, steps: [{ taskId, number }] } };
}
