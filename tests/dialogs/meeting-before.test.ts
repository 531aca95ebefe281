import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { beforeMeetingWork } from '../../dialogs/meetings/before.js';
import { createCore } from '../../src/klikbot-core.js';
import type { Core } from '../../src/core/core.js';
import type { ConversationAddress, Delivery, Notifier } from '../../src/core/notifier.js';
import type { Language, Reply } from '../../src/core/types.js';
import { Scheduler } from '../../src/lib/scheduler.js';
import { createLogger } from '../../src/logger.js';
import { MeetingReminderRepository } from '../../src/state/meeting-reminders.js';
import { knowledge } from './dialog-kit.js';
import { CHANNEL, people, turn, useMeetingKit } from './meeting-kit.js';

/**
 * Reminders before 6 September's meeting in a Teams channel that asked for them: asked through
 * the whole core, sent by the scheduler's ticks on a fixed clock.
 */
const kit = useMeetingKit();
let core: Core;
let reminders: MeetingReminderRepository;
let posted: { to: ConversationAddress; text: string }[];
let failNext: boolean;

const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`, { setZone: true });

/** A scheduler as `main` wires the job: the time from the kit's clock; a fresh repository over the same state stands for a restart. */
function scheduler(repository: MeetingReminderRepository): Scheduler<DateTime> {
  const notifier: Notifier = {
    send: async (to, replies: Reply[]): Promise<Delivery> => {
      if (failNext) {
        failNext = false;
        return { ...to, status: 'failed', reason: 'throttled' };
      }
      posted.push(...replies.map((reply) => ({ to, text: reply.text })));
      return { ...to, status: 'sent', messageIds: ['m'] };
    },
    sendToMany: async () => [],
  };
  const work = new Scheduler<DateTime>({
    now: () => kit.clock.now(),
    onError: (_job, error) => {
      throw error;
    },
  });
  work.register('meeting-reminders', (now) =>
    beforeMeetingWork({ reminders: repository, knowledge, notifier, logger: createLogger('silent') }, now),
  );
  return work;
}

async function tickAt(work: Scheduler<DateTime>, time: string): Promise<string[]> {
  const before = posted.length;
  kit.clock.set(at(time));
  await work.tick();
  return posted.slice(before).map((post) => post.text);
}

async function say(time: string, text: string, language: Language = 'da'): Promise<Reply[]> {
  const context = turn(kit, people.other, `2018-09-06T${time}+02:00`, { language });
  return core.handle({ ...context.turn, text });
}

beforeEach(() => {
  reminders = new MeetingReminderRepository(kit.store, kit.clock);
  core = createCore({
    knowledge,
    services: { ...kit.meetingServices, meetings: { sessions: kit.sessions, reminders } },
  });
  posted = [];
  failNext = false;
});

describe('reminders before the meeting', () => {
  it('come 15 minutes before and at each sound test, once each, in the conversation that asked', async () => {
    const [asked] = await say('09:30:00', 'mind os om mødet');
    expect(asked?.broadcast).toBe(true);
    expect(asked?.text).toBe(
      "Jeg minder jer om møderne her: 15 minutter før hvert programledermøde og ved lydtestene. Skriv 'stop mødepåmindelser' for at stoppe dem. Næste gang: 6. september 2018 kl. 09.45, 09.50 og 09.55. (Slået til af Peter Jensen.)",
    );
    expect((await say('09:31:00', 'mind os om mødet'))[0]?.notice).toBe(true);
    const work = scheduler(reminders);
    expect(await tickAt(work, '09:44:59')).toEqual([]);
    expect(await tickAt(work, '09:45:00')).toEqual([
      '⏰ **Programledermøde september 2018** starter kl. 10.00 på Skype (om 15 minutter). Lyden testes kl. 09.50 og 09.55.',
    ]);
    expect(await tickAt(work, '09:45:30')).toEqual([]);
    // a failed post is tried again on the next tick
    failNext = true;
    expect(await tickAt(work, '09:50:00')).toEqual([]);
    expect(await tickAt(work, '09:50:30')).toEqual([
      '🔊 Lydtest nu (kl. 09.50): **Programledermøde september 2018** starter kl. 10.00 på Skype.',
    ]);
    // klikbot restarts: what was sent is remembered in the state
    const restarted = scheduler(new MeetingReminderRepository(kit.store, kit.clock));
    expect(await tickAt(restarted, '09:51:00')).toEqual([]);
    expect(await tickAt(restarted, '09:55:10')).toEqual([
      '🔊 Lydtest nu (kl. 09.55): **Programledermøde september 2018** starter kl. 10.00 på Skype.',
    ]);
    expect(await tickAt(restarted, '09:56:00')).toEqual([]);
    expect(await tickAt(restarted, '10:00:00')).toEqual([]);
    expect(posted.every((post) => post.to.conversationId === CHANNEL.conversationId)).toBe(true);
  });

  it('are turned on and off by any participant, also while someone else hosts the meeting, and say who did', async () => {
    const host = turn(kit, people.host, '2018-09-06T09:20:00+02:00');
    expect((await core.handle({ ...host.turn, text: 'start møde' }))[0]?.notice).toBeUndefined();
    expect(kit.sessions.running(CHANNEL)?.startedBy.userId).toBe(people.host.userId);
    const [on] = await say('09:30:00', 'mind os om mødet');
    expect(on).toMatchObject({ broadcast: true });
    expect(on?.text).toMatch(/^Jeg minder jer om møderne her: .* \(Slået til af Peter Jensen\.\)$/);
    const karin = turn(kit, { userId: 'aad-karin', name: 'Karin Madsen' }, '2018-09-06T09:31:00+02:00');
    const [off] = await core.handle({ ...karin.turn, text: 'stop mødepåmindelser' });
    expect(off).toMatchObject({ broadcast: true });
    expect(off?.text).toBe(
      "Jeg minder jer ikke længere om møderne her. Skriv 'mind os om mødet' for at starte igen. (Slået fra af Karin Madsen.)",
    );
    expect(reminders.all()).toEqual([]);
  });

  it('are in English when asked in English, and stop when asked', async () => {
    await say('09:00:00', 'remind us about the meeting', 'en');
    const work = scheduler(reminders);
    expect(await tickAt(work, '09:45:00')).toEqual([
      '⏰ **Programledermøde september 2018** starts at 10.00 on Skype (in 15 minutes). Sound check at 09.50 and 09.55.',
    ]);
    const [stopped] = await say('09:46:00', 'stop mødepåmindelser');
    expect(stopped?.text).toBe(
      "Jeg minder jer ikke længere om møderne her. Skriv 'mind os om mødet' for at starte igen. (Slået fra af Peter Jensen.)",
    );
    expect(await tickAt(work, '09:50:00')).toEqual([]);
    expect((await say('09:47:00', 'stop mødepåmindelser'))[0]?.notice).toBe(true);
  });

  it('say how long is left from when they go out: a late tick at 09.47 says 13 minutes, not 15', async () => {
    await say('09:30:00', 'mind os om mødet');
    const work = scheduler(reminders);
    expect(await tickAt(work, '09:47:40')).toEqual([
      '⏰ **Programledermøde september 2018** starter kl. 10.00 på Skype (om 13 minutter). Lyden testes kl. 09.50 og 09.55.',
    ]);
  });

  it('say so in English too, from a tick within the first minute', async () => {
    await say('09:30:00', 'remind us about the meeting', 'en');
    const work = scheduler(reminders);
    expect(await tickAt(work, '09:45:50')).toEqual([
      '⏰ **Programledermøde september 2018** starts at 10.00 on Skype (in 15 minutes). Sound check at 09.50 and 09.55.',
    ]);
  });

  it('are not sent late, nor where nobody asked', async () => {
    const work = scheduler(reminders);
    expect(await tickAt(work, '09:45:00')).toEqual([]);
    await say('09:40:00', 'mind os om mødet');
    // klikbot was down from 09.40 to 10.02: no reminder of a sound test long past
    expect(await tickAt(work, '10:02:00')).toEqual([]);
    expect(kit.store.read().meetingReminders[0]?.sent).toEqual([]);
  });
});
