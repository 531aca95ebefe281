import { nowIso, type Clock } from '../clock.js';
import type { DeepReadonly, State } from './schema.js';
import type { MeetingReminder } from './meeting-reminder-schema.js';
import type { Store } from './store.js';

export type { MeetingReminder } from './meeting-reminder-schema.js';

/** The conversation a subscription is for, as stored (`addressOf(turn)`). */
export interface ReminderKey {
  channel: string;
  conversationId: string;
}

/** How many sent moments a conversation keeps: a year of meetings, three moments each, with room to spare. */
const SENT_KEPT = 100;

function here(key: ReminderKey) {
  return (entry: ReminderKey) => entry.channel === key.channel && entry.conversationId === key.conversationId;
}

function find(draft: State, key: ReminderKey): MeetingReminder | undefined {
  return draft.meetingReminders.find(here(key));
}

/** The conversations reminded of meetings before they start, and what each has been sent. */
export class MeetingReminderRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The conversation's subscription, if it has one. */
  get(key: ReminderKey): DeepReadonly<MeetingReminder> | undefined {
    return this.store.read().meetingReminders.find(here(key));
  }

  /** Every subscription: the timed work looks at each. */
  all(): readonly DeepReadonly<MeetingReminder>[] {
    return this.store.read().meetingReminders;
  }

  /** Subscribes the conversation; `already` when it was (its language is then the one asked in last). */
  async subscribe(key: ReminderKey, language: 'da' | 'en'): Promise<'added' | 'already'> {
    const since = nowIso(this.clock);
    return this.store.update((draft) => {
      const existing = find(draft, key);
      if (existing) {
        existing.language = language;
        return 'already';
      }
      draft.meetingReminders.push({
        channel: key.channel,
        conversationId: key.conversationId,
        language,
        since,
        sent: [],
      });
      return 'added';
    });
  }

  /** Ends the conversation's subscription; false when it had none. */
  async unsubscribe(key: ReminderKey): Promise<boolean> {
    return this.store.update((draft) => {
      const index = draft.meetingReminders.findIndex(here(key));
      if (index === -1) return false;
      draft.meetingReminders.splice(index, 1);
      return true;
    });
  }

  /** Notes `moment` sent to the conversation; false when it was already, or the conversation unsubscribed since. */
  async markSent(key: ReminderKey, moment: string): Promise<boolean> {
    return this.store.update((draft) => {
      const entry = find(draft, key);
      if (!entry || entry.sent.includes(moment)) return false;
      entry.sent = [...entry.sent, moment].slice(-SENT_KEPT);
      return true;
    });
  }
}
