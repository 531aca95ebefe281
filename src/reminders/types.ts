import type { DateTime } from 'luxon';
import type { Actor, DeepReadonly, ReminderSnooze, ReminderSubscription } from '../state/schema.js';

/** A date someone should be reminded of: a task's deadline, or a dated item in deadlines.json. */
export interface RemindableItem {
  /** The task id, or the deadlines.json id. */
  id: string;
  title: string;
  /** YYYY-MM-DD in Denmark; only day-precision dates are reminded. */
  date: string;
  /** What is true on the date: it happens then, it must be done before it, or by it. */
  relation: 'on' | 'before' | 'by';
  /** Whose status decides "done": the task itself, or a deadline's related task. */
  taskId?: string;
  responsibleRoleIds: string[];
  /** Days before the date a reminder goes out (the data's, else the default), descending. */
  days: number[];
  sourceLabel: string;
}

/** One moment a reminder for an item goes out (before it fell on a weekend it may have moved). */
export interface Occurrence {
  /** `${itemId}@${date}/-${days}` or `${itemId}@${date}/after`: stable while the date stays. */
  id: string;
  itemId: string;
  kind: 'before' | 'after';
  /** As configured (0 is the day itself); -1 for the reminder after the date. */
  daysBefore: number;
  /** 09:00 Copenhagen time on the (moved) day. */
  at: DateTime;
}

/** What subscribing adds: every deadline, or one item (added to those the conversation follows). */
export interface SubscribeInput {
  channel: string;
  conversationId: string;
  municipalityId?: string;
  itemId?: string;
  days?: number[];
  by: Actor;
}

/** Which conversations get reminders, and which reminders were put off. */
export interface SubscriptionBook {
  /** Goes up on every change to the subscriptions (snoozes alone leave it): whoever indexes them rebuilds then. */
  readonly version: number;
  all(): readonly DeepReadonly<ReminderSubscription>[];
  get(channel: string, conversationId: string): DeepReadonly<ReminderSubscription> | undefined;
  subscribe(input: SubscribeInput): Promise<{ created: boolean; subscription: DeepReadonly<ReminderSubscription> }>;
  unsubscribe(channel: string, conversationId: string): Promise<boolean>;
  mute(channel: string, conversationId: string, itemId: string, by: Actor): Promise<boolean>;
  snooze(input: {
    channel: string;
    conversationId: string;
    itemId: string;
    until: DateTime;
    by: Actor;
  }): Promise<DeepReadonly<ReminderSnooze>>;
  /** Snoozes with from < until <= to, oldest first. */
  snoozesDue(from: DateTime, to: DateTime): DeepReadonly<ReminderSnooze>[];
  /** Forgets these snoozes in one write. */
  removeSnoozes(ids: readonly string[]): Promise<void>;
}

/** A delivery that did not arrive, for administrators ("påmindelser fejl"). */
export interface DeliveryFailure {
  occurrenceId: string;
  itemId: string;
  channel: string;
  conversationId: string;
  status: 'failed' | 'gone' | 'dead' | 'unknown';
  reason: string;
  /** When the last attempt was made (ISO). */
  at: string;
  attempts: number;
}

/** A reminder a conversation will get, for the list ("påmindelser"). */
export interface UpcomingReminder {
  itemId: string;
  title: string;
  date: string;
  at: DateTime;
  kind: 'before' | 'after' | 'snooze';
}

/** What the reminder dialogs need: the subscriptions, the items, and what the engine knows. */
export interface ReminderServices {
  subscriptions: SubscriptionBook;
  items: readonly RemindableItem[];
  /** Whether klikbot can write to this conversation unprompted (stored, not dead). */
  reachable(channel: string, conversationId: string): boolean;
  /** The reminder last sent to this conversation ("mind mig igen i morgen" typed as text). */
  lastSentTo(channel: string, conversationId: string): { itemId: string; at: string } | undefined;
  /** The next reminders this conversation will get, soonest first. */
  upcoming(channel: string, conversationId: string, limit: number): UpcomingReminder[];
  /** Deliveries that did not arrive, newest first. */
  failures(limit: number): DeliveryFailure[];
}
