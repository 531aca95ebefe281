import type { Understanding } from './types.js';

/*
 * "hvilke KLIK-opgaver er under opdatering?", "which KLIK tasks are being updated?": the tasks
 * the material marks as being updated, a list of its own, not the one slide that says so of one
 * of them. How often the implementation overview is updated is no question of tasks.
 */

const taskWord = /^(opgave\w*|klikopgave\w*|tasks?|klik|kilk)$/;
// (a task's own title, "Udarbejd/opdater …", names that task, which the question then asks about)
const updatingWord =
  /^(opdatering\w*|opdateres|opdateret|opdatere|updated?|updating|revideres|revideret|revised|revising)$/;

/** Whether the words ask about tasks being updated. */
export function asksForTasksBeingUpdated(tokens: string[]): boolean {
  return tokens.some((token) => taskWord.test(token)) && tokens.some((token) => updatingWord.test(token));
}

/** The tasks being updated, where the question names no task or step of its own. */
export function tasksBeingUpdated(tokens: string[], resolved: Understanding): Understanding | undefined {
  const { tasks, steps } = resolved.entities;
  if (tasks.length + steps.length > 0 || !asksForTasksBeingUpdated(tokens)) return undefined;
  return {
    intent: 'task.list',
    confidence: Math.max(resolved.confidence, 0.7),
    entities: { ...resolved.entities, passages: [] },
    language: resolved.language,
  };
}
