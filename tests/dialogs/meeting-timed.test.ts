import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { meetingGoTo } from '../../dialogs/meetings/moves.js';
import { meetingStart } from '../../dialogs/meetings/run.js';
import { meetingEnd, meetingNext, meetingPause } from '../../dialogs/meetings/steps.js';
import { meetingTimedWork, type MeetingTimedDeps } from '../../dialogs/meetings/timed.js';
import type { ConversationAddress, Delivery, Notifier } from '../../src/core/notifier.js';
import type { Reply } from '../../src/core/types.js';
import { createLogger } from '../../src/logger.js';
import type { Person } from '../../src/state/memberships.js';
import { knowledge } from './dialog-kit.js';
import { CHANNEL, people, turn, useMeetingKit, type MeetingKit } from './meeting-kit.js';

const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`, { setZone: true });

/** The timed work over the kit's sessions, recording what went to the channel and what to the host alone. */
function recorder(kit: MeetingKit, failFirst = false) {
  const channel: { to: ConversationAddress; replies: Reply[] }[] = [];
  const private_: { to: Person; replies: Reply[] }[] = [];
  let fail = failFirst;
  const notifier: Notifier = {
    send: async (to, replies): Promise<Delivery> => {
      if (fail) {
        fail = false;
        return { ...to, status: 'failed', reason: 'throttled' };
      }
      channel.push({ to, replies });
      return { ...to, status: 'sent', messageIds: ['m'] };
    },
    sendToMany: async () => [],
  };
  const deps = (): MeetingTimedDeps => ({
    sessions: kit.sessions,
    knowledge,
    notifier,
    reachPerson: async (to, replies) => {
      private_.push({ to, replies });
      return true;
    },
    logger: createLogger('silent'),
  });
  const tick = (time: string) => meetingTimedWork(deps(), at(time));
  return { channel, private: private_, tick };
}

describe('a break’s end', () => {
  const kit = useMeetingKit();

  it('calls people back in the meeting’s conversation once, at the minute the break ends, naming the item after the agenda’s pause', async () => {
    await meetingStart(turn(kit, people.host, '2018-09-06T10:31:00+02:00'), {}, kit.meetingServices);
    await meetingPause(turn(kit, people.host, '2018-09-06T10:40:20+02:00'), { minutes: '10' }, kit.meetingServices);
    const sent = recorder(kit);
    await sent.tick('10:49:59');
    expect(sent.channel).toEqual([]);
    await sent.tick('10:50:00');
    expect(sent.channel).toEqual([
      {
        to: CHANNEL,
        replies: [
          {
            text: '☕ Pausen er slut — velkommen tilbage. Vi fortsætter med: **Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring**.',
            broadcast: true,
          },
        ],
      },
    ]);
    await sent.tick('10:50:30');
    await sent.tick('10:51:00');
    expect(sent.channel).toHaveLength(1);
    expect(sent.private).toEqual([]);
  });

  it('calls back a break in the middle of an item to that item, in the host’s language; a new break is called back in its turn', async () => {
    await meetingStart(
      turn(kit, people.host, '2018-09-06T10:10:00+02:00', { language: 'en' }),
      {},
      kit.meetingServices,
    );
    await meetingPause(turn(kit, people.host, '2018-09-06T10:12:00+02:00'), { minutes: '3' }, kit.meetingServices);
    const sent = recorder(kit);
    await sent.tick('10:15:05');
    expect(sent.channel.map((each) => each.replies[0]?.text)).toEqual([
      '☕ The break is over — welcome back. We continue with: **Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder**.',
    ]);
    await meetingPause(turn(kit, people.host, '2018-09-06T10:16:00+02:00'), { minutes: '2' }, kit.meetingServices);
    await sent.tick('10:17:00');
    await sent.tick('10:18:00');
    expect(sent.channel).toHaveLength(2);
  });

  it('tries again next tick when the post did not arrive, and says nothing an hour late', async () => {
    await meetingStart(turn(kit, people.host, '2018-09-06T10:31:00+02:00'), {}, kit.meetingServices);
    await meetingNext(turn(kit, people.host, '2018-09-06T10:40:00+02:00'), {}, kit.meetingServices);
    const sent = recorder(kit, true);
    await sent.tick('10:50:10');
    expect(sent.channel).toEqual([]);
    await sent.tick('10:50:40');
    expect(sent.channel).toHaveLength(1);

    await meetingGoTo(turn(kit, people.host, '2018-09-06T11:10:00+02:00'), { item: '6' }, kit.meetingServices);
    await sent.tick('12:10:00');
    expect(sent.channel).toHaveLength(1);
    expect(kit.sessions.running(CHANNEL)?.calledBackFrom).toBe('2018-09-06T11:20:00.000+02:00');
  });
});

describe('a break ended before its time', () => {
  const kit = useMeetingKit();

  it('calls nobody back when the host moved on or ended the meeting during it', async () => {
    await meetingStart(turn(kit, people.host, '2018-09-06T10:31:00+02:00'), {}, kit.meetingServices);
    await meetingNext(turn(kit, people.host, '2018-09-06T10:40:00+02:00'), {}, kit.meetingServices);
    await meetingNext(turn(kit, people.host, '2018-09-06T10:47:00+02:00'), {}, kit.meetingServices);
    const sent = recorder(kit);
    await sent.tick('10:50:30');
    expect(sent.channel).toEqual([]);
    await meetingPause(turn(kit, people.host, '2018-09-06T10:55:00+02:00'), { minutes: '5' }, kit.meetingServices);
    await meetingEnd(turn(kit, people.host, '2018-09-06T10:57:00+02:00'), {}, kit.meetingServices);
    await sent.tick('11:00:30');
    expect(sent.channel).toEqual([]);
    expect(sent.private).toEqual([]);
  });
});

describe('an item that runs over its time', () => {
  const kit = useMeetingKit();

  it('is told to the host alone, once, when it has passed its time in the programme', async () => {
    await meetingStart(turn(kit, people.host, '2018-09-06T10:05:00+02:00'), {}, kit.meetingServices);
    const sent = recorder(kit);
    await sent.tick('10:29:59');
    expect(sent.private).toEqual([]);
    await sent.tick('10:30:00');
    await sent.tick('10:35:00');
    expect(sent.channel).toEqual([]);
    expect(sent.private).toEqual([
      {
        to: expect.objectContaining({ channel: 'teams', userId: people.host.userId }) as unknown,
        replies: [
          {
            text: "⏱ »Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder« er over sin tid (til kl. 10.30; 10.05–10.30 i programmet). Næste punkt: Aktuelle og kommende KLIK-opgaver. Skriv 'næste punkt' i mødet, når I er klar.",
          },
        ],
      },
    ]);
  });

  it('gives an item started late its own length, says nothing during a break or for the agenda’s pause, and nudges each item once', async () => {
    await meetingStart(turn(kit, people.host, '2018-09-06T10:05:00+02:00'), {}, kit.meetingServices);
    const sent = recorder(kit);
    await sent.tick('10:30:30');
    expect(sent.private).toHaveLength(1);
    // the third item begins at 10.35, 5 minutes late: it has its 10 minutes, until 10.45
    await meetingNext(turn(kit, people.host, '2018-09-06T10:35:00+02:00'), {}, kit.meetingServices);
    await sent.tick('10:44:59');
    expect(sent.private).toHaveLength(1);
    await sent.tick('10:45:00');
    expect(sent.private).toHaveLength(2);
    expect(sent.private[1]?.replies[0]?.text).toContain(
      '»Aktuelle og kommende KLIK-opgaver« er over sin tid (til kl. 10.45; 10.30–10.40 i programmet)',
    );
    // onto the agenda's pause: no word about it, and the call-back follows at its end
    await meetingNext(turn(kit, people.host, '2018-09-06T10:46:00+02:00'), {}, kit.meetingServices);
    await sent.tick('10:50:00');
    expect(sent.private).toHaveLength(2);
    expect(sent.channel).toEqual([]);
    await sent.tick('10:56:00');
    expect(sent.channel).toHaveLength(1);
  });

  it('does not count a break in the middle of an item as the item running over', async () => {
    // started in the second item (10.05–10.30), which began as the programme has it: its end is 10.30
    await meetingStart(turn(kit, people.host, '2018-09-06T10:10:00+02:00'), {}, kit.meetingServices);
    const sent = recorder(kit);
    // a 10-minute break at 10.20 moves the item's end to 10.40
    await meetingPause(turn(kit, people.host, '2018-09-06T10:20:00+02:00'), { minutes: '10' }, kit.meetingServices);
    await sent.tick('10:39:59');
    expect(sent.private).toEqual([]);
    await sent.tick('10:40:00');
    expect(sent.private).toHaveLength(1);
  });
});
