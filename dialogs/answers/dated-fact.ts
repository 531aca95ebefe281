import type { ReplyButton } from '../../src/core/types.js';
import { datedItems, findRole, findTask } from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { dateText, whenText } from './deadlines.js';
import { remindButton } from '../reminders/button.js';
import { askButton, dialogButton } from '../shared/buttons.js';
import { materialText, say, sourceLine } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';

function dateButtons(
  context: DialogContext,
  deadlineId: string,
  roleIds: string[],
  taskId: string | undefined,
): ReplyButton[] {
  const remind = remindButton(context, deadlineId);
  const buttons: ReplyButton[] = remind ? [remind] : [];
  for (const roleId of roleIds.slice(0, 2)) {
    const name = findRole(context.knowledge, roleId)?.name ?? roleId;
    buttons.push(dialogButton(say(context, `Om ${name}`, `About ${name}`), ANSWER_DIALOGS.role, { roleId }));
  }
  const task = taskId ? findTask(context.knowledge, taskId) : undefined;
  if (task)
    buttons.push(
      dialogButton(say(context, `Om ${task.title}`, `About ${task.title}`), ANSWER_DIALOGS.taskDeadline, {
        taskId: task.id,
      }),
    );
  buttons.push(
    askButton(
      say(context, 'Kommende deadlines', 'Upcoming deadlines'),
      say(context, 'Hvilke deadlines kommer nu?', 'Which deadlines are coming up?'),
    ),
  );
  return buttons;
}

/** A dated fact that is not a task's own deadline (deadlines.json): the date first, then who and what. */
export const datedFact: Dialog = (context, args) => {
  const record = context.knowledge.deadlines.find((deadline) => deadline.id === args.deadlineId);
  const item = datedItems(context.knowledge).find((dated) => dated.kind === 'deadline' && dated.id === args.deadlineId);
  if (!record || !item) return [{ text: say(context, 'Den dato kender jeg ikke.', "I don't know that date.") }];
  const names = record.responsibleRoles.map((roleId) => findRole(context.knowledge, roleId)?.name ?? roleId);
  const lines = [
    `**${dateText(context, item)}**${whenText(context, item)}: ${record.title}.`,
    names.length > 0
      ? say(context, `Ansvarlig: ${names.join(', ')}.`, `Responsible: ${names.join(', ')}.`)
      : say(context, 'Materialet nævner ingen ansvarlig rolle.', 'The material names no responsible role.'),
    materialText(context, record.description),
  ];
  return [
    {
      heading: record.title,
      text: lines.join('\n'),
      source: sourceLine(context, record.source.label),
      buttons: dateButtons(context, record.id, record.responsibleRoles, record.relatedTask),
    },
  ];
};
