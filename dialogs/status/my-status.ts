import { z } from 'zod';
import { daysUntil, formatDate } from '../../src/core/format.js';
import type { Reply } from '../../src/core/types.js';
import type { Municipality } from '../../src/knowledge/schemas/municipalities.js';
import type { TaskStatus } from '../../src/state/statuses.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { statusWord, targetName, type TaskTarget } from './form.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { actingFor, resolveMunicipality, unknownMunicipalityReply, type Target } from '../membership/acting-for.js';
import { STATUS_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { statusTasks } from '../../src/knowledge/queries.js';

/** One line of the overview: a task or step, its status, and its deadline if it has one. */
interface Row {
  target: TaskTarget;
  status: TaskStatus;
  deadline: string | null;
}

function targetsOf(context: DialogContext): TaskTarget[] {
  return statusTasks(context.knowledge).flatMap((task) =>
    task.steps.length > 0 ? task.steps.map((step) => ({ task, step: step.number })) : [{ task }],
  );
}

// overdue first, then by deadline, tasks without a deadline last
function byUrgency(a: Row, b: Row): number {
  if (a.deadline === b.deadline) return 0;
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
}

function rowLine(context: DialogContext, row: Row): string {
  const status = statusWord(context, row.status);
  if (row.deadline === null) return `${targetName(context, row.target)}: ${status}`;
  const days = daysUntil(row.deadline, context.turn.now);
  const due = formatDate(row.deadline, context.language);
  const late = days < 0 ? say(context, ` (overskredet med ${-days} dage)`, ` (overdue by ${-days} days)`) : '';
  return `${targetName(context, row.target)}: ${status}, ${say(context, 'frist', 'due')} ${due}${late}`;
}

const argsSchema = z.object({ municipality: z.string().optional() });

/** Asked where "we" stand by someone klikbot cannot place: how to say it, and the country's picture meanwhile. */
function unknownOwnMunicipality(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      "Jeg ved ikke, hvilken kommune du hører til. Skriv fx 'vi er Aarhus Kommune' eller 'kommune Aarhus' (i Slack: /klik kommune Aarhus), så viser jeg jeres status.",
      "I don't know which municipality you belong to. Write e.g. 'we are Aarhus Kommune' or 'kommune Aarhus' (in Slack: /klik kommune Aarhus), and I will show its status.",
    ),
    {
      buttons: [
        dialogButton(say(context, 'Status i hele landet', 'Status across the country'), STATUS_DIALOGS.national, {
          taskId: 'bbr-adgangsstyring',
        }),
      ],
    },
  );
}

/**
 * Where the person's municipality stands: every KLIK task (each step of a task with steps)
 * that is not done, with its status and deadline, overdue first; and how many are done.
 */
export const myStatus: ActionDialog = (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const named = parsed.success ? parsed.data.municipality : undefined;
  const municipality = viewedMunicipality(context, named, services);
  if (!municipality.ok) return Promise.resolve(municipality.replies);
  return Promise.resolve([standing(context, municipality.municipality, services)]);
};

/**
 * Whose standing to show. Looking changes nothing, so anyone may see any municipality they
 * name; without a name, the one they act for here (their own, else the linked channel's).
 */
function viewedMunicipality(context: DialogContext, named: string | undefined, services: ActionServices): Target {
  if (named !== undefined && named.trim() !== '') {
    const municipality = resolveMunicipality(context.knowledge, named);
    return municipality ? { ok: true, municipality } : { ok: false, replies: unknownMunicipalityReply(context, named) };
  }
  const acting = actingFor(context.turn, services);
  const own = acting && context.knowledge.municipalities.find((m) => m.id === acting.municipalityId);
  return own ? { ok: true, municipality: own } : { ok: false, replies: unknownOwnMunicipality(context) };
}

/** The municipality's open tasks and steps, overdue first, and how many are done. */
function standing(context: DialogContext, municipality: Municipality, services: ActionServices): Reply {
  const rows: Row[] = targetsOf(context).map((taskTarget) => ({
    target: taskTarget,
    status: services.statuses.current(municipality.id, taskTarget.task.id, taskTarget.step),
    deadline: taskTarget.task.deadline,
  }));
  const open = rows.filter((row) => row.status !== 'done').sort(byUrgency);
  const done = rows.length - open.length;
  const intro = say(
    context,
    `${municipality.name}: ${open.length} åbne, ${done} fuldført.`,
    `${municipality.name}: ${open.length} open, ${done} done.`,
  );
  return {
    heading: say(context, `Status for ${municipality.name}`, `Status for ${municipality.name}`),
    text: [intro, ...open.map((row) => `- ${rowLine(context, row)}`)].join('\n'),
    intro,
    // a notification shows the count, not every open task
    summary: intro,
    list: open.map((row) => rowLine(context, row)),
    source: sourceLine(
      context,
      say(
        context,
        'status meldt til klikbot; uden melding: ikke påbegyndt',
        'statuses reported to klikbot; unreported: not started',
      ),
    ),
    buttons: [
      dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_DIALOGS.form, {
        municipality: municipality.id,
      }),
    ],
  };
}
