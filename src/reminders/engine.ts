import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { nowIso, type Clock } from '../clock.js';
import type { Delivery, Notifier } from '../core/notifier.js';
import type { Reply } from '../core/types.js';
import type { Logger } from '../logger.js';
import type { DeepReadonly, ReminderSubscription } from '../state/schema.js';
import { lateVerdict, ON_TIME_MINUTES } from './catch-up.js';
import { deliveryKey, type DeliveryRecord, type NewDeliveryRecord, type SendLog } from './send-log.js';
import { Timeline } from './timeline.js';
import type { RemindableItem, SubscriptionBook } from './types.js';
import type { Claims } from '../state/claims.js';

type Subscription = DeepReadonly<ReminderSubscription>;

/** A reminder about to go to one conversation; the message is composed from it. */
export interface DueReminder {
  item: RemindableItem;
  subscription: Subscription;
  /** Whose status the message shows, when the conversation belongs to a municipality. */
  municipalityId?: string;
  now: DateTime;
}

/** What the engine reads and writes through. */
export interface ReminderEngineDeps {
  items: readonly RemindableItem[];
  subscriptions: SubscriptionBook;
  sendLog: SendLog;
  /**
   * With several instances, where each delivery is claimed before it is sent, so that only
   * one of them sends it; absent with one instance, whose send log is enough.
   */
  claims?: Claims;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
  /** Whose status decides for a subscription: the conversation's link, else the subscription's own. */
  municipalityFor(subscription: Subscription): string | undefined;
  isDone(municipalityId: string, taskId: string): boolean;
  /** Whether klikbot can still write to the conversation (stored and not dead). */
  reachable(channel: string, conversationId: string): boolean;
  compose(reminder: DueReminder): Reply[];
}

/** What one tick did, for logs, tests and the benchmark. */
export interface TickReport {
  from: string;
  to: string;
  sent: number;
  failed: number;
  skipped: number;
}

interface Job {
  occurrenceId: string;
  item: RemindableItem;
  subscription: Subscription;
  attempt: number;
  snoozeId?: string;
}

/** Minutes to wait before trying a failed delivery again: two more tries, then it is given up and listed. */
const RETRY_MINUTES = [5, 30];
/** How often, in clock time, a tick with nothing to write still marks how far it looked. */
const TICK_MARK_MINUTES = 10;
/** This process, as the owner of the deliveries it claims. */
const INSTANCE = randomUUID();
/** How long a delivery's claim is kept: far longer than any tick could come back to it. */
const CLAIM_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/** Conversations written to at once. */
const PARALLEL_SENDS = 4;

/**
 * Sends each reminder once: on each tick it finds what came due since the last one (the
 * timeline, the snoozes, the retries), leaves out those already in the send log, muted, or
 * for a municipality that is done, claims the rest in the log, sends them through the
 * notifier and logs each outcome.
 */
export class ReminderEngine {
  private timeline: Timeline | undefined;
  private timelineVersion = -1;
  private timelineItems: readonly RemindableItem[] | undefined;
  private cursorMillis: number;
  private lastMarkMillis: number;
  private running: Promise<TickReport> | undefined;
  private readonly doneMemo = new Map<string, boolean>();
  private readonly messageMemo = new Map<string, Reply[]>();

  constructor(private readonly deps: ReminderEngineDeps) {
    const mark = deps.sendLog.lastTickAt();
    const now = deps.clock.now().toMillis();
    // a first start reminds from now on; a restart looks back to where it got to (a clock set back starts from now)
    this.cursorMillis = mark === undefined ? now : Math.min(DateTime.fromISO(mark).toMillis(), now);
    this.lastMarkMillis = this.cursorMillis;
  }

  /** Logs deliveries a stopped process claimed but never finished: they are not sent again, so they cannot arrive twice. */
  async settleUnfinished(): Promise<number> {
    const unfinished = this.deps.sendLog.unfinished();
    const at = nowIso(this.deps.clock);
    const reason = 'klikbot stopped during the send; not sent again, so that it cannot arrive twice';
    await this.deps.sendLog.append(
      unfinished.map((record) => ({ ...withoutType(record), status: 'unknown', reason, at })),
    );
    return unfinished.length;
  }

  /** Finds and sends what came due since the last tick; a tick already running is waited for instead. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once no tick runs: the send log may then be closed. The timer that ticks is the caller's (src/lib/scheduler.ts). */
  async whenIdle(): Promise<void> {
    // the tick's own failure went to whoever awaited it; this only waits for it to end
    await this.running?.catch(() => undefined);
  }

