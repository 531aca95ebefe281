import { reminderFailures } from './failures.js';
import { reminderList } from './list.js';
import { reminderMute, reminderSnooze } from './snooze.js';
import { reminderSubscribe, reminderUnsubscribe } from './subscribe.js';
import { REMINDER_DIALOGS } from '../names.js';
import type { ActionDialog } from '../types.js';

/** The reminder dialogs, by the names buttons and typed commands use (REMINDER_DIALOGS). */
export const reminderDialogsByName: Record<string, ActionDialog> = {
  [REMINDER_DIALOGS.subscribe]: reminderSubscribe,
  [REMINDER_DIALOGS.unsubscribe]: reminderUnsubscribe,
  [REMINDER_DIALOGS.list]: reminderList,
  [REMINDER_DIALOGS.snooze]: reminderSnooze,
  [REMINDER_DIALOGS.mute]: reminderMute,
  [REMINDER_DIALOGS.failures]: reminderFailures,
};
