import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import type { Reply } from '../../src/core/types.js';
import { bbrNational } from '../../src/knowledge/systems-queries.js';
import { standingKey } from '../../src/state/statuses.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { shortDate } from '../shared/text.js';
import { statusWord, targetName, type TaskTarget } from './form.js';
import { danishOrder, viewTarget } from './view-helpers.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { STATUS_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';

const argsSchema = z.object({ taskId: z.string().optional(), step: z.string().optional() });

/** A municipality not done, with what it reported (none, not started or started). */
interface Missing {
  name: string;
  started: boolean;
}

/** "trin 3" for a step, the task's title for a task without steps. */
function whatText(context: DialogContext, target: TaskTarget): string {
  return target.step === undefined
    ? `_${target.task.title}_`
    : say(context, `trin ${target.step}`, `step ${target.step}`);
}

/** What the seed's extract says for the step, and why it cannot name anyone. */
function baselineNote(context: DialogContext, target: TaskTarget): string | undefined {
  const national = bbrNational(context.knowledge, target.task.id);
  const row = national?.rows.find((candidate) => candidate.step === target.step);
  if (!national || !row) return undefined;
  const date = shortDate(national.source.asOf, context.language);
  return say(
    context,
    `KLIK-udtrækket af ${date} talte ${row.done} kommuner fuldført, men siger ikke hvilke; listen bygger kun på meldingerne til klikbot.`,
    `The KLIK extract of ${date} counted ${row.done} municipalities done, but does not say which; this list rests only on what was reported to klikbot.`,
  );
}

function missingLine(context: DialogContext, item: Missing): string {
  return item.started ? `${item.name} (${statusWord(context, 'started')})` : item.name;
}

function reply(context: DialogContext, target: TaskTarget, missing: Missing[]): Reply {
  const of = context.knowledge.municipalities.length;
  const what = whatText(context, target);
  const intro =
    missing.length === 0
      ? say(
          context,
          `Alle ${of} kommuner har meldt ${what} fuldført til klikbot.`,
          `All ${of} municipalities have reported ${what} done to klikbot.`,
        )
      : say(
          context,
          `Ud fra meldingerne til klikbot har ${missing.length} af ${of} kommuner ikke meldt ${what} fuldført:`,
          `From the reports to klikbot, ${missing.length} of ${of} municipalities have not reported ${what} done:`,
        );
  const lines = missing.map((item) => missingLine(context, item));
  const outro = baselineNote(context, target);
  const today = shortDate(context.turn.now.setZone(ZONE).toISODate() ?? '', context.language);
  const stepArgs: Record<string, string> = target.step === undefined ? {} : { step: String(target.step) };
  return {
    heading: say(context, `Ikke fuldført: ${targetName(context, target)}`, `Not done: ${targetName(context, target)}`),
    text: [intro, ...lines.map((line) => `- ${line}`), ...(outro ? [outro] : [])].join('\n'),
    intro,
    list: lines,
    ...(outro ? { outro } : {}),
    source: sourceLine(
      context,
      say(context, `status meldt til klikbot pr. ${today}`, `statuses reported to klikbot as of ${today}`),
    ),
    buttons: [
      dialogButton(say(context, 'Landsstatus', 'National status'), STATUS_DIALOGS.national, {
        taskId: target.task.id,
        ...stepArgs,
      }),
      dialogButton(
        say(context, 'Opdater status', 'Update a status'),
        STATUS_DIALOGS.form,
        target.task.steps.length > 0 ? { taskId: target.task.id } : {},
      ),
    ],
  };
}

/**
 * The municipalities (all of them, from the knowledge) whose status in force on a task or
 * step is not done, sorted by name, those that reported it started marked. The seed's
 * extract only counts, so the list rests on the reports to klikbot, and says so.
 */
export const statusMissing: ActionDialog = (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const input = parsed.success ? parsed.data : {};
  const chosen = viewTarget(context, input.taskId, input.step);
  if (!chosen.ok) return Promise.resolve(chosen.replies);
  const { task } = chosen;
  if (task.steps.length > 0 && chosen.step === undefined) {
    const text = say(
      context,
      `_${task.title}_ har trin 1–${task.steps.length}: hvilket trin?`,
      `_${task.title}_ has steps 1–${task.steps.length}: which step?`,
    );
    return Promise.resolve(notice(text));
  }
  const target: TaskTarget = { task, ...(chosen.step !== undefined ? { step: chosen.step } : {}) };
  const standings = services.statuses.standings();
  const missing = context.knowledge.municipalities
    .map((municipality) => ({
      name: municipality.name,
      status: standings.get(standingKey(municipality.id, task.id, target.step))?.status ?? 'not-started',
    }))
    .filter((item) => item.status !== 'done')
    .map((item) => ({ name: item.name, started: item.status === 'started' }))
    .sort((a, b) => danishOrder.compare(a.name, b.name));
  return Promise.resolve([reply(context, target, missing)]);
};
