import { answersByName } from './answers/index.js';
import { notUnderstood } from './answers/help.js';
import { participantAnswer, type Otherwise } from './meetings/participants.js';
import { askKombitDialogsByName } from './ask-kombit/index.js';
import { broadcastDialogsByName } from './broadcast/index.js';
import { refreshDialogsByName } from './refresh/index.js';
import { dashboardDialogsByName } from './dashboard/index.js';
import { evaluationDialogsByName } from './evaluations/index.js';
import { meetingDialogsByName } from './meetings/index.js';
import { membershipDialogsByName } from './membership/index.js';
import { ANSWER_DIALOGS, MEETING_DIALOGS, STATUS_DIALOGS } from './names.js';
import { pollDialogsByName } from './polls/index.js';
import { reminderDialogsByName } from './reminders/index.js';
import { statusAnswersByName, statusDialogsByName } from './status/index.js';
import type { ActionDialog, Dialog } from './types.js';

/**
 * The one registry of dialogs, by the names buttons, forms, typed commands and the intent
 * table use (dialogs/names.ts). Each feature's index.ts lists its own.
 */

/** The dialogs that answer from the knowledge alone. */
const answers: Record<string, Dialog> = { ...answersByName, ...statusAnswersByName };

/** A participant's question where no meeting runs: what the dialog its reading named says, as before. */
const answeredAsBefore: Otherwise = async (context, then, services) => {
  if (!then) return notUnderstood(context, {});
  const answer = answerDialog(then.dialog);
  if (answer) return answer(context, then.args);
  const action = then.dialog === MEETING_DIALOGS.participant ? undefined : actionDialog(then.dialog);
  return action ? action(context, then.args, services) : notUnderstood(context, {});
};

/** The dialogs that read or write the state: the core runs them, with it. */
const actions: Record<string, ActionDialog> = {
  ...statusDialogsByName,
  ...membershipDialogsByName,
  ...reminderDialogsByName,
  ...meetingDialogsByName,
  ...pollDialogsByName,
  ...evaluationDialogsByName,
  ...dashboardDialogsByName,
  ...askKombitDialogsByName,
  ...broadcastDialogsByName,
  ...refreshDialogsByName,
  [MEETING_DIALOGS.participant]: participantAnswer(answeredAsBefore),
};

/**
 * Action dialogs whose plain answer, without the state, is a read-only dialog's: the seed's
 * national table for status-national (which adds the updates reported since), the agenda by
 * the clock for a meeting's. It is the answer where there is no state, and what the core's
 * `answer()` shows for measuring.
 */
const standIns: Record<string, string> = {
  [STATUS_DIALOGS.national]: STATUS_DIALOGS.extract,
  [MEETING_DIALOGS.agenda]: ANSWER_DIALOGS.agendaToday,
};

/** The dialog with this name that answers from the knowledge alone, if there is one. */
export function answerDialog(name: string): Dialog | undefined {
  return Object.hasOwn(answers, name) ? answers[name] : undefined;
}

/** The action dialog with this name, if there is one. */
export function actionDialog(name: string): ActionDialog | undefined {
  return Object.hasOwn(actions, name) ? actions[name] : undefined;
}

/** Whether a button or form naming this dialog runs an action dialog. */
export function isActionDialog(name: string): boolean {
  return Object.hasOwn(actions, name);
}

/** What answers for the action dialog `name` where it cannot run, if anything does. */
export function standInFor(name: string): Dialog | undefined {
  return Object.hasOwn(standIns, name) ? answerDialog(standIns[name]!) : undefined;
}

/** Whether a button naming this dialog can be answered (`ask` runs its text as if typed; action dialogs run in the core). */
export function knowsDialog(name: string): boolean {
  return name === ANSWER_DIALOGS.ask || answerDialog(name) !== undefined || isActionDialog(name);
}
