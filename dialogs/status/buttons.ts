import type { ReplyButton } from '../../src/core/types.js';
import type { Task } from '../../src/knowledge/schemas/tasks.js';
import type { DialogContext } from '../types.js';
import { say } from '../shared/say.js';
import { STATUS_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { statusTasks } from '../../src/knowledge/queries.js';

/**
 * The status button on a task or step card, for tasks KLIK tracks: one press reports the
 * person's municipality done, and the card becomes "Fuldført ✓ af <navn>" (undo on it).
 * A task with steps but no step named gets the form instead, which asks for the step.
 */
export function statusButton(context: DialogContext, task: Task, step?: number): ReplyButton | undefined {
  if (!statusTasks(context.knowledge).includes(task)) return undefined;
  if (task.steps.length > 0 && step === undefined) {
    return dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_DIALOGS.form, { taskId: task.id });
  }
  const args: Record<string, string> = { taskId: task.id, status: 'done' };
  if (step !== undefined) args.step = String(step);
  const title =
    step === undefined
      ? say(context, 'Meld fuldført', 'Report done')
      : say(context, `Meld trin ${step} fuldført`, `Report step ${step} done`);
  return { ...dialogButton(title, STATUS_DIALOGS.update, args), replacesCard: true };
}