  /** The jobs this instance sends: those it claimed first (another instance sends the rest). */
  private async claimed(jobs: Job[]): Promise<Job[]> {
    const { claims } = this.deps;
    if (!claims || jobs.length === 0) return jobs;
    // claims keep real time, whatever time klikbot is set to keep: the instances share it
    const nowMs = Date.now();
    const keep = await Promise.all(
      jobs.map((job) =>
        claims.claim(
          `reminder:${deliveryKey(job.occurrenceId, job.subscription.channel, job.subscription.conversationId)}:${job.attempt}:${job.snoozeId ?? ''}`,
          nowMs,
          nowMs + CLAIM_KEPT_MS,
          // a tick that failed after claiming is tried again by this instance, which may then claim again
          INSTANCE,
        ),
      ),
    );
    return jobs.filter((_, index) => keep[index]);
  }

  private currentTimeline(): Timeline {
    const { subscriptions, items } = this.deps;
    // built again when the subscriptions change, or the knowledge was reloaded
    if (!this.timeline || this.timelineVersion !== subscriptions.version || this.timelineItems !== items) {
      this.timelineVersion = subscriptions.version;
      this.timelineItems = items;
      this.timeline = new Timeline(items, subscriptions.all());
    }
    return this.timeline;
  }

  private async runTick(): Promise<TickReport> {
    const now = this.deps.clock.now();
    const from = this.cursorMillis;
    const skipped: NewDeliveryRecord[] = [];
    const droppedSnoozes: string[] = [];
    this.doneMemo.clear();
    this.messageMemo.clear();
    const regular = this.timelineJobs(from, now, skipped);
    const jobs = await this.claimed([
      ...regular,
      ...this.snoozeJobs(from, now, regular, droppedSnoozes),
      ...this.retryJobs(now, skipped),
    ]);
    const at = nowIso(this.deps.clock);
    const mark =
      jobs.length > 0 || skipped.length > 0 || now.toMillis() - this.lastMarkMillis >= TICK_MARK_MINUTES * 60_000
        ? at
        : undefined;
    await this.deps.sendLog.append([...skipped, ...jobs.map((job) => record(job, 'claimed', at))], mark);
    if (mark !== undefined) this.lastMarkMillis = now.toMillis();
    this.cursorMillis = Math.max(this.cursorMillis, now.toMillis());
    const outcomes = await this.deliver(jobs, now);
    await this.deps.sendLog.append(outcomes);
    await this.deps.subscriptions.removeSnoozes([
      ...droppedSnoozes,
      ...jobs.flatMap((job) => (job.snoozeId !== undefined ? [job.snoozeId] : [])),
    ]);
    const failed = outcomes.filter((outcome) => outcome.status !== 'sent').length;
    const report = {
      from: DateTime.fromMillis(from).toISO() ?? '',
      to: at,
      sent: outcomes.length - failed,
      failed,
      skipped: skipped.length,
    };
    // a tick that did something is news; one that found nothing is logged at debug, so that an operator (or a test) can see it looked
    if (jobs.length > 0 || skipped.length > 0) this.deps.logger.info({ report }, 'reminder tick');
    else this.deps.logger.debug({ report }, 'reminder tick');
    return report;
  }

  private wanted(subscription: Subscription, item: RemindableItem): boolean {
    if (subscription.mutedItemIds.includes(item.id)) return false;
    if (!this.deps.reachable(subscription.channel, subscription.conversationId)) return false;
    const municipalityId = this.deps.municipalityFor(subscription);
    return !(item.taskId !== undefined && municipalityId !== undefined && this.isDone(municipalityId, item.taskId));
  }

  /** Whether the municipality is done with the task, asked once per tick: many conversations share a municipality. */
  private isDone(municipalityId: string, taskId: string): boolean {
    const key = `${municipalityId}|${taskId}`;
    let done = this.doneMemo.get(key);
    if (done === undefined) {
      done = this.deps.isDone(municipalityId, taskId);
      this.doneMemo.set(key, done);
    }
    return done;
  }

  private timelineJobs(from: number, now: DateTime, skipped: NewDeliveryRecord[]): Job[] {
    const jobs: Job[] = [];
    const at = nowIso(this.deps.clock);
    for (const entry of this.currentTimeline().between(from, now.toMillis())) {
      const verdict = lateVerdict(entry.item, entry.occurrence, entry.siblings, now);
      for (const { subscription, sinceMillis } of entry.recipients) {
        // a conversation that subscribed after the moment did not ask for that reminder
        if (sinceMillis > entry.atMillis) continue;
        if (
          this.deps.sendLog.latest(deliveryKey(entry.occurrence.id, subscription.channel, subscription.conversationId))
        )
          continue;
        if (!this.wanted(subscription, entry.item)) continue;
        const job = { occurrenceId: entry.occurrence.id, item: entry.item, subscription, attempt: 1 };
        if (verdict.send) jobs.push(job);
        else skipped.push({ ...record(job, 'skipped', at), reason: verdict.reason });
      }
    }
    return jobs;
  }

