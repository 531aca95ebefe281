import type { ReplyButton } from '../../src/core/types.js';
import { datesForTask, findRole, findTask, type DatedItem, type Task } from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { dateText, whenText } from './deadlines.js';
import { remindButton } from '../reminders/button.js';
import { askButton, dialogButton } from '../shared/buttons.js';
import { materialText, say, sourceLine } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';
import { asksWhen } from '../../src/understanding/search/answerable.js';

function responsibleText(context: DialogContext, task: Task): string {
  const names = task.responsibleRoles.map((roleId) => findRole(context.knowledge, roleId)?.name ?? roleId);
  if (names.length === 0) {
    return say(
      context,
      'Materialet nævner ingen ansvarlig rolle for opgaven.',
      'The material names no responsible role for the task.',
    );
  }
  return say(context, `Ansvarlig: ${names.join(', ')}.`, `Responsible: ${names.join(', ')}.`);
}

export function deadlineSentence(context: DialogContext, task: Task, item: DatedItem | undefined): string {
  const title = task.title;
  if (task.state === 'dropped') return say(context, `_${title}_ udgår.`, `_${title}_ has been dropped.`);
  if (task.state === 'announced') {
    return say(
      context,
      `_${title}_ er kun varslet: KOMBIT har endnu ikke stillet opgaven i KLIK, så der er ingen deadline endnu.`,
      `_${title}_ has only been announced: KOMBIT has not yet set it in KLIK, so there is no deadline yet.`,
    );
  }
  if (task.state === 'updating' && !item) {
    return say(
      context,
      `_${title}_ er under opdatering i KLIK; materialet giver ingen deadline endnu.`,
      `_${title}_ is being updated in KLIK; the material gives no deadline yet.`,
    );
  }
  if (!item)
    return say(context, `_${title}_ har ingen deadline i mine data.`, `_${title}_ has no deadline in my data.`);
  const when = `**${dateText(context, item)}**${whenText(context, item)}`;
  if (item.kind === 'deadline') {
    return say(
      context,
      `Kritisk dato for _${title}_: ${when}: ${item.title}.`,
      `Critical date for _${title}_: ${when}: ${item.title}.`,
    );
  }
  return say(context, `Deadline for _${title}_: ${when}.`, `Deadline for _${title}_: ${when}.`);
}

function taskButtons(context: DialogContext, task: Task, item: DatedItem | undefined): ReplyButton[] {
  const buttons: ReplyButton[] = [];
  if (task.steps.length > 0)
    buttons.push(
      dialogButton(say(context, 'Vis trinene', 'Show the steps'), ANSWER_DIALOGS.taskSteps, { taskId: task.id }),
    );
  // the date the answer gives is the one to be reminded of
  const remind = item && task.state !== 'dropped' ? remindButton(context, item.id) : undefined;
  if (remind) buttons.push(remind);
  for (const roleId of [...new Set([...task.responsibleRoles, ...task.relatedRoles])].slice(0, 2)) {
    const name = findRole(context.knowledge, roleId)?.name ?? roleId;
    buttons.push(dialogButton(say(context, `Om ${name}`, `About ${name}`), ANSWER_DIALOGS.role, { roleId }));
  }
  buttons.push(
    askButton(
      say(context, 'Kommende deadlines', 'Upcoming deadlines'),
      say(context, 'Hvilke deadlines kommer nu?', 'Which deadlines are coming up?'),
    ),
  );
  return buttons;
}

// "tidsfristen", "deadlinen", "due", "dato"; not "opdateret"
const dateWord = /deadline|frist|\b(due|dato\w*|dates?)\b/iu;

/**
 * A date asked of a task that has none yet (only announced, being updated in KLIK): the answer
 * says why, but the date is not known. A task that runs without a deadline ("hver gang …")
 * says when it is done; "skal DUBU bruge Fjernprint?" asks no date.
 */
function asksForADate(context: DialogContext, task: Task, item: DatedItem | undefined): boolean {
  if (item || (task.state !== 'announced' && task.state !== 'updating')) return false;
  return asksForDate(context);
}

/** Whether the question asks when or for a deadline. */
export function asksForDate(context: DialogContext): boolean {
  const text = context.turn.text;
  return asksWhen(text) || dateWord.test(text);
}

/** The date a task is due by: its own, else the first dated thing it has. */
export function taskDate(context: DialogContext, task: Task): DatedItem | undefined {
  const dates = datesForTask(context.knowledge, task.id);
  return dates.find((item) => item.kind === 'task') ?? dates[0];
}

/** A task's deadline with days left or since, who is responsible and what else the seed says. */
export const taskDeadline: Dialog = (context, args) => {
  const task = findTask(context.knowledge, args.taskId ?? '');
  if (!task) return [{ text: say(context, 'Den opgave kender jeg ikke.', "I don't know that task.") }];
  const own = taskDate(context, task);
  const lines = [deadlineSentence(context, task, own), responsibleText(context, task)];
  if (task.state !== 'active' && task.stateNote) lines.push(task.stateNote);
  if (task.description) lines.push(materialText(context, task.description));
  return [
    {
      heading: task.title,
      text: lines.join('\n'),
      source: sourceLine(context, task.source.label),
      buttons: taskButtons(context, task, own),
      ...(asksForADate(context, task, own) ? { notKnown: true } : {}),
    },
  ];
};
