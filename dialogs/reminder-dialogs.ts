import { REMINDER_DIALOGS } from '../src/core/commands.js';
import type { ActionDialog } from './action-dialogs.js';
import { reminderFailures } from './reminder-failures.js';
import { reminderList } from './reminder-list.js';
import { reminderMute, reminderSnooze } from './reminder-snooze.js';
import { reminderSubscribe, reminderUnsubscribe } from './reminder-subscribe.js';

/** The reminder dialogs, by the names buttons and typed commands use (REMINDER_DIALOGS). */
export const reminderDialogsByName: Record<string, ActionDialog> = {
  [REMINDER_DIALOGS.subscribe]: reminderSubscribe,
  [REMINDER_DIALOGS.unsubscribe]: reminderUnsubscribe,
  [REMINDER_DIALOGS.list]: reminderList,
  [REMINDER_DIALOGS.snooze]: reminderSnooze,
  [REMINDER_DIALOGS.mute]: reminderMute,
  [REMINDER_DIALOGS.failures]: reminderFailures,
};
