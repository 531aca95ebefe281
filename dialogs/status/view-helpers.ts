import { findTask, statusTasks } from '../../src/knowledge/queries.js';
import type { Task } from '../../src/knowledge/schemas/tasks.js';
import type { Reply } from '../../src/core/types.js';
import type { DialogContext } from '../types.js';
import type { TaskTarget } from './form.js';
import { say } from '../shared/say.js';
import { notInMaterial, refused } from '../shared/replies.js';

/** The task the national views show when none is named: BBR on Adgangsstyring. */
export const DEFAULT_STATUS_TASK = 'bbr-adgangsstyring';

/** Danish alphabetical order for municipality names (aa sorts as å, after ø). */
export const danishOrder = new Intl.Collator('da');

/** A KLIK task a status view can be about, or the reply that says why this one cannot. */
export function viewTask(
  context: DialogContext,
  taskId: string,
): { ok: true; task: Task } | { ok: false; replies: Reply[] } {
  const task = findTask(context.knowledge, taskId);
  if (!task) return refused(say(context, 'Den opgave kender jeg ikke.', "I don't know that task."));
  if (!statusTasks(context.knowledge).includes(task)) {
    const why =
      task.state === 'dropped'
        ? say(context, 'den er udgået', 'it has been dropped')
        : say(context, 'den følges ikke i KLIK', 'KLIK does not track it');
    return refused(say(context, `_${task.title}_ har ingen status: ${why}.`, `_${task.title}_ has no status: ${why}.`));
  }
  return { ok: true, task };
}

/** The step named (digits), checked against the task; undefined when none is named. */
export function viewStep(
  context: DialogContext,
  task: Task,
  step: string | undefined,
): { ok: true; step?: number } | { ok: false; replies: Reply[] } {
  if (step === undefined || step === '') return { ok: true };
  if (task.steps.length === 0)
    return refused(say(context, `_${task.title}_ har ingen trin.`, `_${task.title}_ has no steps.`));
  const found = task.steps.find((candidate) => String(candidate.number) === step.trim());
  if (!found) {
    const range = `1–${task.steps.length}`;
    return refused(
      say(
        context,
        `_${task.title}_ har trin ${range}; trin ${step.slice(0, 10)} kender jeg ikke.`,
        `_${task.title}_ has steps ${range}; I don't know step ${step.slice(0, 10)}.`,
      ),
    );
  }
  return { ok: true, step: found.number };
}

/** The task (BBR when none is named) and step a view is asked about, or the reply that says why not. */
export function viewTarget(
  context: DialogContext,
  taskId: string | undefined,
  step: string | undefined,
): { ok: true; task: Task; step?: number } | { ok: false; replies: Reply[] } {
  const found = viewTask(context, taskId ?? DEFAULT_STATUS_TASK);
  if (!found.ok) return found;
  const chosen = viewStep(context, found.task, step);
  if (!chosen.ok) return chosen;
  return { ok: true, task: found.task, step: chosen.step };
}

/** The targets one status each: every step of a task with steps (or only `step`), else the task itself. */
export function targetsOfTask(task: Task, step?: number): TaskTarget[] {
  if (task.steps.length === 0) return [{ task }];
  return task.steps
    .filter((candidate) => step === undefined || candidate.number === step)
    .map((candidate) => ({ task, step: candidate.number }));
}

/** "Slack", "Teams", "webchatten" (en: "the web chat"): where a change was made. */
export function channelName(context: DialogContext, channel: string): string {
  const names: Record<string, [string, string]> = {
    slack: ['Slack', 'Slack'],
    teams: ['Teams', 'Teams'],
    web: ['webchatten', 'the web chat'],
    emulator: ['Emulator', 'Emulator'],
  };
  const name = names[channel];
  return name ? say(context, name[0], name[1]) : channel;
}

/**
 * "trin 1 for Fordelingskomponenten": a support system or interface named where no task is,
 * which the material has no national figures for; said so, rather than another task's table.
 */
export function noFiguresFor(context: DialogContext, about: string | undefined): Reply[] | undefined {
  if (about === undefined) return undefined;
  const { supportSystems, interfaces } = context.knowledge;
  const name =
    supportSystems.find((system) => system.id === about)?.name ?? interfaces.find((item) => item.id === about)?.code;
  if (name === undefined) return undefined;
  const counted = findTask(context.knowledge, DEFAULT_STATUS_TASK)?.title ?? DEFAULT_STATUS_TASK;
  return notInMaterial(
    context,
    `Jeg har ingen landsstatus for _${name}_; materialet har kun landstal for _${counted}_.`,
    `I have no national status for _${name}_; the material only has national figures for _${counted}_.`,
  );
}
