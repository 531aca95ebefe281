/**
 * The poll dialogs, by the names buttons, forms and the intent table use. Kept apart from
 * poll-dialogs.ts so that the intent table can name them without importing the dialogs.
 */
export const POLL_DIALOGS = {
  /** {text?, choice?, identity?, results?, closes?}: a poll from a sentence, or its settings form. */
  create: 'poll-create',
  /** {pollId, option}: a press of an option's button. */
  vote: 'poll-vote',
  /** {pollId?}: the poll closed (the conversation's newest open one when no id). */
  close: 'poll-close',
  /** {pollId?}: the poll deleted (the conversation's newest one when no id). */
  delete: 'poll-delete',
  /** {pollId}: the results as CSV, privately. */
  csv: 'poll-csv',
} as const;
