import { daysUntil, formatDate, relativeDays } from '../../src/core/format.js';
import type { ActionPayload, ReplyButton } from '../../src/core/types.js';
import { upcomingDeadlines, type DatedItem } from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { remindAllButton } from '../reminders/button.js';
import { say, sourceLine } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';

const UPCOMING_SHOWN = 5;

/** "torsdag 1. november 2018", prefixed "inden" when the date itself is too late. */
export function dateText(context: DialogContext, item: DatedItem): string {
  const date = formatDate(item.date, context.language, item.precision);
  if (item.precision === 'month') return say(context, `i ${date}`, `in ${date}`);
  return item.relation === 'before' ? say(context, `inden ${date}`, `before ${date}`) : date;
}

/** "(om 14 dage)", or nothing for month-precision dates where a day count would be invented. */
export function whenText(context: DialogContext, item: DatedItem): string {
  if (item.precision === 'month') return '';
  return ` (${relativeDays(daysUntil(item.date, context.turn.now), context.language)})`;
}

function itemButton(context: DialogContext, item: DatedItem): ReplyButton {
  const action: ActionPayload =
    item.kind === 'task'
      ? { dialog: ANSWER_DIALOGS.taskDeadline, args: { taskId: item.id } }
      : { dialog: ANSWER_DIALOGS.datedFact, args: { deadlineId: item.id } };
  return { title: say(context, `Om ${item.title}`, `About ${item.title}`), action };
}

/** The next deadlines from today, soonest first. */
export const upcoming: Dialog = (context) => {
  const items = upcomingDeadlines(context.knowledge, context.turn.now, UPCOMING_SHOWN);
  const [first] = items;
  if (!first) {
    return [
      {
        text: say(
          context,
          'Der er ingen kommende deadlines i mine data.',
          'There are no upcoming deadlines in my data.',
        ),
      },
    ];
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
      buttons: [...items.slice(0, 3).map((item) => itemButton(context, item)), remindAllButton(context)],
    },
  ];
};
