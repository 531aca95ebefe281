import { ordinals } from './keywords.js';
import type { Understanding } from './types.js';

/*
 * "hvad er det første vi skal gøre med BBR?", "what's the last thing to do in BBR?": the first
 * (or last) thing to do in a task with steps is that step, though no step word is said.
 */

const doWord = /^(goere|gore|goer|do|does|doing|done|starte|start|begynde|begin)$/;
// how far from the ordinal the verb may stand ("det første vi skal gøre", "what do we do first")
const reach = 4;
const readAsTheTask = new Set(['task.describe', 'task.list', 'task.kind', 'deadline.task']);

function orderedThingToDo(tokens: string[]): number | undefined {
  for (const [index, token] of tokens.entries()) {
    const ordinal = ordinals[token];
    if (ordinal === undefined) continue;
    const near = tokens.slice(Math.max(0, index - reach), index + reach + 1);
    if (near.some((word) => doWord.test(word))) return ordinal;
  }
  return undefined;
}

/** The step of the one task named that the question asks to do first or last, where it was read as the task. */
export function stepToDo(
  read: Understanding,
  tokens: string[],
  stepCounts: Map<string, number>,
): Understanding | undefined {
  const { tasks, steps } = read.entities;
  if (!readAsTheTask.has(read.intent) || tasks.length !== 1 || steps.length > 0) return undefined;
  const taskId = tasks[0]!;
  const count = stepCounts.get(taskId) ?? 0;
  const ordinal = count > 0 ? orderedThingToDo(tokens) : undefined;
  if (ordinal === undefined) return undefined;
  const number = ordinal === -1 ? count : ordinal;
  if (number > count) return undefined;
  return { ...read, intent: 'task.steps', entities: { ...read.entities, steps: [{ taskId, number }] } };
}
