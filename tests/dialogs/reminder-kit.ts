import { DateTime } from 'luxon';
import { beforeEach } from 'vitest';
import type { DialogContext } from '../../dialogs/types.js';
import type { ChannelKind, Language } from '../../src/core/types.js';
import { occurrencesOf, remindableItems } from '../../src/reminders/schedule.js';
import type { DeliveryFailure, ReminderServices, UpcomingReminder } from '../../src/reminders/types.js';
import { ReminderSubscriptionRepository } from '../../src/state/reminder-subscriptions.js';
import { useActionKit, type ActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

/** The action kit with reminder services over its state, and what the engine would know set by the test. */
export interface ReminderKit extends ActionKit {
  subscriptions: ReminderSubscriptionRepository;
  /** `${channel}/${conversationId}` of conversations klikbot may write to unprompted. */
  reachable: Set<string>;
  lastSent: Map<string, { itemId: string; at: string }>;
  failures: DeliveryFailure[];
}

/** The next reminders of a conversation as the engine lists them (without status: nothing is done in these tests). */
function upcomingOf(kit: ReminderKit, channel: string, conversationId: string, limit: number): UpcomingReminder[] {
  const subscription = kit.subscriptions.get(channel, conversationId);
  if (!subscription) return [];
  const now = kit.clock.now();
  const items = remindableItems(knowledge);
  const moments = items
    .filter(
      (item) => (subscription.itemIds ?? [item.id]).includes(item.id) && !subscription.mutedItemIds.includes(item.id),
    )
    .flatMap((item) =>
      occurrencesOf(item, subscription.days ?? item.days)
        .filter((o) => o.at > now)
        .map((o): UpcomingReminder => ({
          itemId: item.id,
          title: item.title,
          date: item.date,
          at: o.at,
          kind: o.kind,
        })),
    );
  const snoozed = kit.subscriptions
    .snoozesDue(now, now.plus({ years: 1 }))
    .filter((s) => s.channel === channel && s.conversationId === conversationId)
    .map((s): UpcomingReminder => {
      const item = items.find((candidate) => candidate.id === s.itemId)!;
      return { itemId: item.id, title: item.title, date: item.date, at: DateTime.fromISO(s.until), kind: 'snooze' };
    });
  return [...moments, ...snoozed].sort((a, b) => a.at.toMillis() - b.at.toMillis()).slice(0, limit);
}

/** A fresh state per test, with `services.reminders` built from the repository and the kit's sets. */
export function useReminderKit(): ReminderKit {
  const kit = useActionKit() as ReminderKit;
  beforeEach(() => {
    kit.subscriptions = new ReminderSubscriptionRepository(kit.store, kit.clock);
    kit.reachable = new Set(['msteams/19:aarhus@thread.tacv2', 'msteams/a:personal', 'slack/C1', 'slack/D1']);
    kit.lastSent = new Map();
    kit.failures = [];
    const services: ReminderServices = {
      subscriptions: kit.subscriptions,
      items: remindableItems(knowledge),
      reachable: (channel, conversationId) => kit.reachable.has(`${channel}/${conversationId}`),
      lastSentTo: (channel, conversationId) => kit.lastSent.get(`${channel}/${conversationId}`),
      upcoming: (channel, conversationId, limit) => upcomingOf(kit, channel, conversationId, limit),
      failures: (limit) => kit.failures.slice(0, limit),
    };
    kit.services.reminders = services;
  });
  return kit;
}

/** Where a turn happens: the Aarhus channel in Teams by default. */
export interface Place {
  channel?: ChannelKind;
  conversationId?: string;
  isGroup?: boolean;
  userId?: string;
  name?: string;
  language?: Language;
  at?: string;
}

/** A dialog context for a button press at `at` (default Thursday 6 September 2018, 10.00), in the Aarhus Teams channel unless told. */
export function at(place: Place = {}): DialogContext {
  const now = DateTime.fromISO(place.at ?? '2018-09-06T10:00:00+02:00', { setZone: true });
  const channel = place.channel ?? 'teams';
  const id = place.conversationId ?? '19:aarhus@thread.tacv2';
  // as the channels address a conversation for writing later: Teams as msteams, without the thread
  const address =
    channel === 'teams'
      ? { channel: 'msteams', conversationId: id.split(';messageid=')[0]! }
      : channel === 'slack'
        ? { channel: 'slack', conversationId: id }
        : undefined;
  return {
    knowledge,
    language: place.language ?? 'da',
    turn: {
      user: { id: place.userId ?? 'aad-anna', ...(place.name !== undefined ? { name: place.name } : {}) },
      conversation: { channel, id, isGroup: place.isGroup ?? true, ...(address ? { address } : {}) },
      text: '',
      now,
    },
  };
}

/** A personal chat with klikbot in Teams. */
export const personal: Place = { conversationId: 'a:personal', isGroup: false };
