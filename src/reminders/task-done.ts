import type { Knowledge } from '../knowledge/registry.js';
import type { StatusRepository } from '../state/statuses.js';

/**
 * Whether a municipality is done with a task, as reminders see it: the task reported done, or,
 * for a task with steps (BBR), every step done. A reminder stops only when nothing is left.
 */
export function taskDone(
  knowledge: Knowledge,
  statuses: Pick<StatusRepository, 'current'>,
  municipalityId: string,
  taskId: string,
): boolean {
  if (statuses.current(municipalityId, taskId) === 'done') return true;
  const task = knowledge.tasks.find((candidate) => candidate.id === taskId);
  if (!task || task.steps.length === 0) return false;
  return task.steps.every((step) => statuses.current(municipalityId, taskId, step.number) === 'done');
}
