import { z } from 'zod';
import { formatDate } from '../../src/core/format.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { copenhagenDate, datesForTask, findTask, type DatedItem } from '../../src/knowledge/queries.js';
import { bbrNational, type BbrNational, type BbrNationalRow } from '../../src/knowledge/systems-queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { textBar, daysLeftText } from '../shared/text.js';
import { say, sourceLabel, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notInMaterial, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS, STATUS_DIALOGS } from '../names.js';
import { noFiguresFor } from './view-helpers.js';

const DEFAULT_TASK = 'bbr-adgangsstyring';

const argsSchema = z.object({
  taskId: z.string().optional(),
  step: z.string().regex(/^\d+$/).optional(),
  aspect: z.enum(['done', 'started', 'not-started']).optional(),
  about: z.string().max(100).optional(),
});

type Aspect = 'done' | 'started' | 'not-started';

function countOf(row: BbrNationalRow, aspect: Aspect): number {
  return aspect === 'done' ? row.done : aspect === 'started' ? row.started : row.notStarted;
}

function aspectWord(context: DialogContext, aspect: Aspect): string {
  const words = {
    done: ['fuldført', 'completed'],
    started: ['påbegyndt', 'started'],
    'not-started': ['ikke påbegyndt', 'not started'],
  } as const;
  return say(context, words[aspect][0], words[aspect][1]);
}

/** "28 fuldført · 17 påbegyndt · 53 ikke påbegyndt". */
export function countsText(context: DialogContext, row: BbrNationalRow): string {
  return say(
    context,
    `${row.done} fuldført · ${row.started} påbegyndt · ${row.notStarted} ikke påbegyndt`,
    `${row.done} completed · ${row.started} started · ${row.notStarted} not started`,
  );
}

/** The full step title from tasks.json (the status slide shortens or cuts some labels). */
function stepTitle(context: DialogContext, national: BbrNational, row: BbrNationalRow): string {
  return findTask(context.knowledge, national.task)?.steps.find((step) => step.number === row.step)?.title ?? row.label;
}

/** "Kritisk deadline: torsdag 1. november 2018 (om 56 dage)." from the task's related date, or nothing. */
function criticalSentence(context: DialogContext, taskId: string): string | undefined {
  const critical: DatedItem | undefined = datesForTask(context.knowledge, taskId).find(
    (item) => item.kind === 'deadline' && item.precision === 'day',
  );
  if (!critical) return undefined;
  const date = formatDate(critical.date, context.language);
  const passed = critical.date < copenhagenDate(context.turn.now);
  return passed
    ? say(
        context,
        `Kritisk deadline var ${date}${daysLeftText(context, critical.date)}: ${critical.title}.`,
        `The critical deadline was ${date}${daysLeftText(context, critical.date)}: ${critical.title}.`,
      )
    : say(
        context,
        `Kritisk deadline: ${date}${daysLeftText(context, critical.date)}: ${critical.title}.`,
        `Critical deadline: ${date}${daysLeftText(context, critical.date)}: ${critical.title}.`,
      );
}

function statusButtons(context: DialogContext, taskId: string, single: boolean): ReplyButton[] {
  const buttons: ReplyButton[] = [];
  if (single)
    buttons.push(
      dialogButton(say(context, 'Hele landsstatus', 'The whole national status'), STATUS_DIALOGS.extract, { taskId }),
    );
  buttons.push(dialogButton(say(context, 'Vis trinene', 'Show the steps'), ANSWER_DIALOGS.taskSteps, { taskId }));
  const critical = datesForTask(context.knowledge, taskId).find((item) => item.kind === 'deadline');
  if (critical)
    buttons.push(
      dialogButton(say(context, 'Om den kritiske deadline', 'About the critical deadline'), ANSWER_DIALOGS.datedFact, {
        deadlineId: critical.id,
      }),
    );
  return buttons.slice(0, 3);
}

