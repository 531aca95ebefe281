import type { ReplyButton } from '../../src/core/types.js';
import type { Task } from '../../src/knowledge/schemas/tasks.js';
import { say, type DialogContext } from '../types.js';
import { statusTasks } from './form.js';

/**
 * The status button on a task or step card, for tasks KLIK tracks: one press reports the
 * person's municipality done, and the card becomes "Fuldført ✓ af <navn>" (undo on it).
 * A task with steps but no step named gets the form instead, which asks for the step.
 */
export function statusButton(context: DialogContext, task: Task, step?: number): ReplyButton | undefined {
  if (!statusTasks(context.knowledge).includes(task)) return undefined;
  if (task.steps.length > 0 && step === undefined) {
    return { title: say(context, 'Opdater status', 'Update a status'), action: { dialog: 'status-form', args: { taskId: task.id } } };
  }
  const args: Record<string, string> = { taskId: task.id, status: 'done' };
  if (step !== undefined) args.step = String(step);
  const title = step === undefined ? say(context, 'Meld fuldført', 'Report done') : say(context, `Meld trin ${step} fuldført`, `Report step ${step} done`);
  return { title, action: { dialog: 'status-update', args }, replacesCard: true };
}
