import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import { nowIso, type Clock } from '../clock.js';
import type { SubscribeInput, SubscriptionBook } from '../reminders/types.js';
import type { Actor, DeepReadonly, ReminderSnooze, ReminderSubscription, State } from './schema.js';
import type { Store } from './store.js';
import { plainCopy } from './mirror.js';

export type { ReminderSnooze, ReminderSubscription } from './schema.js';

type Snoozes = DeepReadonly<ReminderSnooze>[];

function sameConversation(channel: string, conversationId: string) {
  return (item: { channel: string; conversationId: string }) =>
    item.channel === channel && item.conversationId === conversationId;
}

function withoutUndefined(actor: Actor): Actor {
  return JSON.parse(JSON.stringify(actor)) as Actor;
}

/** Unique, largest first: the order the schedule reads days in. */
function normalisedDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

function millisOf(iso: string): number {
  return Date.parse(iso);
}

/** Index of the first entry whose time is after `millis` (entries sorted by time). */
function firstAfter(times: Float64Array, millis: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= millis) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The snoozes sorted by when they fall due, with those times as numbers for binary search. */
interface SnoozeIndex {
  version: number;
  times: Float64Array;
  snoozes: Snoozes;
}

function drop<T>(list: T[], unwanted: (item: T) => boolean): number {
  let removed = 0;
  for (let index = list.length - 1; index >= 0; index -= 1) {
    if (unwanted(list[index]!)) {
      list.splice(index, 1);
      removed += 1;
    }
  }
  return removed;
}

/** Adds an item to a subscription, or makes a new one; decides nothing the caller must not repeat. */
function applySubscribe(
  draft: State,
  input: SubscribeInput,
  since: string,
): { created: boolean; subscription: ReminderSubscription } {
  const existing = draft.reminderSubscriptions.find(sameConversation(input.channel, input.conversationId));
  const days = input.days ? normalisedDays(input.days) : undefined;
  if (!existing) {
    const subscription: ReminderSubscription = {
      channel: input.channel,
      conversationId: input.conversationId,
      ...(input.municipalityId !== undefined ? { municipalityId: input.municipalityId } : {}),
      ...(input.itemId !== undefined ? { itemIds: [input.itemId] } : {}),
      ...(days ? { days } : {}),
      mutedItemIds: [],
      by: withoutUndefined(input.by),
      since,
    };
    draft.reminderSubscriptions.push(subscription);
    return { created: true, subscription: plainCopy(subscription) };
  }
  if (input.municipalityId !== undefined) existing.municipalityId = input.municipalityId;
  if (days) existing.days = days;
  if (input.itemId === undefined) {
    delete existing.itemIds;
  } else {
    const itemId = input.itemId;
    // following every deadline already includes this one: the list stays absent
    if (existing.itemIds && !existing.itemIds.includes(itemId)) existing.itemIds.push(itemId);
    existing.mutedItemIds = existing.mutedItemIds.filter((id) => id !== itemId);
  }
  return { created: false, subscription: plainCopy(existing) };
}

/**
 * Which conversations get reminders before deadlines (one subscription each), and the
 * reminders someone put off. Kept in the state file; `version` tells indexes when to rebuild.
 */
export class ReminderSubscriptionRepository implements SubscriptionBook {
  #version = 0;
  // snoozes come and go every day; the engine's timeline of subscriptions need not rebuild for them
  #snoozeVersion = 0;
  #snoozeIndex: SnoozeIndex | undefined;
  #byConversation: { version: number; map: Map<string, Map<string, DeepReadonly<ReminderSubscription>>> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Goes up by one on every change to the subscriptions (not to snoozes alone): the engine rebuilds its timeline then. */
  get version(): number {
    return this.#version;
  }

  /** Every subscription, in the order made. */
  all(): readonly DeepReadonly<ReminderSubscription>[] {
    return this.store.read().reminderSubscriptions;
  }

  /** The conversation's subscription, if it has one. */
  get(channel: string, conversationId: string): DeepReadonly<ReminderSubscription> | undefined {
    if (this.#byConversation?.version !== this.#version) {
      // by channel, then id: no key strings to build for every subscription
      const map = new Map<string, Map<string, DeepReadonly<ReminderSubscription>>>();
      for (const subscription of this.all()) {
        let inChannel = map.get(subscription.channel);
        if (!inChannel)
          map.set(subscription.channel, (inChannel = new Map<string, DeepReadonly<ReminderSubscription>>()));
        inChannel.set(subscription.conversationId, subscription);
      }
      this.#byConversation = { version: this.#version, map };
    }
    return this.#byConversation.map.get(channel)?.get(conversationId);
  }

