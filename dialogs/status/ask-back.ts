import { z } from 'zod';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { findTask, statusTasks } from '../../src/knowledge/queries.js';
import { taskStatusSchema } from '../../src/state/schema.js';
import type { StatusTarget } from '../../src/understanding/types.js';
import type { Dialog, DialogContext } from '../types.js';
import { parseTaskTargetValue, statusWord, targetName, taskTargetValue, type TaskTarget } from './form.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { STATUS_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';

// Buttons beyond these crowd the card; the form offers every task and step.
const MAX_CHOICES = 5;

const argsSchema = z.object({ status: taskStatusSchema, candidates: z.string().max(2000).optional() });

/** The candidates as a dialog argument: "bbr-adgangsstyring#3,verificer-fordelingsregler". */
export function encodeCandidates(targets: StatusTarget[]): string {
  return targets.map((target) => taskTargetValue(target.taskId, target.step)).join(',');
}

/** The candidates that are tasks or steps with a status, in the order given. */
function knownCandidates(context: DialogContext, encoded: string | undefined): TaskTarget[] {
  const withStatus = statusTasks(context.knowledge);
  return (encoded ?? '')
    .split(',')
    .filter(Boolean)
    .map(parseTaskTargetValue)
    .flatMap(({ taskId, step }): TaskTarget[] => {
      const task = findTask(context.knowledge, taskId);
      if (!task || !withStatus.includes(task)) return [];
      if (step === undefined) return task.steps.length === 0 ? [{ task }] : [];
      const number = task.steps.find((candidate) => String(candidate.number) === step)?.number;
      return number === undefined ? [] : [{ task, step: number }];
    });
}

function joinOr(context: DialogContext, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${say(context, 'eller', 'or')} ${items.at(-1)!}`;
}

/** "trin 1, 2 eller 3 for BBR på Adgangsstyring", or "Verificer fordelingsregler eller Konfigurér fordelingsregler". */
function choicesText(context: DialogContext, choices: TaskTarget[]): string {
  const first = choices[0]!.task;
  const steps = choices.map((choice) => choice.step);
  if (choices.every((choice) => choice.task === first) && steps.every((step) => step !== undefined)) {
    return `${say(context, 'trin', 'step')} ${joinOr(context, steps.map(String))} ${say(context, 'for', 'of')} ${first.title}`;
  }
  return joinOr(
    context,
    choices.map((choice) =>
      choice.step === undefined
        ? choice.task.title
        : `${say(context, 'trin', 'step')} ${choice.step} ${say(context, 'for', 'of')} ${choice.task.title}`,
    ),
  );
}

function choiceButton(context: DialogContext, target: TaskTarget, status: string): ReplyButton {
  const args: Record<string, string> = { taskId: target.task.id, status };
  if (target.step !== undefined) args.step = String(target.step);
  return dialogButton(targetName(context, target, ' – '), STATUS_DIALOGS.update, args);
}

/**
 * "Mener du BBR på Adgangsstyring, trin 3 eller …?": a status typed in words whose task or
 * step was not named for certain. Each choice is a button that sets exactly that status;
 * the form offers everything else. Nothing is changed until one is pressed.
 */
export const statusAskBack: Dialog = (context, args) => {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success)
    return notice(
      say(
        context,
        'Vælg en status: ikke påbegyndt, påbegyndt eller fuldført.',
        'Choose a status: not started, started or done.',
      ),
    );
  const { status } = parsed.data;
  const word = statusWord(context, status);
  const choices = knownCandidates(context, parsed.data.candidates).slice(0, MAX_CHOICES);
  const first = choices[0]?.task.id;
  const sameTask: Record<string, string> =
    first !== undefined && choices.every((choice) => choice.task.id === first) ? { taskId: first } : {};
  const form = dialogButton(say(context, 'Noget andet', 'Something else'), STATUS_DIALOGS.form, sameTask);
  if (choices.length === 0) {
    const text = say(
      context,
      `Hvilken opgave er ${word}? Vælg den i formularen. Intet er ændret.`,
      `Which task is ${word}? Choose it in the form. Nothing was changed.`,
    );
    return notice(text, { buttons: [form] });
  }
  const names = choicesText(context, choices);
  const reply: Reply = {
    text: say(
      context,
      `Mener du ${names}? Vælg, så sætter jeg den til ${word} for din kommune. Intet er ændret endnu.`,
      `Do you mean ${names}? Choose, and I'll set it to ${word} for your municipality. Nothing has been changed yet.`,
    ),
    buttons: [...choices.map((choice) => choiceButton(context, choice, status)), form],
    notice: true,
  };
  return [reply];
};
