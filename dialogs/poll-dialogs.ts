import type { ActionDialog } from './action-dialogs.js';
import { pollClose, pollDelete } from './poll-close.js';
import { pollCreate } from './poll-create.js';
import { pollCsvDialog } from './poll-csv.js';
import { POLL_DIALOGS } from './poll-names.js';
import { pollVote } from './poll-vote.js';

export { POLL_DIALOGS } from './poll-names.js';
export { announceClosedPolls } from './poll-announce.js';
export { pollCard, pollIdOf } from './poll-card.js';
export type { PollServices } from './poll-access.js';

/** The poll dialogs, by the names buttons, forms and sentences use (POLL_DIALOGS). */
export const pollDialogsByName: Record<string, ActionDialog> = {
  [POLL_DIALOGS.create]: pollCreate,
  [POLL_DIALOGS.vote]: pollVote,
  [POLL_DIALOGS.close]: pollClose,
  [POLL_DIALOGS.delete]: pollDelete,
  [POLL_DIALOGS.csv]: pollCsvDialog,
};
