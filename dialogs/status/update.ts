import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import { findTask } from '../../src/knowledge/queries.js';
import { taskStatusSchema } from '../../src/state/schema.js';
import type { StatusUpdate, TaskStatus } from '../../src/state/statuses.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { parseTaskTargetValue, resolveTaskTarget, statusWord, targetName, type TaskTarget } from './form.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { actingFor, actorOf, isAdministrator, targetMunicipality } from '../membership/acting-for.js';
import { STATUS_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';

const updateArgs = z.object({
  /** The form's encoded choice, "bbr-adgangsstyring#3"; an alternative to taskId + step. */
  task: z.string().optional(),
  taskId: z.string().optional(),
  step: z.string().optional(),
  status: z.string().optional(),
  municipality: z.string().optional(),
});

/** A button to the status form; for a task with steps, the form offers that task's steps. */
function formButton(context: DialogContext, taskId: string) {
  const withSteps = (findTask(context.knowledge, taskId)?.steps.length ?? 0) > 0;
  return dialogButton(
    say(context, 'Opdater en anden status', 'Update another status'),
    STATUS_DIALOGS.form,
    withSteps ? { taskId } : {},
  );
}

/** "BBR på Adgangsstyring, trin 3" for a stored update (its task may be gone from the data since). */
function updateTargetName(context: DialogContext, update: Pick<StatusUpdate, 'taskId' | 'step'>): string {
  const task = findTask(context.knowledge, update.taskId);
  if (!task)
    return update.step === undefined
      ? update.taskId
      : `${update.taskId}, ${say(context, 'trin', 'step')} ${update.step}`;
  return targetName(context, { task, ...(update.step !== undefined ? { step: update.step } : {}) });
}

function municipalityName(context: DialogContext, id: string): string {
  return context.knowledge.municipalities.find((m) => m.id === id)?.name ?? id;
}

function parseStatus(
  context: DialogContext,
  value: string | undefined,
): { ok: true; status: TaskStatus } | { ok: false; replies: Reply[] } {
  const parsed = taskStatusSchema.safeParse(value);
  if (parsed.success) return { ok: true, status: parsed.data };
  const words = say(context, 'ikke påbegyndt, påbegyndt eller fuldført', 'not started, started or done');
  return {
    ok: false,
    replies: notice(
      say(context, `Vælg en status: ${words}. Intet er ændret.`, `Choose a status: ${words}. Nothing was changed.`),
    ),
  };
}

function confirmation(context: DialogContext, target: TaskTarget, municipality: string, update: StatusUpdate): Reply {
  const name = targetName(context, target);
  const now = statusWord(context, update.status);
  const before = statusWord(context, update.previous);
  const who = context.turn.user.name;
  const done = `${now.charAt(0).toUpperCase()}${now.slice(1)} ✓`;
  return {
    // the card that was pressed becomes this: who did it shows on it for everyone in the chat
    heading: who ? say(context, `${done} af ${who}`, `${done} by ${who}`) : done,
    text: say(
      context,
      `${name} er nu ${now} for ${municipality} (før: ${before}).`,
      `${name} is now ${now} for ${municipality} (before: ${before}).`,
    ),
    buttons: [
      {
        ...dialogButton(say(context, 'Fortryd', 'Undo'), STATUS_DIALOGS.undo, { updateId: update.id }),
        replacesCard: true,
      },
      formButton(context, target.task.id),
    ],
  };
}

/**
 * Sets a municipality's status on a task or step, for a member of it or an administrator.
 * Anyone else, and any unknown task, step or status, gets a reply saying why; nothing is
 * written then. The confirmation names the old value and carries an undo button.
 */
export const statusUpdate: ActionDialog = async (context, args, services) => {
  const parsed = updateArgs.safeParse(args);
  const input = parsed.success ? parsed.data : {};
  const who = targetMunicipality(context, input.municipality, services);
  if (!who.ok) return who.replies;
  const chosen =
    input.task !== undefined && input.task !== ''
      ? parseTaskTargetValue(input.task)
      : { taskId: input.taskId, step: input.step };
  const task = resolveTaskTarget(context, chosen.taskId, chosen.step);
  if (!task.ok) return task.replies;
  const status = parseStatus(context, input.status);
  if (!status.ok) return status.replies;
  const { municipality } = who;
  const { target } = task;
  const update = await services.statuses.record({
    municipalityId: municipality.id,
    taskId: target.task.id,
    ...(target.step !== undefined ? { step: target.step } : {}),
    status: status.status,
    by: { ...actorOf(context.turn), ...(who.basis ? { basis: who.basis } : {}) },
  });
  if (update === 'unchanged') {
    const name = targetName(context, target);
    const word = statusWord(context, status.status);
    return notice(
      say(
        context,
        `${name} er allerede ${word} for ${municipality.name}.`,
        `${name} is already ${word} for ${municipality.name}.`,
      ),
      { buttons: [formButton(context, target.task.id)] },
    );
  }
  return [confirmation(context, target, municipality.name, update)];
};

/**
 * Who may undo: the person who made the update while they still act for its municipality
 * (their own, or the linked channel's where they press), or an administrator.
 */
function mayUndo(
  context: DialogContext,
  update: Pick<StatusUpdate, 'by' | 'municipalityId'>,
  services: ActionServices,
): boolean {
  const { turn } = context;
  if (isAdministrator(turn, services)) return true;
  const madeIt = update.by.channel === turn.conversation.channel && update.by.userId === turn.user.id;
  const acting = actingFor(turn, services);
  return madeIt && acting?.verified === true && acting.municipalityId === update.municipalityId;
}

const undoArgs = z.object({ updateId: z.string() });

/** Undoes a status update (the person who made it, or an administrator), restoring the status before it. */
export const statusUndo: ActionDialog = async (context, args, services) => {
  const parsed = undoArgs.safeParse(args);
  const stored = parsed.success ? services.statuses.get(parsed.data.updateId) : undefined;
  if (!stored)
    return notice(
      say(
        context,
        'Den opdatering kender jeg ikke. Intet er ændret.',
        "I don't know that update. Nothing was changed.",
      ),
    );
  if (!mayUndo(context, stored, services)) {
    return notice(
      say(
        context,
        'Kun den, der lavede opdateringen, eller en administrator kan fortryde den. Intet er ændret.',
        'Only the person who made the update, or an administrator, can undo it. Nothing was changed.',
      ),
    );
  }
  const name = updateTargetName(context, stored);
  const municipality = municipalityName(context, stored.municipalityId);
  const result = await services.statuses.undo(stored.id, actorOf(context.turn));
  if (result === 'already-undone')
    return notice(
      say(
        context,
        `Den opdatering af ${name} er allerede fortrudt.`,
        `That update of ${name} has already been undone.`,
      ),
    );
  if (result === 'not-found')
    return notice(
      say(
        context,
        'Den opdatering kender jeg ikke. Intet er ændret.',
        "I don't know that update. Nothing was changed.",
      ),
    );
  if (result === 'superseded') {
    const now = statusWord(context, services.statuses.current(stored.municipalityId, stored.taskId, stored.step));
    return notice(
      say(
        context,
        `${name} er ændret igen siden (nu: ${now}), så den opdatering kan ikke fortrydes. Intet er ændret.`,
        `${name} has changed again since (now: ${now}), so that update cannot be undone. Nothing was changed.`,
      ),
    );
  }
  const restored = statusWord(context, result.previous);
  return [
    {
      text: say(
        context,
        `Fortrudt: ${name} er igen ${restored} for ${municipality}.`,
        `Undone: ${name} is ${restored} again for ${municipality}.`,
      ),
      buttons: [formButton(context, stored.taskId)],
    },
  ];
};
