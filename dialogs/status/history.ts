import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import type { Reply } from '../../src/core/types.js';
import { findTask } from '../../src/knowledge/queries.js';
import type { Municipality } from '../../src/knowledge/systems-queries.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import type { StatusUpdate } from '../../src/state/statuses.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { inert } from '../shared/text.js';
import { statusWord, targetName, type TaskTarget } from './form.js';
import { channelName, viewStep, viewTask } from './view-helpers.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { actingFor, isAdministrator, resolveMunicipality, unknownMunicipalityReply } from '../membership/acting-for.js';
import { STATUS_DIALOGS } from '../names.js';
import { refused } from '../shared/replies.js';

/** How many changes the history shows. */
export const HISTORY_LIMIT = 10;

const argsSchema = z.object({
  taskId: z.string().optional(),
  step: z.string().optional(),
  municipality: z.string().optional(),
});

type Readable = { ok: true; municipality: Municipality } | { ok: false; replies: Reply[] };

/** Whose history the person may read: the one they act for here (their own, else the linked channel's); an administrator any named one. */
function readableMunicipality(context: DialogContext, named: string | undefined, services: ActionServices): Readable {
  const { turn } = context;
  const wanted = named !== undefined && named.trim() !== '' ? resolveMunicipality(context.knowledge, named) : undefined;
  if (named !== undefined && named.trim() !== '' && !wanted)
    return { ok: false, replies: unknownMunicipalityReply(context, named) };
  if (wanted && isAdministrator(turn, services)) return { ok: true, municipality: wanted };
  const acting = actingFor(turn, services);
  const own = acting ? context.knowledge.municipalities.find((m) => m.id === acting.municipalityId) : undefined;
  if (!own) {
    if (acting) return { ok: false, replies: unknownMunicipalityReply(context, acting.municipalityId) };
    if (isAdministrator(turn, services))
      return refused(
        say(
          context,
          'Som administrator skal du nævne kommunen, fx "historik BBR trin 3 Aarhus".',
          'As an administrator, name the municipality, e.g. "history BBR step 3 Aarhus".',
        ),
      );
    return refused(
      say(
        context,
        "Du hører ikke til en kommune endnu. Skriv 'kommune <navn>' (i Slack: /klik kommune <navn>).",
        "You don't belong to a municipality yet. Type 'kommune <name>' (in Slack: /klik kommune <name>).",
      ),
    );
  }
  if (wanted && wanted.id !== own.id) {
    const yours =
      acting?.via === 'conversation'
        ? say(
            context,
            `Denne kanal hører til ${own.name}, så her kan du se dens historik`,
            `This channel belongs to ${own.name}, so here you can see its history`,
          )
        : say(
            context,
            `Du hører til ${own.name} og kan se dens historik`,
            `You belong to ${own.name} and can see its history`,
          );
    return refused(
      say(
        context,
        `${yours}; kun en administrator kan se historikken for ${wanted.name}.`,
        `${yours}; only an administrator can see the history of ${wanted.name}.`,
      ),
    );
  }
  return { ok: true, municipality: own };
}

/** "2. oktober 2018 kl. 10.15" / "2 October 2018 at 10:15", in Copenhagen. */
function whenText(context: DialogContext, iso: string): string {
  const at = DateTime.fromISO(iso)
    .setZone(ZONE)
    .setLocale(context.language === 'da' ? 'da' : 'en-GB');
  return context.language === 'da'
    ? at.toFormat("d'.' LLLL yyyy 'kl.' HH'.'mm")
    : at.toFormat("d LLLL yyyy 'at' HH:mm");
}

/** "BBR på Adgangsstyring, trin 3" for a stored update, whose task may have left the data since. */
function updateTarget(context: DialogContext, update: DeepReadonly<StatusUpdate>): string {
  const task = findTask(context.knowledge, update.taskId);
  const step = update.step !== undefined ? `${say(context, 'trin', 'step')} ${update.step}` : undefined;
  if (!task) return [update.taskId, step].filter(Boolean).join(', ');
  return targetName(context, { task, ...(update.step !== undefined ? { step: update.step } : {}) });
}