  /**
   * Snoozes that came due: each becomes a job, or is dropped when no longer wanted (done,
   * unsubscribed, muted), when a regular reminder for the same item reaches the conversation
   * in this tick (one message, not two alike), or when it is over an hour late (klikbot was
   * down; the next regular reminder stands in for it).
   */
  private snoozeJobs(from: number, now: DateTime, regular: readonly Job[], dropped: string[]): Job[] {
    const jobs: Job[] = [];
    const items = new Map(this.deps.items.map((item) => [item.id, item]));
    const alsoDue = new Set(
      regular.map((job) => JSON.stringify([job.item.id, job.subscription.channel, job.subscription.conversationId])),
    );
    for (const snooze of this.deps.subscriptions.snoozesDue(DateTime.fromMillis(from), now)) {
      const item = items.get(snooze.itemId);
      const subscription = this.deps.subscriptions.get(snooze.channel, snooze.conversationId);
      const occurrenceId = `snooze:${snooze.id}`;
      const late = now.toMillis() - Date.parse(snooze.until) > ON_TIME_MINUTES * 60_000;
      const duplicate = alsoDue.has(JSON.stringify([snooze.itemId, snooze.channel, snooze.conversationId]));
      if (
        !item ||
        !subscription ||
        late ||
        duplicate ||
        !this.wanted(subscription, item) ||
        this.deps.sendLog.latest(deliveryKey(occurrenceId, snooze.channel, snooze.conversationId))
      ) {
        dropped.push(snooze.id);
        continue;
      }
      jobs.push({ occurrenceId, item, subscription, attempt: 1, snoozeId: snooze.id });
    }
    return jobs;
  }

  /** Failed deliveries whose retry time has come; one more than an hour late (klikbot was down) is given up as skipped. */
  private retryJobs(now: DateTime, skipped: NewDeliveryRecord[]): Job[] {
    const items = new Map(this.deps.items.map((item) => [item.id, item]));
    const jobs: Job[] = [];
    const at = nowIso(this.deps.clock);
    for (const failed of this.deps.sendLog.retries()) {
      const retryAt = Date.parse(failed.retryAt ?? failed.at);
      if (retryAt > now.toMillis()) continue;
      const item = items.get(failed.itemId);
      const subscription = this.deps.subscriptions.get(failed.channel, failed.conversationId);
      if (!item || !subscription || !this.wanted(subscription, item)) continue;
      const job = { occurrenceId: failed.occurrenceId, item, subscription, attempt: failed.attempt + 1 };
      if (now.toMillis() - retryAt > ON_TIME_MINUTES * 60_000)
        skipped.push({
          ...record(job, 'skipped', at),
          attempt: failed.attempt,
          reason: 'missed while down; a retry is not sent late',
        });
      else jobs.push(job);
    }
    return jobs;
  }

  private async deliver(jobs: Job[], now: DateTime): Promise<NewDeliveryRecord[]> {
    const sendOne = async (job: Job): Promise<Delivery> => {
      const replies = this.messageFor(job, now);
      return this.deps.notifier.send(
        { channel: job.subscription.channel, conversationId: job.subscription.conversationId },
        replies,
      );
    };
    const deliveries: Delivery[] = new Array<Delivery>(jobs.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        deliveries[index] = await sendOne(jobs[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, jobs.length) }, worker));
    const at = nowIso(this.deps.clock);
    return jobs.map((job, index) => this.outcome(job, deliveries[index]!, now, at));
  }

  /** The message for a job; one per item and municipality in a tick, as they all read the same. */
  private messageFor(job: Job, now: DateTime): Reply[] {
    const municipalityId = this.deps.municipalityFor(job.subscription);
    const key = `${job.item.id}|${municipalityId ?? ''}`;
    let replies = this.messageMemo.get(key);
    if (!replies) {
      replies = this.deps.compose({
        item: job.item,
        subscription: job.subscription,
        now,
        ...(municipalityId !== undefined ? { municipalityId } : {}),
      });
      this.messageMemo.set(key, replies);
    }
    return replies;
  }

  private outcome(job: Job, delivery: Delivery, now: DateTime, at: string): NewDeliveryRecord {
    if (delivery.status === 'sent') return record(job, 'sent', at);
    const base = { ...record(job, delivery.status, at), reason: delivery.reason };
    const waitMinutes = delivery.status === 'failed' ? RETRY_MINUTES[job.attempt - 1] : undefined;
    if (waitMinutes === undefined) return base;
    return { ...base, retryAt: now.plus({ minutes: waitMinutes }).toISO() ?? at };
  }
}

function record(job: Job, status: NewDeliveryRecord['status'], at: string): NewDeliveryRecord {
  return {
    occurrenceId: job.occurrenceId,
    itemId: job.item.id,
    channel: job.subscription.channel,
    conversationId: job.subscription.conversationId,
    status,
    attempt: job.attempt,
    at,
  };
}

function withoutType(line: DeliveryRecord): NewDeliveryRecord {
  const { type: _type, retryAt: _retryAt, reason: _reason, ...rest } = line;
  return rest;
}
