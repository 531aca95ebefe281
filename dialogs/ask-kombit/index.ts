import { ASK_KOMBIT_DIALOGS } from '../names.js';
import type { ActionDialog } from '../types.js';
import { askKombitAnswer, askKombitAnswerForm, askKombitRelease, askKombitTake } from './answer.js';
import { askKombitExperts } from './experts.js';
import { askKombitOpen, askKombitSend } from './handover.js';
import { askKombitLearned, askKombitLearnedEdit, askKombitLearnedEditForm, askKombitLearnedRemove } from './learned.js';
import { askKombitCsv, askKombitOpenQuestions } from './overview.js';

export { withAskKombit } from './offer.js';
export { askKombitTimedWork } from './timed.js';

/** The Ask KOMBIT dialogs: handing a question over, the experts' steps, the learned answers and the overview. */
export const askKombitDialogsByName: Record<string, ActionDialog> = {
  [ASK_KOMBIT_DIALOGS.open]: askKombitOpen,
  [ASK_KOMBIT_DIALOGS.send]: askKombitSend,
  [ASK_KOMBIT_DIALOGS.experts]: askKombitExperts,
  [ASK_KOMBIT_DIALOGS.take]: askKombitTake,
  [ASK_KOMBIT_DIALOGS.release]: askKombitRelease,
  [ASK_KOMBIT_DIALOGS.answerForm]: askKombitAnswerForm,
  [ASK_KOMBIT_DIALOGS.answer]: askKombitAnswer,
  [ASK_KOMBIT_DIALOGS.openQuestions]: askKombitOpenQuestions,
  [ASK_KOMBIT_DIALOGS.csv]: askKombitCsv,
  [ASK_KOMBIT_DIALOGS.learned]: askKombitLearned,
  [ASK_KOMBIT_DIALOGS.learnedEditForm]: askKombitLearnedEditForm,
  [ASK_KOMBIT_DIALOGS.learnedEdit]: askKombitLearnedEdit,
  [ASK_KOMBIT_DIALOGS.learnedRemove]: askKombitLearnedRemove,
};
