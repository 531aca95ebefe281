import { concrete } from '../knowledge/live.js';
import path from 'node:path';
import { DateTime } from 'luxon';
import { ZONE, type Clock } from '../clock.js';
import type { Notifier } from '../core/notifier.js';
import type { Reply } from '../core/types.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { Logger } from '../logger.js';
import type { ConversationRepository } from '../state/conversations.js';
import type { DeepReadonly, ReminderSubscription } from '../state/schema.js';
import type { StatusRepository } from '../state/statuses.js';
import { ReminderEngine, type DueReminder } from './engine.js';
import { occurrencesOf, remindableItems } from './schedule.js';
import { SendLog } from './send-log.js';
import { taskDone } from './task-done.js';
import type { RemindableItem, ReminderServices, SubscriptionBook, UpcomingReminder } from './types.js';
import type { Claims } from '../state/claims.js';

/** The send log's file: beside the state file, named after it (`state.json` → `state.reminders.jsonl`). */
export function sendLogPathFor(statePath: string): string {
  const parsed = path.parse(statePath);
  return path.join(parsed.dir, `${parsed.name}.reminders.jsonl`);
}

/** What the reminders are built from. */
export interface RemindersDeps {
  knowledge: Knowledge;
  statePath: string;
  /** Where deliveries are claimed when several instances share a database. */
  claims?: Claims;
  subscriptions: SubscriptionBook;
  conversations: ConversationRepository;
  statuses: Pick<StatusRepository, 'current'>;
  /** The municipality a conversation is linked to, if any. */
  conversationMunicipality(channel: string, conversationId: string): string | undefined;
  /** The municipality a person belongs to now, if any. */
  personMunicipality(channel: string, userId: string): string | undefined;
  compose(due: DueReminder): Reply[];
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

/** The running reminders: the engine and what the reminder dialogs are given. */
export interface Reminders {
  engine: ReminderEngine;
  services: ReminderServices;
  close(): Promise<void>;
}

/** Opens the send log, settles deliveries a stopped process left unfinished, and builds the engine. */
export async function openReminders(deps: RemindersDeps): Promise<Reminders> {
  // the items of the knowledge as it is now: a reload of the knowledge brings new ones
  const itemsByKnowledge = new WeakMap<Knowledge, readonly RemindableItem[]>();
  const itemsNow = (): readonly RemindableItem[] => {
    const knowledge = concrete(deps.knowledge);
    let items = itemsByKnowledge.get(knowledge);
    if (!items) itemsByKnowledge.set(knowledge, (items = remindableItems(knowledge)));
    return items;
  };
  const sendLog = await SendLog.open(sendLogPathFor(deps.statePath));
  // a channel's link decides; in a personal chat the person's municipality as it is now (they may
  // have joined or moved since subscribing), else the one stored when they subscribed
  const municipalityFor = (subscription: DeepReadonly<ReminderSubscription>) =>
    deps.conversationMunicipality(subscription.channel, subscription.conversationId) ??
    (deps.conversations.get(subscription.channel, subscription.conversationId)?.isGroup === false
      ? deps.personMunicipality(subscription.by.channel, subscription.by.userId)
      : undefined) ??
    subscription.municipalityId;
  const isDone = (municipalityId: string, taskId: string) =>
    taskDone(deps.knowledge, deps.statuses, municipalityId, taskId);
  const reachable = (channel: string, conversationId: string) => {
    const stored = deps.conversations.get(channel, conversationId);
    return stored !== undefined && stored.dead === undefined;
  };
  const engine = new ReminderEngine({
    ...deps,
    get items() {
      return itemsNow();
    },
    sendLog,
    municipalityFor,
    isDone,
    reachable,
  });
  const unfinished = await engine.settleUnfinished();
  if (unfinished > 0) deps.logger.warn({ unfinished }, 'reminders claimed before a stop were not sent again');
  const services: ReminderServices = {
    subscriptions: deps.subscriptions,
    get items() {
      return itemsNow();
    },
    reachable,
    lastSentTo: (channel, conversationId) => {
      const last = sendLog.lastSentTo(channel, conversationId);
      return last ? { itemId: last.itemId, at: last.at } : undefined;
    },
    upcoming: (channel, conversationId, limit) =>
      upcomingFor({ ...deps, items: itemsNow(), municipalityFor, isDone }, channel, conversationId, limit),
    failures: (limit) =>
      sendLog.failures(limit).map((record) => ({
        occurrenceId: record.occurrenceId,
        itemId: record.itemId,
        channel: record.channel,
        conversationId: record.conversationId,
        // failures() lists only these four; the narrowing is the log's promise
        status: record.status as 'failed' | 'gone' | 'dead' | 'unknown',
        reason: record.reason ?? '',
        at: record.at,
        attempts: record.attempt,
      })),
  };
  return {
    engine,
    services,
    close: async () => {
      await engine.whenIdle();
      await sendLog.close();
    },
  };
}

interface UpcomingDeps {
  items: readonly RemindableItem[];
  subscriptions: SubscriptionBook;
  clock: Clock;
  municipalityFor(subscription: DeepReadonly<ReminderSubscription>): string | undefined;
  isDone(municipalityId: string, taskId: string): boolean;
}

/** The next reminders a conversation will get, soonest first: its items' moments and its snoozes. */
function upcomingFor(deps: UpcomingDeps, channel: string, conversationId: string, limit: number): UpcomingReminder[] {
  const subscription = deps.subscriptions.get(channel, conversationId);
  if (!subscription) return [];
  const now = deps.clock.now();
  const municipalityId = deps.municipalityFor(subscription);
  const followed = deps.items.filter(
    (item) =>
      (subscription.itemIds === undefined || subscription.itemIds.includes(item.id)) &&
      !subscription.mutedItemIds.includes(item.id) &&
      !(item.taskId !== undefined && municipalityId !== undefined && deps.isDone(municipalityId, item.taskId)),
  );
  const moments: UpcomingReminder[] = followed.flatMap((item) =>
    occurrencesOf(item, subscription.days ?? item.days)
      .filter((occurrence) => occurrence.at > now)
      .map((occurrence) => ({
        itemId: item.id,
        title: item.title,
        date: item.date,
        at: occurrence.at,
        kind: occurrence.kind,
      })),
  );
  const byId = new Map(deps.items.map((item) => [item.id, item]));
  const snoozed = deps.subscriptions
    .snoozesDue(now, now.plus({ years: 2 }))
    .filter((snooze) => snooze.channel === channel && snooze.conversationId === conversationId)
    .flatMap((snooze): UpcomingReminder[] => {
      const item = byId.get(snooze.itemId);
      return item
        ? [
            {
              itemId: item.id,
              title: item.title,
              date: item.date,
              at: DateTime.fromISO(snooze.until, { zone: ZONE }),
              kind: 'snooze',
            },
          ]
        : [];
    });
  return [...moments, ...snoozed].sort((a, b) => a.at.toMillis() - b.at.toMillis()).slice(0, limit);
}