// how the person's right to make the change was established, as the history says it
const basisNames: Record<string, [string, string]> = {
  approval: ['godkendt medlem', 'approved member'],
  roster: ['medlem via medlemslisten', 'member by the roster'],
  local: ['lokal tilstand', 'local mode'],
  administrator: ['administrator', 'administrator'],
  'email-domain': ['medlem via mailadresse', 'member by email address'],
  link: ['via kanalens kobling', "via the channel's link"],
};

function basisWords(context: DialogContext, basis: string): string {
  const [da, en] = basisNames[basis] ?? [basis, basis];
  return say(context, da, en);
}

function changeLine(context: DialogContext, update: DeepReadonly<StatusUpdate>, named: boolean): string {
  const what = named ? `${updateTarget(context, update)}: ` : '';
  const basis = update.by.basis ? `, ${basisWords(context, update.by.basis)}` : '';
  const who = `${inert(update.by.name ?? update.by.userId)}, ${channelName(context, update.by.channel)}${basis}`;
  const undone = update.undoneAt !== undefined ? say(context, ' (fortrudt)', ' (undone)') : '';
  return `${whenText(context, update.at)}: ${what}${statusWord(context, update.previous)} → ${statusWord(context, update.status)} (${who})${undone}`;
}

function historyReply(
  context: DialogContext,
  municipality: Municipality,
  target: Partial<TaskTarget>,
  updates: DeepReadonly<StatusUpdate>[],
): Reply {
  const { task, step } = target;
  const of = task
    ? targetName(context, { task, ...(step !== undefined ? { step } : {}) })
    : say(context, 'status', 'statuses');
  const intro =
    updates.length === 0
      ? say(
          context,
          `Ingen ændringer af ${of} for ${municipality.name} er meldt til klikbot endnu.`,
          `No changes to ${of} for ${municipality.name} have been reported to klikbot yet.`,
        )
      : say(
          context,
          `Seneste ændringer af ${of} for ${municipality.name}, nyeste først:`,
          `Latest changes to ${of} for ${municipality.name}, newest first:`,
        );
  // one target needs no name on each line; a task's steps, or all tasks, do
  const named = !task || (task.steps.length > 0 && step === undefined);
  const lines = updates.map((update) => changeLine(context, update, named));
  return {
    heading: say(context, `Historik: ${municipality.name}`, `History: ${municipality.name}`),
    text: [intro, ...lines.map((line) => `- ${line}`)].join('\n'),
    intro,
    list: lines,
    source: sourceLine(context, say(context, 'status meldt til klikbot', 'statuses reported to klikbot')),
    buttons: [
      dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_DIALOGS.form, {
        municipality: municipality.id,
        ...(task && task.steps.length > 0 ? { taskId: task.id } : {}),
      }),
      dialogButton(say(context, 'Åbne opgaver', 'Open tasks'), STATUS_DIALOGS.mine, { municipality: municipality.id }),
    ],
  };
}

/**
 * The latest changes (newest first, at most HISTORY_LIMIT) to a municipality's status on a
 * task or step, or on every task when none is named: when, from what to what, by whom and
 * where, undone ones marked. Members read their own municipality's, administrators any.
 */
export const statusHistory: ActionDialog = (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const input = parsed.success ? parsed.data : {};
  const who = readableMunicipality(context, input.municipality, services);
  if (!who.ok) return Promise.resolve(who.replies);
  let target: Partial<TaskTarget> = {};
  if (input.taskId !== undefined && input.taskId !== '') {
    const found = viewTask(context, input.taskId);
    if (!found.ok) return Promise.resolve(found.replies);
    const chosen = viewStep(context, found.task, input.step);
    if (!chosen.ok) return Promise.resolve(chosen.replies);
    target = { task: found.task, ...(chosen.step !== undefined ? { step: chosen.step } : {}) };
  }
  const updates = services.statuses.changes(who.municipality.id, HISTORY_LIMIT, {
    taskId: target.task?.id,
    step: target.step,
  });
  return Promise.resolve([historyReply(context, who.municipality, target, updates)]);
};
