import { STATUS_DIALOGS } from '../names.js';
import type { ActionDialog, Dialog } from '../types.js';
import { statusAskBack } from './ask-back.js';
import { status } from './extract.js';
import { statusForm } from './form.js';
import { statusHistory } from './history.js';
import { statusMissing } from './missing.js';
import { myStatus } from './my-status.js';
import { statusNational } from './national.js';
import { statusUndo, statusUpdate } from './update.js';

/** The status answers without the state: the seed's extract, and the question back when a typed status is unclear. */
export const statusAnswersByName: Record<string, Dialog> = {
  [STATUS_DIALOGS.extract]: status,
  [STATUS_DIALOGS.askBack]: statusAskBack,
};

/** The status dialogs that read or write what the municipalities report. */
export const statusDialogsByName: Record<string, ActionDialog> = {
  [STATUS_DIALOGS.update]: statusUpdate,
  [STATUS_DIALOGS.undo]: statusUndo,
  [STATUS_DIALOGS.form]: statusForm,
  [STATUS_DIALOGS.mine]: myStatus,
  [STATUS_DIALOGS.national]: statusNational,
  [STATUS_DIALOGS.missing]: statusMissing,
  [STATUS_DIALOGS.history]: statusHistory,
};
