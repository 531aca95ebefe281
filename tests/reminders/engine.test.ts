import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReminderComposer } from '../../dialogs/reminders/message.js';
import { createFixedClock, ZONE } from '../../src/clock.js';
import type { ConversationAddress, Delivery, Notifier } from '../../src/core/notifier.js';
import type { Reply } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { createLogger } from '../../src/logger.js';
import { openReminders, type Reminders } from '../../src/reminders/reminders.js';
import { ConversationRepository } from '../../src/state/conversations.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { ReminderSubscriptionRepository } from '../../src/state/reminder-subscriptions.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore, type FileStore } from '../../src/state/store.js';

const AARHUS_CHANNEL = { channel: 'msteams', conversationId: '19:aarhus@thread.tacv2' };
const anna = { channel: 'msteams', userId: 'aad-anna', name: 'Anna' };

interface Sent {
  to: ConversationAddress;
  at: string;
  replies: Reply[];
}

let knowledge: Knowledge;
let dir: string;
let store: FileStore;
let reminders: Reminders | undefined;
// one repository for the test and the engine, as in the running bot: its version is what tells the engine to rebuild
let subscriptions: ReminderSubscriptionRepository;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
let sent: Sent[];
let failNext: string[];
/** When set, a send never settles: the process is "killed" inside it. */
let hang = false;
/** Called as a send starts to hang: by then the engine has written its claim. */
let hanging: () => void = () => undefined;

