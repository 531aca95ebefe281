import { daysUntil, formatDate, relativeDays } from '../src/core/format.js';
import type { Reply, ReplyButton } from '../src/core/types.js';
import { datedItems, findTask, upcomingDeadlines, type DatedItem } from '../src/knowledge/queries.js';
import { askButton, say, sourceLine, type Dialog, type DialogContext } from './context.js';

const UPCOMING_SHOWN = 5;

/** "torsdag 1. november 2018", prefixed "inden" when the date itself is too late. */
function dateText(context: DialogContext, item: DatedItem): string {
  const date = formatDate(item.date, context.language, item.precision);
  if (item.precision === 'month') return say(context, `i ${date}`, `in ${date}`);
  return item.relation === 'before' ? say(context, `inden ${date}`, `before ${date}`) : date;
}

/** "(om 14 dage)", or nothing for month-precision dates where a day count would be invented. */
function whenText(context: DialogContext, item: DatedItem): string {
  if (item.precision === 'month') return '';
  return ` (${relativeDays(daysUntil(item.date, context.turn.now), context.language)})`;
}

function itemButtons(context: DialogContext, items: DatedItem[]): ReplyButton[] {
  return items
    .filter((item) => item.taskId)
    .slice(0, 3)
    .map((item) => ({
      title: say(context, `Om ${item.title}`, `About ${item.title}`),
      action: { dialog: 'task-deadline', args: { taskId: item.taskId ?? '' } },
    }));
}

/** The next deadlines from today, soonest first. */
export const upcoming: Dialog = (context) => {
  const items = upcomingDeadlines(context.knowledge, context.turn.now, UPCOMING_SHOWN);
  const [first] = items;
  if (!first) {
    return [{ text: say(context, 'Der er ingen kommende deadlines i mine data.', 'There are no upcoming deadlines in my data.') }];
  }
  const lead = say(
    context,
    `Næste deadline er **${dateText(context, first)}**${whenText(context, first)}: ${first.title}.`,
    `The next deadline is **${dateText(context, first)}**${whenText(context, first)}: ${first.title}.`,
  );
  const list = items.map((item) => `${dateText(context, item)}${whenText(context, item)}: ${item.title}`);
  const labels = [...new Set(items.map((item) => item.source.label))];
  return [
    {
      heading: say(context, 'Kommende deadlines', 'Upcoming deadlines'),
      text: `${lead}\n\n${list.join('\n')}`,
      intro: lead,
      list,
      source: sourceLine(context, labels.join('; ')),
      buttons: itemButtons(context, items),
    },
  ];
};

function responsibleText(context: DialogContext, roleNames: string[]): string {
  if (roleNames.length === 0) {
    return say(context, 'Materialet nævner ingen ansvarlig rolle for opgaven.', 'The material names no responsible role for the task.');
  }
  return say(context, `Ansvarlig: ${roleNames.join(', ')}.`, `Responsible: ${roleNames.join(', ')}.`);
}

function deadlineSentence(context: DialogContext, title: string, item: DatedItem | undefined, dropped: boolean): string {
  if (dropped) return say(context, `*${title}* udgår.`, `*${title}* has been dropped.`);
  if (!item) return say(context, `*${title}* har ingen deadline i mine data.`, `*${title}* has no deadline in my data.`);
  return say(
    context,
    `Deadline for *${title}*: **${dateText(context, item)}**${whenText(context, item)}.`,
    `Deadline for *${title}*: **${dateText(context, item)}**${whenText(context, item)}.`,
  );
}

/** A task's deadline with days left or since, who is responsible and what else the seed says. */
export const taskDeadline: Dialog = (context, args) => {
  const task = findTask(context.knowledge, args.taskId ?? '');
  if (!task) return [{ text: say(context, 'Den opgave kender jeg ikke.', "I don't know that task.") }];
  const dated = datedItems(context.knowledge).filter((item) => item.taskId === task.id);
  const own = dated.find((item) => item.kind === 'task') ?? dated[0];
  const roles = task.responsibleRoles.map((roleId) => context.knowledge.roles.find((role) => role.id === roleId)?.name ?? roleId);
  const lines = [deadlineSentence(context, task.title, own, task.state === 'dropped'), responsibleText(context, roles)];
  if (task.description) lines.push(task.description);
  const buttons: ReplyButton[] = [];
  if (task.steps.length > 0) buttons.push({ title: say(context, 'Vis trinene', 'Show the steps'), action: { dialog: 'task-steps', args: { taskId: task.id } } });
  for (const roleId of task.responsibleRoles.slice(0, 2)) {
    buttons.push({ title: say(context, 'Hvad laver rollen?', 'What does the role do?'), action: { dialog: 'role', args: { roleId } } });
  }
  buttons.push(askButton(say(context, 'Kommende deadlines', 'Upcoming deadlines'), say(context, 'Hvilke deadlines kommer nu?', 'Which deadlines are coming up?')));
  const reply: Reply = { heading: task.title, text: lines.join('\n'), source: sourceLine(context, task.source.label), buttons };
  return [reply];
};
