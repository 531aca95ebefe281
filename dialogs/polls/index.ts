import type { ActionDialog } from '../registry.js';
import { pollClose, pollDelete } from './close.js';
import { pollCreate } from './create.js';
import { pollCsvDialog } from './csv.js';
import { POLL_DIALOGS } from '../names.js';
import { pollVote } from './vote.js';

export { POLL_DIALOGS } from '../names.js';
export { announceClosedPolls } from './announce.js';
export { pollCard, pollIdOf } from './card.js';
export type { PollServices } from './access.js';

/** The poll dialogs, by the names buttons, forms and sentences use (POLL_DIALOGS). */
export const pollDialogsByName: Record<string, ActionDialog> = {
  [POLL_DIALOGS.create]: pollCreate,
  [POLL_DIALOGS.vote]: pollVote,
  [POLL_DIALOGS.close]: pollClose,
  [POLL_DIALOGS.delete]: pollDelete,
  [POLL_DIALOGS.csv]: pollCsvDialog,
};