beforeAll(async () => {
  knowledge = await loadKnowledge('data/knowledge');
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-engine-'));
  clock.set(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
  store = await openStore(path.join(dir, 'state.json'));
  subscriptions = new ReminderSubscriptionRepository(store, clock);
  sent = [];
  failNext = [];
  hang = false;
  hanging = () => undefined;
  await new ConversationRepository(store, clock).remember({ ...AARHUS_CHANNEL, reference: {}, isGroup: true });
});
afterEach(async () => {
  await reminders?.close();
  reminders = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** The notifier as the engine sees it: every send is recorded; a queued failure answers the next one. */
const notifier: Notifier = {
  send: (to, replies): Promise<Delivery> => {
    if (hang) {
      hanging();
      return new Promise<Delivery>(() => undefined);
    }
    const failure = failNext.shift();
    if (failure !== undefined) return Promise.resolve({ ...to, status: 'failed', reason: failure });
    sent.push({ to, at: clock.now().toISO() ?? '', replies });
    return Promise.resolve({ ...to, status: 'sent', messageIds: [String(sent.length)] });
  },
  sendToMany: () => Promise.reject(new Error('the engine sends one conversation at a time')),
};

async function open(): Promise<Reminders> {
  const statuses = new StatusRepository(store, clock);
  const memberships = new MembershipRepository(store, clock);
  reminders = await openReminders({
    knowledge,
    statePath: store.filePath,
    subscriptions,
    conversations: new ConversationRepository(store, clock),
    statuses,
    conversationMunicipality: (channel, conversationId) =>
      channel === AARHUS_CHANNEL.channel && conversationId === AARHUS_CHANNEL.conversationId ? 'aarhus' : undefined,
    personMunicipality: (channel, userId) => memberships.get(channel, userId)?.municipalityId,
    compose: createReminderComposer(knowledge, statuses),
    notifier,
    clock,
    logger: createLogger('silent'),
  });
  return reminders;
}

/** Moves the clock an hour at a time up to `until`, ticking at each hour. */
async function runUntil(engineOwner: Reminders, until: string): Promise<void> {
  const end = DateTime.fromISO(until);
  let at = clock.now().startOf('hour');
  while (at < end) {
    at = at.plus({ hours: 1 });
    clock.set(at);
    await engineOwner.engine.tick();
  }
}

function localTimes(itemId: string): string[] {
  return sent
    .filter((s) => s.replies[0]?.buttons?.some((b) => b.action.args.itemId === itemId))
    .map((s) => DateTime.fromISO(s.at, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm ZZ'));
}

describe('the reminder engine over autumn 2018', () => {
  it('sends every reminder of a subscribed channel once, at 09:00 local time, across the end of summer time', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, by: anna });
    const owner = await open();
    await runUntil(owner, '2018-12-20T00:00:00+01:00');
    expect(localTimes('udpeg-fk-adm-og-fk-ansv')).toEqual([
      '2018-10-02 09:00 +02:00',
      '2018-10-18 09:00 +02:00',
      '2018-10-25 09:00 +02:00',
      '2018-10-31 09:00 +01:00',
      '2018-11-02 09:00 +01:00',
    ]);
    expect(localTimes('godkend-initiale-fordelingsregler')).toEqual([
      '2018-11-12 09:00 +01:00',
      '2018-11-28 09:00 +01:00',
      '2018-12-05 09:00 +01:00',
      '2018-12-11 09:00 +01:00',
      '2018-12-13 09:00 +01:00',
    ]);
    // subscribed on 6 September: the 20 September agreements' 30-day reminder (21 August) was before that
    expect(localTimes('beskedfordeler-serviceaftaler-godkendes')).toEqual([
      '2018-09-13 09:00 +02:00',
      '2018-09-19 09:00 +02:00',
    ]);
    const keys = sent.map((s) => `${s.at}|${s.replies[0]?.heading}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes the message a programme leader needs: days left, date, status, responsible, buttons', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    await new StatusRepository(store, clock).record({
      municipalityId: 'aarhus',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      status: 'started',
      by: anna,
    });
    clock.set(DateTime.fromISO('2018-10-25T08:00:00+02:00'));
    const owner = await open();
    await runUntil(owner, '2018-10-25T10:00:00+02:00');
    expect(sent).toHaveLength(1);
    const [reply] = sent[0]!.replies;
    expect(reply?.text).toContain('🔔 Om 7 dage: Udpeg FK-ADM og FK-ANSV');
    expect(reply?.text).toContain('Deadline torsdag 1. november 2018.');
    expect(reply?.text).toContain('Status for Aarhus Kommune: **påbegyndt**.');
    expect(reply?.text).toContain('Oplægget nævner ingen ansvarlig rolle.');
    expect(reply?.buttons?.map((b) => b.title)).toEqual([
      'Påbegyndt',
      'Fuldført',
      'Mind mig i morgen',
      'Stop påmindelser for denne opgave',
    ]);
  });

  it('stops reminding a municipality that reported the task done, and starts again if that is undone', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    const owner = await open();
    await runUntil(owner, '2018-10-20T00:00:00+02:00');
    expect(localTimes('udpeg-fk-adm-og-fk-ansv')).toHaveLength(2);
    const done = await new StatusRepository(store, clock).record({
      municipalityId: 'aarhus',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      status: 'done',
      by: anna,
    });
    await runUntil(owner, '2018-10-30T00:00:00+01:00');
    expect(localTimes('udpeg-fk-adm-og-fk-ansv')).toHaveLength(2);
    if (done === 'unchanged') throw new Error('the update should have been recorded');
    await new StatusRepository(store, clock).undo(done.id, anna);
    await runUntil(owner, '2018-11-03T00:00:00+01:00');
    expect(localTimes('udpeg-fk-adm-og-fk-ansv')).toEqual([
      '2018-10-02 09:00 +02:00',
      '2018-10-18 09:00 +02:00',
      '2018-10-31 09:00 +01:00',
      '2018-11-02 09:00 +01:00',
    ]);
  });

  it('in a personal chat follows the municipality the person belongs to now, not the one when they subscribed', async () => {
    const personal = { channel: 'msteams', conversationId: 'a:personal-anna' };
    await new ConversationRepository(store, clock).remember({ ...personal, reference: {}, isGroup: false });
    await subscriptions.subscribe({
      ...personal,
      itemId: 'udpeg-fk-adm-og-fk-ansv',
      by: { channel: 'teams', userId: 'aad-anna' },
    });
    const owner = await open();
    await runUntil(owner, '2018-10-03T00:00:00+02:00');
    expect(sent.at(-1)?.replies[0]?.text).toContain('Samtalen hører ikke til en kommune');
    await new MembershipRepository(store, clock).set('teams', 'aad-anna', 'odense');
    await runUntil(owner, '2018-10-19T00:00:00+02:00');
    expect(sent.at(-1)?.replies[0]?.text).toContain('Status for Odense Kommune: **ikke påbegyndt**');
    await new StatusRepository(store, clock).record({
      municipalityId: 'odense',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      status: 'done',
      by: { channel: 'teams', userId: 'aad-anna' },
    });
    const before = sent.length;
    await runUntil(owner, '2018-11-03T00:00:00+01:00');
    expect(sent.slice(before)).toEqual([]);
  });

  it('brings a snoozed reminder back on the next working day at 09:00, and only once', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    const owner = await open();
    await runUntil(owner, '2018-10-18T10:00:00+02:00');
    // Thursday 18 October, after the 14-day reminder: "mind mig i morgen" means Friday 19 October 09:00
    await subscriptions.snooze({
      ...AARHUS_CHANNEL,
      itemId: 'udpeg-fk-adm-og-fk-ansv',
      until: DateTime.fromISO('2018-10-19T09:00:00+02:00'),
      by: anna,
    });
    await runUntil(owner, '2018-10-24T00:00:00+02:00');
    expect(localTimes('udpeg-fk-adm-og-fk-ansv')).toEqual([
      '2018-10-02 09:00 +02:00',
      '2018-10-18 09:00 +02:00',
      '2018-10-19 09:00 +02:00',
    ]);
    expect(sent.at(-1)?.replies[0]?.text).toContain('Om 13 dage');
  });

  it('tries a failed delivery again after 5 minutes and lists it for administrators until it arrives', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    const owner = await open();
    await runUntil(owner, '2018-10-02T08:00:00+02:00');
    failNext.push('connector returned 502');
    clock.set(DateTime.fromISO('2018-10-02T09:00:00+02:00'));
    await owner.engine.tick();
    expect(sent).toHaveLength(0);
    expect(owner.services.failures(5)).toMatchObject([
      { itemId: 'udpeg-fk-adm-og-fk-ansv', status: 'failed', reason: 'connector returned 502', attempts: 1 },
    ]);
    clock.set(DateTime.fromISO('2018-10-02T09:04:00+02:00'));
    await owner.engine.tick();
    expect(sent).toHaveLength(0);
    clock.set(DateTime.fromISO('2018-10-02T09:05:00+02:00'));
    await owner.engine.tick();
    expect(sent).toHaveLength(1);
    expect(owner.services.failures(5)).toEqual([]);
  });
});

describe('snoozes and retries meeting other reminders', () => {
  it('sends one message, not two, when a snooze comes due with a regular reminder for the same task', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    clock.set(DateTime.fromISO('2018-11-01T12:00:00+01:00'));
    const owner = await open();
    // "mind mig i morgen" on the deadline day: the reminder after the deadline is due at the same moment
    await subscriptions.snooze({
      ...AARHUS_CHANNEL,
      itemId: 'udpeg-fk-adm-og-fk-ansv',
      until: DateTime.fromISO('2018-11-02T09:00:00+01:00'),
      by: anna,
    });
    await runUntil(owner, '2018-11-03T00:00:00+01:00');
    expect(localTimes('udpeg-fk-adm-og-fk-ansv')).toEqual(['2018-11-02 09:00 +01:00']);
    expect(
      subscriptions.snoozesDue(
        DateTime.fromISO('2018-10-01T00:00:00+02:00'),
        DateTime.fromISO('2019-01-01T00:00:00+01:00'),
      ),
    ).toEqual([]);
  });

  it('does not send a retry late after downtime next to the reminder that replaced it', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    clock.set(DateTime.fromISO('2018-10-02T08:30:00+02:00'));
    let owner = await open();
    failNext.push('connector returned 502');
    await runUntil(owner, '2018-10-02T09:00:00+02:00');
    expect(owner.services.failures(5)).toHaveLength(1);
    await owner.close();
    // down until the day after the deadline: one message, the one after the deadline
    clock.set(DateTime.fromISO('2018-11-02T10:30:00+01:00'));
    owner = await open();
    const report = await owner.engine.tick();
    expect(sent.map((s) => s.replies[0]?.heading)).toEqual([
      '⏰ Fristen er overskredet (i går): Udpeg FK-ADM og FK-ANSV',
    ]);
    expect(report.skipped).toBeGreaterThanOrEqual(1);
  });
});

describe('restarts', () => {
  it('never sends twice, and after downtime sends only the reminders the catch-up rule allows', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, by: anna });
    let owner = await open();
    await runUntil(owner, '2018-10-18T12:00:00+02:00');
    const before = sent.length;
    await owner.close();
    // a restart a moment later, at the same clock: nothing is sent again
    owner = await open();
    await owner.engine.tick();
    expect(sent).toHaveLength(before);
    await owner.close();
    // down from 18 October until Tuesday 30 October 10:00: the 25 October 7-day reminders for 1 November are
    // late, but their deadlines are ahead and no later one is due yet, so they go, counting from now
    clock.set(DateTime.fromISO('2018-10-30T10:00:00+01:00'));
    owner = await open();
    await owner.engine.tick();
    const late = sent.slice(before).map((s) => s.replies[0]?.heading);
    expect(late.sort()).toEqual(['🔔 Om 2 dage: BBR kun via Adgangsstyring', '🔔 Om 2 dage: Udpeg FK-ADM og FK-ANSV']);
    await owner.close();
    // down again until Saturday 3 November: each 31 October reminder was overtaken by the one after the deadline (2 November)
    clock.set(DateTime.fromISO('2018-11-03T10:00:00+01:00'));
    owner = await open();
    await owner.engine.tick();
    const after = sent.slice(before + 2).map((s) => s.replies[0]?.heading);
    expect(after.sort()).toEqual([
      '⏰ Fristen er overskredet (for 2 dage siden): BBR kun via Adgangsstyring',
      '⏰ Fristen er overskredet (for 2 dage siden): Udpeg FK-ADM og FK-ANSV',
    ]);
    // down once more until 20 December: each reminder for the 12 December deadlines was overtaken by the one
    // after the deadline (13 December), which is more than 3 days late: nothing goes, and each is logged as skipped
    await owner.close();
    clock.set(DateTime.fromISO('2018-12-20T10:00:00+01:00'));
    owner = await open();
    const report = await owner.engine.tick();
    expect(sent.slice(before + 4)).toEqual([]);
    expect(report).toMatchObject({ sent: 0, skipped: 10 });
  });

  it('does not send again a reminder claimed by a process that stopped mid-send, and reports it', async () => {
    await subscriptions.subscribe({ ...AARHUS_CHANNEL, itemId: 'udpeg-fk-adm-og-fk-ansv', by: anna });
    let owner = await open();
    await runUntil(owner, '2018-10-02T08:00:00+02:00');
    expect(sent).toHaveLength(0);
    // the process dies inside the send: the claim is on disk, the outcome never is
    hang = true;
    const inTheSend = new Promise<void>((resolve) => (hanging = resolve));
    clock.set(DateTime.fromISO('2018-10-02T09:00:00+02:00'));
    void owner.engine.tick();
    // the engine claims in the log before it sends: once the send has begun, the claim is on disk
    await inTheSend;
    hang = false;
    reminders = undefined;
    owner = await open();
    await owner.engine.tick();
    expect(sent).toHaveLength(0);
    expect(owner.services.failures(5)).toMatchObject([
      { status: 'unknown', reason: expect.stringContaining('not sent again') as string },
    ]);
  });
});
