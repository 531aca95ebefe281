import { z } from 'zod';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import {
  copenhagenDate,
  datedItems,
  findRole,
  findTask,
  firstDay,
  inSpan,
  lastDay,
  systemOfItems,
  type DatedItem,
} from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { dateText, whenText } from './deadlines.js';
import { joinAnd, spanText, taskKindText } from '../shared/text.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { spanArgs } from '../shared/args.js';
import { ANSWER_DIALOGS } from '../names.js';

/** What an item is, in a few words: "basisopgave, Fordelingskomponenten" or its responsible roles. */
function detail(context: DialogContext, item: DatedItem): string {
  const task = item.kind === 'task' ? findTask(context.knowledge, item.id) : undefined;
  if (task) {
    return [taskKindText(context, task.kind, 'one'), ...(task.supportSystem ? [task.supportSystem] : [])].join(', ');
  }
  const roles = item.responsibleRoles.map((roleId) => findRole(context.knowledge, roleId)?.name ?? roleId);
  return roles.length > 0 ? say(context, `ansvarlig: ${roles.join(', ')}`, `responsible: ${roles.join(', ')}`) : '';
}

function itemLine(context: DialogContext, item: DatedItem): string {
  const about = detail(context, item);
  return `${dateText(context, item)}${whenText(context, item)}: ${item.title}${about ? ` (${about})` : ''}`;
}

/** "both basis tasks for Fordelingskomponenten" when every item on the date is a task of one kind and system. */
function sharedKind(context: DialogContext, items: DatedItem[]): string {
  const tasks = items.map((item) => (item.kind === 'task' ? findTask(context.knowledge, item.id) : undefined));
  const [first] = tasks;
  if (
    items.length < 2 ||
    !first ||
    tasks.some((task) => !task || task.kind !== first.kind || task.supportSystem !== first.supportSystem)
  )
    return '';
  const all = items.length === 2 ? say(context, 'begge', 'both') : say(context, 'alle', 'all');
  const system = first.supportSystem ? say(context, ` for ${first.supportSystem}`, ` for ${first.supportSystem}`) : '';
  return `, ${all} ${taskKindText(context, first.kind, 'many')}${system}`;
}

/** The items on the earliest date: "**onsdag 12. december 2018** (om 97 dage): A og B, begge basisopgaver …". */
function firstDateSentence(context: DialogContext, items: DatedItem[]): string {
  const [first] = items;
  if (!first) return '';
  const sameDate = items.filter((item) => item.date === first.date && item.relation === first.relation);
  const titles = joinAnd(
    sameDate.map((item) => `_${item.title}_`),
    context.language,
  );
  return `**${dateText(context, first)}**${whenText(context, first)}: ${titles}${sharedKind(context, sameDate)}.`;
}

function buttonsFor(context: DialogContext, items: DatedItem[], extra: ReplyButton): ReplyButton[] {
  const buttons: ReplyButton[] = items
    .filter((item) => item.kind === 'task')
    .slice(0, 2)
    .map((item) =>
      dialogButton(say(context, `Om ${item.title}`, `About ${item.title}`), ANSWER_DIALOGS.taskDeadline, {
        taskId: item.id,
      }),
    );
  return [...buttons, extra];
}

function upcomingButton(context: DialogContext): ReplyButton {
  return dialogButton(say(context, 'Kommende deadlines', 'Upcoming deadlines'), ANSWER_DIALOGS.upcoming);
}

function byFirstDay(items: DatedItem[]): DatedItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => firstDay(a.item).localeCompare(firstDay(b.item)) || a.index - b.index)
    .map((entry) => entry.item);
}

// "deadlines i november for Fordelingskomponenten": the span's items of one system first
const systemArgs = z.object({ system: z.string().min(1).max(100).optional() });

/** "Andre deadlines i perioden:" and a line each: the span's items of other systems, after those of the one asked about. */
function othersLine(context: DialogContext, others: DatedItem[]): string[] {
  if (others.length === 0) return [];
  const heading = say(context, 'Andre deadlines i perioden:', 'Other deadlines in the period:');
  return [heading, ...others.map((item) => `- ${itemLine(context, item)}`)];
}

/**
 * Every dated item (task deadlines and other dates) inside a span, in date order; none → the
 * next one after it. Where a support system or IT system is named, its items answer, and the
 * span's others are said after them (a system named beside a date may be only what the asker has in mind).
 */
