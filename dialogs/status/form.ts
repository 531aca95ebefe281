import { z } from 'zod';
import type { Reply, ReplyFormOption } from '../../src/core/types.js';
import { findTask, statusTasks } from '../../src/knowledge/queries.js';
import type { Task } from '../../src/knowledge/schemas/tasks.js';
import type { TaskStatus } from '../../src/state/statuses.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { say } from '../shared/say.js';
import { targetMunicipality } from '../membership/acting-for.js';
import { STATUS_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';

/** The three statuses, in the order KLIK shows them. */
export const STATUSES: readonly TaskStatus[] = ['not-started', 'started', 'done'];

/** "ikke påbegyndt" / "påbegyndt" / "fuldført" (en: not started / started / done). */
export function statusWord(context: Pick<DialogContext, 'language'>, status: TaskStatus): string {
  const words = {
    'not-started': ['ikke påbegyndt', 'not started'],
    started: ['påbegyndt', 'started'],
    done: ['fuldført', 'done'],
  } as const;
  return say(context, words[status][0], words[status][1]);
}

/** A task, and the step when the task has steps: what one status belongs to. */
export interface TaskTarget {
  task: Task;
  step?: number;
}

/** The form's value for a task or step: "bbr-adgangsstyring#3", or the task id alone. */
export function taskTargetValue(taskId: string, step?: number): string {
  return step === undefined ? taskId : `${taskId}#${step}`;
}

/** A form value read back: the task id and, after a "#", the step as written. */
export function parseTaskTargetValue(value: string): { taskId: string; step?: string } {
  const hash = value.lastIndexOf('#');
  return hash === -1 ? { taskId: value } : { taskId: value.slice(0, hash), step: value.slice(hash + 1) };
}

/** "BBR på Adgangsstyring, trin 3" (`separator` ", " in a sentence, " – " in a list). */
export function targetName(context: DialogContext, target: TaskTarget, separator = ', '): string {
  if (target.step === undefined) return target.task.title;
  return `${target.task.title}${separator}${say(context, 'trin', 'step')} ${target.step}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The task and step a status is about, checked against the knowledge; or a reply that says what is wrong. */
export function resolveTaskTarget(
  context: DialogContext,
  taskId: string | undefined,
  step: string | undefined,
): { ok: true; target: TaskTarget } | { ok: false; replies: Reply[] } {
  if (taskId === undefined || taskId === '')
    return {
      ok: false,
      replies: notice(say(context, 'Vælg hvilken opgave, status gælder.', 'Choose the task the status is for.')),
    };
  const task = findTask(context.knowledge, taskId);
  if (!task)
    return { ok: false, replies: notice(say(context, 'Den opgave kender jeg ikke.', "I don't know that task.")) };
  if (!statusTasks(context.knowledge).includes(task)) {
    const why =
      task.state === 'dropped'
        ? say(context, 'den er udgået', 'it has been dropped')
        : say(context, 'den følges ikke i KLIK', 'KLIK does not track it');
    return {
      ok: false,
      replies: notice(
        say(
          context,
          `_${task.title}_ har ingen status at ændre: ${why}.`,
          `_${task.title}_ has no status to change: ${why}.`,
        ),
      ),
    };
  }
  if (task.steps.length === 0) {
    if (step !== undefined)
      return {
        ok: false,
        replies: notice(
          say(
            context,
            `_${task.title}_ har ingen trin; vælg opgaven uden trin.`,
            `_${task.title}_ has no steps; choose the task without a step.`,
          ),
        ),
      };
    return { ok: true, target: { task } };
  }
  const range = `1–${task.steps.length}`;
  if (step === undefined)
    return {
      ok: false,
      replies: notice(
        say(
          context,
          `_${task.title}_ har trin ${range}: vælg et trin.`,
          `_${task.title}_ has steps ${range}: choose a step.`,
        ),
      ),
    };
  const found = task.steps.find((candidate) => String(candidate.number) === step);
  if (!found) {
    const shown = step.slice(0, 10);
    return {
      ok: false,
      replies: notice(
        say(
          context,
          `_${task.title}_ har trin ${range}; trin ${shown} kender jeg ikke.`,
          `_${task.title}_ has steps ${range}; I don't know step ${shown}.`,
        ),
      ),
    };
  }
  return { ok: true, target: { task, step: found.number } };
}

/** The task field's choices: every task with a status, each step of a task with steps on its own. */
function taskOptions(context: DialogContext, tasks: Task[]): ReplyFormOption[] {
  return tasks.flatMap((task) =>
    task.steps.length === 0
      ? [{ value: taskTargetValue(task.id), label: task.title }]
      : task.steps.map((step) => ({
          value: taskTargetValue(task.id, step.number),
          label: targetName(context, { task, step: step.number }, ' – '),
        })),
  );
}

const argsSchema = z.object({ taskId: z.string().optional(), municipality: z.string().optional() });

/**
 * A form to set a status: a task (or step) and a status, for the person's own municipality
 * (an administrator may name another). It submits to status-update, which checks it all again.
 */
export const statusForm: ActionDialog = (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const { taskId, municipality: named } = parsed.success ? parsed.data : {};
  const target = targetMunicipality(context, named, services);
  if (!target.ok) return Promise.resolve(target.replies);
  let tasks = statusTasks(context.knowledge);
  if (taskId !== undefined) {
    const task = findTask(context.knowledge, taskId);
    if (!task || !tasks.includes(task))
      return Promise.resolve(
        notice(say(context, 'Den opgave har ingen status, jeg kan ændre.', 'That task has no status I can change.')),
      );
    tasks = [task];
  }
  const { municipality } = target;
  const title = say(context, 'Opdater status', 'Update a status');
  const reply: Reply = {
    heading: title,
    text: say(
      context,
      `Opdater status for ${municipality.name}: vælg opgave og status, og gem.`,
      `Update a status for ${municipality.name}: choose the task and the status, then save.`,
    ),
    form: {
      id: 'status-update',
      title,
      submitLabel: say(context, 'Gem', 'Save'),
      fields: [
        { id: 'task', label: say(context, 'Opgave', 'Task'), options: taskOptions(context, tasks) },
        {
          id: 'status',
          label: say(context, 'Status', 'Status'),
          options: STATUSES.map((status) => ({ value: status, label: capitalised(statusWord(context, status)) })),
        },
      ],
      submit: { dialog: STATUS_DIALOGS.update, args: { municipality: municipality.id, lang: context.language } },
      open: { dialog: STATUS_DIALOGS.form, args: taskId === undefined ? {} : { taskId } },
    },
  };
  return Promise.resolve([reply]);
};
