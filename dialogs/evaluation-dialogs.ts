import type { Reply } from '../src/core/types.js';
import type { ActionDialog, ActionServices } from './action-dialogs.js';
import type { DialogContext } from './context.js';
import { EVALUATION_DIALOGS } from './evaluation-access.js';
import { evaluationAnswer } from './evaluation-answer.js';
import { evaluationCsv } from './evaluation-csv.js';
import { evaluationClose, evaluationResults } from './evaluation-results.js';
import { evaluationFormDialog, evaluationStart } from './evaluation-start.js';

export { EVALUATION_DIALOGS, type EvaluationServices } from './evaluation-access.js';

/** Every evaluation dialog, by the name buttons, forms and sentences use. */
export const evaluationDialogsByName: Record<string, ActionDialog> = {
  [EVALUATION_DIALOGS.start]: evaluationStart,
  [EVALUATION_DIALOGS.form]: evaluationFormDialog,
  [EVALUATION_DIALOGS.answer]: evaluationAnswer,
  [EVALUATION_DIALOGS.close]: evaluationClose,
  [EVALUATION_DIALOGS.results]: evaluationResults,
  [EVALUATION_DIALOGS.csv]: evaluationCsv,
};

/** Starts the evaluation of a meeting here, as 'evaluation-start' does (for the agenda, as its last item begins). */
export function startEvaluation(context: DialogContext, meetingId: string, services: ActionServices): Promise<Reply[]> {
  return evaluationStart(context, { meetingId }, services);
}