export const deadlineSpan: Dialog = (context, args) => {
  const parsed = spanArgs.safeParse(args);
  if (!parsed.success) return unknownReply(context, 'Den periode forstår jeg ikke.', "I don't understand that period.");
  const { start, end } = parsed.data;
  const asked = systemArgs.safeParse(args);
  const systemId = asked.success ? asked.data.system : undefined;
  const system = systemId === undefined ? undefined : systemOfItems(context.knowledge, systemId);
  if (!asked.success || (systemId !== undefined && !system))
    return unknownReply(context, 'Det system kender jeg ikke.', "I don't know that system.");
  const all = byFirstDay(datedItems(context.knowledge));
  const ofSystem = (item: DatedItem) => !system || system.has(item);
  const spanned = all.filter((item) => inSpan(item, start, end) && ofSystem(item));
  const others = othersLine(
    context,
    all.filter((item) => inSpan(item, start, end) && !ofSystem(item)),
  );
  const when = `${system ? `for ${system.name} ` : ''}${spanText(context, start, end)}`;
  if (spanned.length === 0)
    return [
      emptySpanReply(
        context,
        when,
        all.find((item) => firstDay(item) > end && ofSystem(item)),
        others,
      ),
    ];
  const later = spanned.filter((item) => item.date !== spanned[0]?.date).length;
  const more =
    later > 0 ? say(context, ` Derefter ${later} mere i perioden.`, ` Then ${later} more in the period.`) : '';
  const intro = `Deadlines ${when}: ${firstDateSentence(context, spanned)}${more}`;
  return [
    listReply({
      heading: say(context, `Deadlines ${when}`, `Deadlines ${when}`),
      intro,
      list: spanned.map((item) => itemLine(context, item)),
      after: others,
      source: sourcesLine(
        context,
        spanned.map((item) => item.source.label),
      ),
      buttons: buttonsFor(context, spanned, upcomingButton(context)),
    }),
  ];
};

function emptySpanReply(context: DialogContext, when: string, next: DatedItem | undefined, others: string[]): Reply {
  const none = say(
    context,
    `Der er ingen deadlines ${when} i mine data.`,
    `There are no deadlines ${when} in my data.`,
  );
  const after = next
    ? say(
        context,
        `Den næste efter perioden: ${itemLine(context, next)}.`,
        `The next one after that: ${itemLine(context, next)}.`,
      )
    : say(context, 'Der er heller ingen senere i mine data.', 'There are none later in my data either.');
  return {
    text: [none, after, ...others].join('\n'),
    source: sourcesLine(context, next ? [next.source.label] : ['Programledermøde september 2018']),
    buttons: buttonsFor(context, next ? [next] : [], upcomingButton(context)),
  };
}

/** Dated items whose date has passed on the clock's date ("before" items on their date), most recent first. */
export const overdue: Dialog = (context) => {
  const today = copenhagenDate(context.turn.now);
  const passed = datedItems(context.knowledge)
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => lastDay(item) < today)
    .sort((a, b) => lastDay(b.item).localeCompare(lastDay(a.item)) || a.index - b.index)
    .map((entry) => entry.item);
  const [latest] = passed;
  if (!latest) {
    const next = byFirstDay(datedItems(context.knowledge)).find((item) => lastDay(item) >= today);
    const none = say(context, 'Ingen deadlines er passeret endnu.', 'No deadlines have passed yet.');
    const then = next
      ? say(context, `Den næste: ${itemLine(context, next)}.`, `The next one: ${itemLine(context, next)}.`)
      : '';
    return [
      {
        text: [none, then].filter(Boolean).join('\n'),
        source: sourcesLine(context, next ? [next.source.label] : ['Programledermøde september 2018']),
        buttons: buttonsFor(context, next ? [next] : [], upcomingButton(context)),
      },
    ];
  }
  const lead = say(
    context,
    `**${passed.length} ${passed.length === 1 ? 'deadline er' : 'deadlines er'} passeret.** Den seneste: ${itemLine(context, latest)}.`,
    `**${passed.length} ${passed.length === 1 ? 'deadline has' : 'deadlines have'} passed.** The latest: ${itemLine(context, latest)}.`,
  );
  const hedge = say(
    context,
    'Om jeres kommune har løst opgaverne, viser KLIK.',
    'Whether your municipality has done the tasks is shown in KLIK.',
  );
  return [
    listReply({
      heading: say(context, 'Passerede deadlines', 'Passed deadlines'),
      intro: lead,
      list: passed.map((item) => itemLine(context, item)),
      after: [hedge],
      source: sourcesLine(
        context,
        passed.map((item) => item.source.label),
      ),
      buttons: buttonsFor(context, passed, upcomingButton(context)),
    }),
  ];
};
