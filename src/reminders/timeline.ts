import type { DeepReadonly, ReminderSubscription } from '../state/schema.js';
import { occurrencesOf } from './schedule.js';
import type { Occurrence, RemindableItem } from './types.js';

type Subscription = DeepReadonly<ReminderSubscription>;

/** A subscription on the timeline, with the instant it began read once. */
export interface Recipient {
  subscription: Subscription;
  sinceMillis: number;
}

/** One reminder moment and the subscriptions it goes to. */
export interface TimelineEntry {
  atMillis: number;
  occurrence: Occurrence;
  item: RemindableItem;
  recipients: Recipient[];
  /** The same item's reminders for these recipients, in time order: the catch-up rule needs the next one. */
  siblings: readonly Occurrence[];
}

function daysKey(days: readonly number[] | undefined): string {
  return days === undefined ? '' : days.join(',');
}

/**
 * Every reminder moment of every subscription, in time order, built once per change to the
 * subscriptions. Subscriptions that follow the same item on the same days share one entry
 * per moment, so 100,000 subscriptions on the seed's deadlines make a few dozen entries, and
 * finding what is due between two instants is a binary search plus what is due.
 */
export class Timeline {
  private readonly entries: TimelineEntry[];

  constructor(items: readonly RemindableItem[], subscriptions: readonly Subscription[]) {
    const byId = new Map(items.map((item) => [item.id, item]));
    const groups = new Map<
      string,
      { item: RemindableItem; days: readonly number[] | undefined; recipients: Recipient[] }
    >();
    for (const subscription of subscriptions) {
      // the state holds instants in ISO form with an offset, which Date.parse reads exactly and ~50× faster than luxon
      const recipient = { subscription, sinceMillis: Date.parse(subscription.since) };
      const followed = subscription.itemIds ?? items.map((item) => item.id);
      for (const itemId of followed) {
        const item = byId.get(itemId);
        // an item the data no longer has (replaced for a new quarter) has nothing to remind of
        if (!item) continue;
        const key = `${itemId}|${daysKey(subscription.days)}`;
        const group = groups.get(key) ?? { item, days: subscription.days, recipients: [] };
        group.recipients.push(recipient);
        groups.set(key, group);
      }
    }
    this.entries = [];
    for (const { item, days, recipients } of groups.values()) {
      const siblings = occurrencesOf(item, days ?? item.days);
      for (const occurrence of siblings)
        this.entries.push({ atMillis: occurrence.at.toMillis(), occurrence, item, recipients, siblings });
    }
    this.entries.sort((a, b) => a.atMillis - b.atMillis);
  }

  /** The entries with `fromMillis < at <= toMillis`, in time order. */
  between(fromMillis: number, toMillis: number): TimelineEntry[] {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle]!.atMillis <= fromMillis) low = middle + 1;
      else high = middle;
    }
    const result: TimelineEntry[] = [];
    for (let index = low; index < this.entries.length && this.entries[index]!.atMillis <= toMillis; index += 1)
      result.push(this.entries[index]!);
    return result;
  }
}
