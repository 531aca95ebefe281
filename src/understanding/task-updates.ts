import type { Understanding } from './types.js';

/*
 * "hvilke KLIK-opgaver er under opdatering?", "which KLIK tasks are being updated?": the tasks
 * the material marks as being updated, a list of its own, not the one slide that says so of one
 * of them. How often the implementation overview is updated is no question of tasks.
 */

// "opgaver", "basisopgaver", "KLIK-opgaver", "tasks" (KLIK alone is the portal, which is updated too)
const taskWord = /^(\w*opgave\w*|tasks?)$/;
// (a task's own title, "Udarbejd/opdater …", names that task, which the question then asks about)
const updatingWord =
  /^(opdatering\w*|opdateres|opdateret|opdatere|updated?|updating|revideres|revideret|revised|revising)$/;
// … asked which or what they are, or whether there are any; not how to update a status, nor how often something is updated
const whichWord = /^(hvilke|hvilken|which|what|hvad|nogen|nogle|any)$/;
const otherAsking = /^(hvordan|how|tit|ofte|often|hvornaar|when|status)$/;

/** Whether the words ask which tasks are being updated. */
export function asksForTasksBeingUpdated(tokens: string[]): boolean {
  const has = (pattern: RegExp) => tokens.some((token) => pattern.test(token));
  return has(taskWord) && has(updatingWord) && has(whichWord) && !has(otherAsking);
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