function tableReply(context: DialogContext, national: BbrNational, title: string): Reply {
  const intro = say(
    context,
    `**${title}**, ${national.municipalities} kommuner (${sourceLabel(context, national.source.label)}):`,
    `**${title}**, ${national.municipalities} municipalities (${sourceLabel(context, national.source.label)}):`,
  );
  const list = national.rows.map(
    (row) =>
      `${row.step} ${stepTitle(context, national, row)}: ${textBar(row.done, row.total)} ${countsText(context, row)}`,
  );
  // the standalone text (notifications, screen readers) gives the counts in words; the card draws the bars
  const steps = national.rows.map(
    (row) =>
      `- ${say(context, 'Trin', 'Step')} ${row.step} ${stepTitle(context, national, row)}: ${countsText(context, row)}`,
  );
  const critical = criticalSentence(context, national.task);
  return {
    heading: title,
    text: [intro, ...steps, ...(critical ? [critical] : [])].join('\n'),
    intro: critical ? `${intro}\n${critical}` : intro,
    list,
    source: sourceLine(context, national.source.label),
    buttons: statusButtons(context, national.task, false),
  };
}

function stepReply(context: DialogContext, national: BbrNational, row: BbrNationalRow, aspect: Aspect): Reply {
  const title = stepTitle(context, national, row);
  const of = national.municipalities;
  const lead = say(
    context,
    `**${countOf(row, aspect)} af ${of} kommuner** har ${aspectWord(context, aspect)} trin ${row.step} _${title}_ (${sourceLabel(context, national.source.label)}).`,
    `**${countOf(row, aspect)} of ${of} municipalities** have ${aspectWord(context, aspect)} step ${row.step} _${title}_ (${sourceLabel(context, national.source.label)}).`,
  );
  const all = say(context, `I alt: ${countsText(context, row)}.`, `In all: ${countsText(context, row)}.`);
  const critical = criticalSentence(context, national.task);
  return {
    heading: findTask(context.knowledge, national.task)?.title ?? national.task,
    text: [lead, all, ...(critical ? [critical] : [])].join('\n'),
    source: sourceLine(context, national.source.label),
    buttons: statusButtons(context, national.task, true),
  };
}

function aspectReply(context: DialogContext, national: BbrNational, title: string, aspect: Aspect): Reply {
  const word = aspectWord(context, aspect);
  const intro = say(
    context,
    `**${title}**, ${word} pr. trin, af ${national.municipalities} kommuner (${sourceLabel(context, national.source.label)}):`,
    `**${title}**, ${word} per step, of ${national.municipalities} municipalities (${sourceLabel(context, national.source.label)}):`,
  );
  const list = national.rows.map(
    (row) =>
      `${say(context, 'Trin', 'Step')} ${row.step} ${stepTitle(context, national, row)}: ${countOf(row, aspect)}`,
  );
  const critical = criticalSentence(context, national.task);
  return {
    heading: title,
    text: [intro, ...list.map((line) => `- ${line}`), ...(critical ? [critical] : [])].join('\n'),
    intro: critical ? `${intro}\n${critical}` : intro,
    list,
    source: sourceLine(context, national.source.label),
    buttons: statusButtons(context, national.task, true),
  };
}

/**
 * The national status of a task's steps across the municipalities (the BBR steps on
 * Adgangsstyring): the whole table, one step, or one count (done / started / not started).
 */
export const status: Dialog = (context, args) => {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success)
    return unknownReply(context, 'Det trin eller den status kender jeg ikke.', "I don't know that step or status.");
  const noFigures = parsed.data.taskId === undefined ? noFiguresFor(context, parsed.data.about) : undefined;
  if (noFigures) return noFigures;
  const taskId = parsed.data.taskId ?? DEFAULT_TASK;
  const task = findTask(context.knowledge, taskId);
  if (!task) return unknownReply(context, 'Den opgave kender jeg ikke.', "I don't know that task.");
  const national = bbrNational(context.knowledge, task.id);
  if (!national) {
    return notInMaterial(
      context,
      `Jeg har ingen landsstatus for _${task.title}_.`,
      `I have no national status for _${task.title}_.`,
    );
  }
  const { step, aspect } = parsed.data;
  if (step !== undefined) {
    const row = national.rows.find((candidate) => candidate.step === Number(step));
    if (!row) {
      const range = `1–${national.rows.length}`;
      return unknownReply(
        context,
        `_${task.title}_ har trin ${range}; trin ${step} kender jeg ikke.`,
        `_${task.title}_ has steps ${range}; I don't know step ${step}.`,
      );
    }
    return [stepReply(context, national, row, aspect ?? 'done')];
  }
  return [aspect ? aspectReply(context, national, task.title, aspect) : tableReply(context, national, task.title)];
};
