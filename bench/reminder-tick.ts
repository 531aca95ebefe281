/**
 * Time per reminder tick with 100,000 subscribed channels, each linked to a municipality, on the
 * seed's deadlines: when nothing is due, and when 1,000 are due. The notifier answers at once (no network), so the figure is the
 * engine's own cost: finding what is due, checking statuses and the send log, composing the
 * messages, and writing the claims and outcomes to the send log with fsync.
 *
 *   npm run bench:reminders
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createReminderComposer } from '../dialogs/reminders/message.js';
import { createFixedClock } from '../src/clock.js';
import type { Notifier } from '../src/core/notifier.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { createLogger } from '../src/logger.js';
import { openReminders } from '../src/reminders/reminders.js';
import { ConversationRepository } from '../src/state/conversations.js';
import { MembershipRepository } from '../src/state/memberships.js';
import { ReminderSubscriptionRepository } from '../src/state/reminder-subscriptions.js';
import type { State } from '../src/state/schema.js';
import { StatusRepository } from '../src/state/statuses.js';
import { openStore } from '../src/state/store.js';

const SUBSCRIPTIONS = 100_000;
const DUE_PER_MOMENT = 1_000;
// Days before 1 November 2018 that land on ten working days from 3 to 17 October, when no default reminder is due
const SPECIAL_DAYS = [29, 28, 27, 24, 23, 22, 21, 17, 16, 15];
const QUIET_TICKS = 200;
const SINCE = '2018-09-01T00:00:00.000+02:00';
const by = { channel: 'msteams', userId: 'bench' };

function fill(draft: State, municipalityIds: string[]): void {
  for (let index = 0; index < SUBSCRIPTIONS; index += 1) {
    const conversationId = `19:bench-${index}@thread.tacv2`;
    draft.conversations.push({
      channel: 'msteams',
      conversationId,
      reference: {},
      isGroup: true,
      firstSeen: SINCE,
      lastSeen: SINCE,
    });
    const special = Math.floor(index / DUE_PER_MOMENT);
    const days =
      special < SPECIAL_DAYS.length ? { itemIds: ['udpeg-fk-adm-og-fk-ansv'], days: [SPECIAL_DAYS[special]!] } : {};
    // a channel's reminders follow its link to a municipality, as "kanal <navn>" makes it
    draft.conversationLinks.push({
      channel: 'msteams',
      conversationId,
      municipalityId: municipalityIds[index % municipalityIds.length]!,
      since: SINCE,
      by,
      verified: true,
    });
    draft.reminderSubscriptions.push({
      channel: 'msteams',
      conversationId,
      mutedItemIds: [],
      by,
      since: SINCE,
      ...days,
    });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(34)} n=${String(samples.length).padStart(3)}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  max ${sorted.at(-1)!.toFixed(2)} ms`;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-bench-reminders-'));
  const knowledge = await loadKnowledge('data/knowledge');
  const clock = createFixedClock(DateTime.fromISO('2018-10-02T12:00:00+02:00'));
  const store = await openStore(path.join(dir, 'state.json'));
  await store.update((draft) =>
    fill(
      draft,
      knowledge.municipalities.map((m) => m.id),
    ),
  );
  const statuses = new StatusRepository(store, clock);
  const memberships = new MembershipRepository(store, clock);
  let sends = 0;
  const notifier: Notifier = {
    send: (to) => {
      sends += 1;
      return Promise.resolve({ ...to, status: 'sent', messageIds: [String(sends)] });
    },
    sendToMany: () => Promise.reject(new Error('not used by the engine')),
  };
  const reminders = await openReminders({
    knowledge,
    statePath: store.filePath,
    subscriptions: new ReminderSubscriptionRepository(store, clock),
    conversations: new ConversationRepository(store, clock),
    statuses,
    conversationMunicipality: (channel, conversationId) =>
      memberships.conversationLink(channel, conversationId)?.municipalityId,
    personMunicipality: (channel, userId) => memberships.get(channel, userId)?.municipalityId,
    compose: createReminderComposer(knowledge, statuses),
    notifier,
    clock,
    logger: createLogger('silent'),
  });
  const time = async (): Promise<{ ms: number; sent: number }> => {
    const start = process.hrtime.bigint();
    const report = await reminders.engine.tick();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, sent: report.sent };
  };

  const first = await time();
  const quiet: number[] = [];
  const busy: number[] = [];
  for (const days of [...SPECIAL_DAYS].sort((a, b) => b - a)) {
    const due = DateTime.fromISO('2018-11-01T09:00:00+01:00')
      .minus({ days })
      .setZone('Europe/Copenhagen')
      .set({ hour: 9 });
    // quiet minutes before the moment, then the tick at 09:00 with its 1,000 due
    for (let minute = QUIET_TICKS / SPECIAL_DAYS.length; minute >= 1; minute -= 1) {
      clock.set(due.minus({ minutes: minute }));
      const quietTick = await time();
      if (quietTick.sent !== 0) throw new Error(`a quiet tick sent ${quietTick.sent}`);
      quiet.push(quietTick.ms);
    }
    clock.set(due);
    const busyTick = await time();
    if (busyTick.sent !== DUE_PER_MOMENT)
      throw new Error(`expected ${DUE_PER_MOMENT} due at ${due.toISO()}, sent ${busyTick.sent}`);
    busy.push(busyTick.ms);
  }
  await reminders.close();
  await rm(dir, { recursive: true, force: true });
  console.log(
    `reminder ticks, ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions on ${knowledge.tasks.length} tasks' and the dated items' deadlines (target ≤ 50 ms per tick)`,
  );
  console.log(`${'first tick (builds the timeline)'.padEnd(34)} ${first.ms.toFixed(2)} ms`);
  console.log(summary('tick, nothing due', quiet));
  // the first busy tick also indexes the stored conversations, as any tick does after the state file changed
  console.log(
    `${`tick, ${DUE_PER_MOMENT.toLocaleString('en')} due, first`.padEnd(34)} ${busy[0]!.toFixed(2)} ms (also indexes the ${SUBSCRIPTIONS.toLocaleString('en')} stored conversations and their links)`,
  );
  console.log(summary(`tick, ${DUE_PER_MOMENT.toLocaleString('en')} due, then`, busy.slice(1)));
}

await main();
