import { pollClose, pollDelete } from './close.js';
import { pollCreate } from './create.js';
import { pollCsvDialog } from './csv.js';
import { POLL_DIALOGS } from '../names.js';
import { pollVote } from './vote.js';
import type { ActionDialog } from '../types.js';

/** The poll dialogs, by the names buttons, forms and sentences use (POLL_DIALOGS). */
export const pollDialogsByName: Record<string, ActionDialog> = {
  [POLL_DIALOGS.create]: pollCreate,
  [POLL_DIALOGS.vote]: pollVote,
  [POLL_DIALOGS.close]: pollClose,
  [POLL_DIALOGS.delete]: pollDelete,
  [POLL_DIALOGS.csv]: pollCsvDialog,
};
