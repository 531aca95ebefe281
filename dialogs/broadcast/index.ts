import type { Reply } from '../../src/core/types.js';
import { BROADCAST_DIALOGS } from '../names.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { broadcastCompose, broadcastDraft } from './compose.js';
import { broadcastCsv, broadcastList, sentNews } from './list.js';
import { broadcastCancel, broadcastSend } from './send.js';

export { broadcastTimedWork } from './timed.js';

/** The broadcast dialogs: the form, the draft and its preview, sending, cancelling, the list and the report. */
export const broadcastDialogsByName: Record<string, ActionDialog> = {
  [BROADCAST_DIALOGS.compose]: broadcastCompose,
  [BROADCAST_DIALOGS.draft]: broadcastDraft,
  [BROADCAST_DIALOGS.send]: broadcastSend,
  [BROADCAST_DIALOGS.cancel]: broadcastCancel,
  [BROADCAST_DIALOGS.list]: broadcastList,
  [BROADCAST_DIALOGS.csv]: broadcastCsv,
};

/** A question about the news ("hvad er der af nyheder?") gets KOMBIT's news sent through klikbot first. */
export function withSentNews(
  context: DialogContext,
  services: ActionServices,
  replies: Reply[],
  intent: string | undefined,
): Reply[] {
  if (intent !== 'news' || !services.broadcasts) return replies;
  return [...sentNews(context, services.broadcasts.repository.all()), ...replies];
}
