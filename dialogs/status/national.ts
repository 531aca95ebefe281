import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { bbrNational, type BbrNational } from '../../src/knowledge/systems-queries.js';
import type { Task } from '../../src/knowledge/schemas/tasks.js';
import { standingKey, type StatusStanding, type TaskStatus } from '../../src/state/statuses.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { shortDate } from '../shared/text.js';
import type { TaskTarget } from './form.js';
import { noFiguresFor, targetsOfTask, viewTarget } from './view-helpers.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { STATUS_DIALOGS } from '../names.js';

const argsSchema = z.object({
  taskId: z.string().optional(),
  step: z.string().optional(),
  about: z.string().max(100).optional(),
});

type Counts = Record<TaskStatus, number>;

/** How the municipalities that reported to klikbot stand on one target (those with an update in force). */
function reportedCounts(
  context: DialogContext,
  standings: ReadonlyMap<string, StatusStanding>,
  target: TaskTarget,
): { reported: number; counts: Counts } {
  const counts: Counts = { 'not-started': 0, started: 0, done: 0 };
  let reported = 0;
  for (const municipality of context.knowledge.municipalities) {
    const standing = standings.get(standingKey(municipality.id, target.task.id, target.step));
    if (!standing?.inForce) continue;
    reported += 1;
    counts[standing.status] += 1;
  }
  return { reported, counts };
}

function countsText(context: DialogContext, counts: Counts, separator: string): string {
  return say(
    context,
    `${counts.done} fuldført${separator}${counts.started} påbegyndt${separator}${counts['not-started']} ikke påbegyndt`,
    `${counts.done} done${separator}${counts.started} started${separator}${counts['not-started']} not started`,
  );
}

function baselineText(
  context: DialogContext,
  national: BbrNational | undefined,
  step: number | undefined,
): string | undefined {
  const row = national?.rows.find((candidate) => candidate.step === step);
  if (!national || !row) return undefined;
  const counts = { done: row.done, started: row.started, 'not-started': row.notStarted };
  return `KLIK ${shortDate(national.source.asOf, context.language)}: ${countsText(context, counts, ' · ')}`;
}

function reportedText(
  context: DialogContext,
  standings: ReadonlyMap<string, StatusStanding>,
  target: TaskTarget,
): string {
  const today = shortDate(context.turn.now.setZone(ZONE).toISODate() ?? '', context.language);
  const { reported, counts } = reportedCounts(context, standings, target);
  const lead = say(context, `meldt til klikbot pr. ${today}`, `reported to klikbot as of ${today}`);
  if (reported === 0) return `${lead}: ${say(context, 'ingen kommuner endnu', 'no municipalities yet')}`;
  const municipalities = say(
    context,
    reported === 1 ? '1 kommune' : `${reported} kommuner`,
    reported === 1 ? '1 municipality' : `${reported} municipalities`,
  );
  return `${lead}: ${municipalities}: ${countsText(context, counts, ', ')}`;
}

function targetLabel(context: DialogContext, target: TaskTarget): string {
  if (target.step === undefined) return target.task.title;
  const title = target.task.steps.find((step) => step.number === target.step)?.title ?? '';
  return `${say(context, 'Trin', 'Step')} ${target.step} ${title}`;
}

/** "Trin 3 …: KLIK 4. september 2018: 28 fuldført · …; meldt til klikbot pr. …: 2 kommuner: …". */
function targetLine(
  context: DialogContext,
  national: BbrNational | undefined,
  standings: ReadonlyMap<string, StatusStanding>,
  target: TaskTarget,
): string {
  const parts = [baselineText(context, national, target.step), reportedText(context, standings, target)].filter(
    (part) => part !== undefined,
  );
  return `${targetLabel(context, target)}: ${parts.join('; ')}`;
}

function caveat(context: DialogContext, national: BbrNational | undefined): string {
  if (!national) {
    return say(
      context,
      'Jeg har intet KLIK-udtræk for opgaven, kun meldingerne til klikbot.',
      'I have no KLIK extract for this task, only what was reported to klikbot.',
    );
  }
  const of = national.municipalities;
  return say(
    context,
    `KLIK-tallene tæller alle ${of} kommuner på udtrækkets dato. Udtrækket siger ikke, hvilke kommuner der stod hvor, så meldingerne til klikbot lægges ikke oven i: de tæller kun de kommuner, der har meldt.`,
    `The KLIK figures count all ${of} municipalities on the extract's date. The extract does not say which municipality stood where, so the reports to klikbot are not added to it: they count only the municipalities that reported.`,
  );
}

function buttons(context: DialogContext, task: Task, step: number | undefined): ReplyButton[] {
  const list: ReplyButton[] = [];
  if (step !== undefined || task.steps.length === 0) {
    const missing =
      step === undefined
        ? say(context, 'Hvem mangler?', 'Who is missing?')
        : say(context, `Hvem mangler trin ${step}?`, `Who is missing step ${step}?`);
    list.push(
      dialogButton(missing, STATUS_DIALOGS.missing, {
        taskId: task.id,
        ...(step !== undefined ? { step: String(step) } : {}),
      }),
    );
  }
  if (step !== undefined)
    list.push(dialogButton(say(context, 'Alle trin', 'All steps'), STATUS_DIALOGS.national, { taskId: task.id }));
  list.push(
    dialogButton(
      say(context, 'Opdater status', 'Update a status'),
      STATUS_DIALOGS.form,
      task.steps.length > 0 ? { taskId: task.id } : {},
    ),
  );
  return list;
}

/**
 * The national status of a KLIK task, per step: the seed's KLIK extract (as of its date) and,
 * beside it, how the municipalities that reported to klikbot stand now. The two are shown
 * apart, each with its date: the extract has no per-municipality figures to adjust.
 */
export const statusNational: ActionDialog = (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const input = parsed.success ? parsed.data : {};
  const noFigures = input.taskId === undefined ? noFiguresFor(context, input.about) : undefined;
  if (noFigures) return Promise.resolve(noFigures);
  const chosen = viewTarget(context, input.taskId, input.step);
  if (!chosen.ok) return Promise.resolve(chosen.replies);
  const { task } = chosen;
  const national = bbrNational(context.knowledge, task.id);
  const standings = services.statuses.standings();
  const lines = targetsOfTask(task, chosen.step).map((target) => targetLine(context, national, standings, target));
  const intro = say(context, `**${task.title}**, landsstatus:`, `**${task.title}**, national status:`);
  const outro = caveat(context, national);
  const reply: Reply = {
    heading: say(context, `Landsstatus: ${task.title}`, `National status: ${task.title}`),
    text: [intro, ...lines.map((line) => `- ${line}`), outro].join('\n'),
    intro,
    list: lines,
    outro,
    source: sourceLine(
      context,
      [
        ...(national ? [national.source.label] : []),
        say(context, 'status meldt til klikbot', 'statuses reported to klikbot'),
      ].join('; '),
    ),
    buttons: buttons(context, task, chosen.step),
  };
  return Promise.resolve([reply]);
};
