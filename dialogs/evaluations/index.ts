import { addressOf } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { evaluationsOf } from './access.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { evaluationAnswer } from './answer.js';
import { evaluationCsv } from './csv.js';
import { evaluationClose, evaluationResults } from './results.js';
import { evaluationFormDialog, evaluationStart } from './start.js';
import { EVALUATION_DIALOGS } from '../names.js';

/** Every evaluation dialog, by the name buttons, forms and sentences use. */
export const evaluationDialogsByName: Record<string, ActionDialog> = {
  [EVALUATION_DIALOGS.start]: evaluationStart,
  [EVALUATION_DIALOGS.form]: evaluationFormDialog,
  [EVALUATION_DIALOGS.answer]: evaluationAnswer,
  [EVALUATION_DIALOGS.close]: evaluationClose,
  [EVALUATION_DIALOGS.results]: evaluationResults,
  [EVALUATION_DIALOGS.csv]: evaluationCsv,
};

/**
 * Starts the evaluation of a meeting here, as 'evaluation-start' does, for the agenda as its
 * last item begins: once per meeting and conversation, so going back and forward over the last
 * item starts no second one (and says nothing of the one already sent out).
 */
export async function startEvaluation(
  context: DialogContext,
  meetingId: string,
  services: ActionServices,
): Promise<Reply[]> {
  const started = evaluationsOf(services)
    ?.allIn(addressOf(context.turn))
    .some((evaluation) => evaluation.meetingId === meetingId);
  return started ? [] : evaluationStart(context, { meetingId }, services);
}
