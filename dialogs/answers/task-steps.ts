import type { ReplyButton } from '../../src/core/types.js';
import { findTask } from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { bbrNational } from '../../src/knowledge/systems-queries.js';
import { countsText } from '../status/extract.js';
import { statusButton } from '../status/buttons.js';
import { say, sourceLine } from '../shared/say.js';
import { shortDate } from '../shared/text.js';
import { ANSWER_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { asksForDate, deadlineSentence, taskDate } from './task-deadline.js';

/** "I KLIK-udtrækket 4. september 2018: 28 fuldført · …": where the step stood nationally, if the material counts it. */
function stepCounts(context: DialogContext, taskId: string, step: number): string[] {
  const national = bbrNational(context.knowledge, taskId);
  const row = national?.rows.find((one) => one.step === step);
  if (!national || !row) return [];
  const asOf = shortDate(national.source.asOf, context.language);
  return [
    say(
      context,
      `I KLIK-udtrækket ${asOf}: ${countsText(context, row)}.`,
      `In the KLIK extract of ${asOf}: ${countsText(context, row)}.`,
    ),
  ];
}

/** A task's steps, numbered as in KLIK; one step with where the municipalities stand on it. */
export const taskSteps: Dialog = (context, args) => {
  const task = findTask(context.knowledge, args.taskId ?? '');
  if (!task) return [{ text: say(context, 'Den opgave kender jeg ikke.', "I don't know that task.") }];
  const deadlineButton = dialogButton(
    say(context, 'Hvornår er deadline?', 'When is it due?'),
    ANSWER_DIALOGS.taskDeadline,
    { taskId: task.id },
  );
  if (task.steps.length === 0) {
    return [
      {
        heading: task.title,
        text: say(
          context,
          `Materialet beskriver ikke trin for _${task.title}_; opgaven står i KLIK som én opgave.`,
          `The material lists no steps for _${task.title}_; KLIK has it as one task.`,
        ),
        source: sourceLine(context, task.source.label),
        buttons: [deadlineButton],
      },
    ];
  }
  const asked = task.steps.find((step) => String(step.number) === args.step);
  if (args.step !== undefined && !asked) {
    const count = task.steps.length;
    return [
      {
        text: say(
          context,
          `_${task.title}_ har ${count} trin; trin ${args.step} kender jeg ikke.`,
          `_${task.title}_ has ${count} steps; I don't know step ${args.step}.`,
        ),
      },
    ];
  }
  if (asked) {
    const next = task.steps.find((step) => step.number === asked.number + 1);
    const text = [
      say(
        context,
        `Trin ${asked.number} i _${task.title}_: **${asked.title}**.`,
        `Step ${asked.number} of _${task.title}_: **${asked.title}**.`,
      ),
      ...stepCounts(context, task.id, asked.number),
      // "hvad er deadline for trin 5?": a step is due when its task is
      ...(asksForDate(context) ? [deadlineSentence(context, task, taskDate(context, task))] : []),
    ].join('\n');
    const buttons: ReplyButton[] = [
      dialogButton(say(context, 'Vis alle trin', 'Show all steps'), ANSWER_DIALOGS.taskSteps, { taskId: task.id }),
    ];
    if (next)
      buttons.unshift(
        dialogButton(say(context, `Trin ${next.number}`, `Step ${next.number}`), ANSWER_DIALOGS.taskSteps, {
          taskId: task.id,
          step: String(next.number),
        }),
      );
    const report = statusButton(context, task, asked.number);
    if (report) buttons.unshift(report);
    return [{ heading: task.title, text, source: sourceLine(context, task.source.label), buttons }];
  }
  const list = task.steps.map((step) => `${say(context, 'Trin', 'Step')} ${step.number}: ${step.title}`);
  const intro = say(
    context,
    `_${task.title}_ har ${task.steps.length} trin:`,
    `_${task.title}_ has ${task.steps.length} steps:`,
  );
  return [
    {
      heading: task.title,
      text: `${intro}\n${list.join('\n')}`,
      intro,
      list,
      source: sourceLine(context, task.source.label),
      buttons: [deadlineButton],
    },
  ];
};