  /**
   * Subscribes the conversation: to every deadline without `itemId` (any list of items goes),
   * else to that item as well (and unmutes it). An existing subscription keeps its `since` and
   * who made it; a municipality or days given replace the stored ones.
   */
  async subscribe(
    input: SubscribeInput,
  ): Promise<{ created: boolean; subscription: DeepReadonly<ReminderSubscription> }> {
    const since = nowIso(this.clock);
    return this.#write('subscriptions', (draft) => ({ changed: true, result: applySubscribe(draft, input, since) }));
  }

  /** Ends the conversation's reminders, and any it put off; false when it had none. */
  async unsubscribe(channel: string, conversationId: string): Promise<boolean> {
    return this.#write('both', (draft) => {
      const here = sameConversation(channel, conversationId);
      const removed = drop(draft.reminderSubscriptions, here) + drop(draft.reminderSnoozes, here);
      return { changed: removed > 0, result: removed > 0 };
    });
  }

  /** Stops one item's reminders in the conversation (and any put off); false when it is not subscribed. */
  async mute(channel: string, conversationId: string, itemId: string, _by: Actor): Promise<boolean> {
    return this.#write('both', (draft) => {
      const subscription = draft.reminderSubscriptions.find(sameConversation(channel, conversationId));
      if (!subscription) return { changed: false, result: false };
      if (!subscription.mutedItemIds.includes(itemId)) subscription.mutedItemIds.push(itemId);
      const here = sameConversation(channel, conversationId);
      drop(draft.reminderSnoozes, (s) => here(s) && s.itemId === itemId);
      return { changed: true, result: true };
    });
  }

  /** Puts one item's reminder off until `until`; a snooze already pending for it here is replaced. */
  async snooze(input: {
    channel: string;
    conversationId: string;
    itemId: string;
    until: DateTime;
    by: Actor;
  }): Promise<DeepReadonly<ReminderSnooze>> {
    const until = input.until.toISO();
    if (until === null)
      throw new TypeError(`Cannot snooze until an invalid time (${input.until.invalidReason ?? 'unknown reason'})`);
    const snooze: ReminderSnooze = {
      id: randomUUID(),
      channel: input.channel,
      conversationId: input.conversationId,
      itemId: input.itemId,
      until,
      by: withoutUndefined(input.by),
      at: nowIso(this.clock),
    };
    return this.#write('snoozes', (draft) => {
      const here = sameConversation(input.channel, input.conversationId);
      drop(draft.reminderSnoozes, (s) => here(s) && s.itemId === input.itemId);
      draft.reminderSnoozes.push(snooze);
      return { changed: true, result: plainCopy(snooze) };
    });
  }

  /** Snoozes with from < until <= to, oldest first: a binary search in an index kept between changes. */
  snoozesDue(from: DateTime, to: DateTime): DeepReadonly<ReminderSnooze>[] {
    const index = this.#snoozes();
    const start = firstAfter(index.times, from.toMillis());
    const end = firstAfter(index.times, to.toMillis());
    return index.snoozes.slice(start, Math.max(start, end));
  }

  /** Forgets snoozes (the engine, once sent or no longer wanted), all in one write. */
  async removeSnoozes(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    await this.#write('snoozes', (draft) => {
      const removed = drop(draft.reminderSnoozes, (s) => gone.has(s.id));
      return { changed: removed > 0, result: undefined };
    });
  }

  #snoozes(): SnoozeIndex {
    if (this.#snoozeIndex?.version === this.#snoozeVersion) return this.#snoozeIndex;
    const sorted = [...this.store.read().reminderSnoozes]
      .map((snooze) => ({ snooze, due: millisOf(snooze.until), made: millisOf(snooze.at) }))
      .sort((a, b) => a.due - b.due || a.made - b.made);
    this.#snoozeIndex = {
      version: this.#snoozeVersion,
      times: Float64Array.from(sorted, (s) => s.due),
      snoozes: sorted.map((s) => s.snooze),
    };
    return this.#snoozeIndex;
  }

  /**
   * One serialized store update. The version goes up when the change was stored, and also
   * when the write failed, since memory may then hold it anyway (an unconfirmed write): an
   * extra rebuild costs little, a stale index would hide a change.
   */
  async #write<T>(
    touches: 'subscriptions' | 'snoozes' | 'both',
    mutator: (draft: State) => { changed: boolean; result: T },
  ): Promise<T> {
    const bump = () => {
      if (touches !== 'snoozes') this.#version += 1;
      if (touches !== 'subscriptions') this.#snoozeVersion += 1;
    };
    let outcome: { changed: boolean; result: T };
    try {
      outcome = await this.store.update(mutator);
    } catch (error) {
      bump();
      throw error;
    }
    if (outcome.changed) bump();
    return outcome.result;
  }
}
