import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { MeetingSessionRepository } from '../../src/state/meeting-sessions.js';
import { openStore, type FileStore } from '../../src/state/store.js';

let dir: string;
let store: FileStore;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T09:58:00+02:00'));
const key = { channel: 'msteams', conversationId: '19:abc@thread.tacv2' };
const host = { channel: 'teams', userId: 'aad-host', name: 'Mette Vinther Poulsen' };
const meetingId = 'programledermoede-2018-09-06';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-meetings-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  clock.set(DateTime.fromISO('2018-09-06T09:58:00+02:00'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('MeetingSessionRepository', () => {
  it('starts a session at an item, with its host and the time from the clock, kept on disk', async () => {
    const sessions = new MeetingSessionRepository(store, clock);
    const { session, replaced } = await sessions.start(key, meetingId, 0, host);
    expect(replaced).toBeUndefined();
    expect(session).toEqual({
      ...key,
      meetingId,
      currentItem: 0,
      startedAt: '2018-09-06T09:58:00.000+02:00',
      startedBy: host,
      coHosts: [],
      // when its first item began: the timed work judges an item run over from it
      itemSince: '2018-09-06T09:58:00.000+02:00',
    });
    const onDisk = (await openStore(store.filePath)).read();
    expect(onDisk.meetingSessions).toEqual([session]);
    expect(new MeetingSessionRepository(await openStore(store.filePath), clock).running(key)?.currentItem).toBe(0);
  });

  it('keeps one session per conversation: a new start replaces the old one and says so', async () => {
    const sessions = new MeetingSessionRepository(store, clock);
    await sessions.start(key, meetingId, 3, host);
    await sessions.start({ ...key, conversationId: 'other' }, meetingId, 1, host);
    const { replaced } = await sessions.start(key, 'programledermoede-2018-09-12', 0, host);
    expect(replaced?.currentItem).toBe(3);
    expect(store.read().meetingSessions.map((s) => [s.conversationId, s.meetingId])).toEqual([
      ['other', meetingId],
      [key.conversationId, 'programledermoede-2018-09-12'],
    ]);
  });

  it('moves on once per press: a move from an item the session has left changes nothing', async () => {
    const sessions = new MeetingSessionRepository(store, clock);
    await sessions.start(key, meetingId, 2, host);
    const first = await sessions.moveTo(key, 3, { from: 2 });
    expect(first).toMatchObject({ moved: true, from: 2, session: { currentItem: 3 } });
    expect(await sessions.moveTo(key, 3, { from: 2 })).toMatchObject({
      moved: false,
      reason: 'elsewhere',
      session: { currentItem: 3 },
    });
    expect(await sessions.moveTo(key, 4)).toMatchObject({ moved: true, from: 3 });
    expect(sessions.running(key)?.currentItem).toBe(4);
  });

  it('pauses until a time, on the agenda pause when given, and a move ends the pause', async () => {
    const sessions = new MeetingSessionRepository(store, clock);
    await sessions.start(key, meetingId, 2, host);
    const paused = await sessions.pause(key, DateTime.fromISO('2018-09-06T10:50:00+02:00', { setZone: true }), 3);
    expect(paused).toMatchObject({ currentItem: 3, pauseUntil: '2018-09-06T10:50:00.000+02:00' });
    await sessions.moveTo(key, 4);
    expect(sessions.running(key)?.pauseUntil).toBeUndefined();
    const onPause = await sessions.moveTo(key, 5, {
      pauseUntil: DateTime.fromISO('2018-09-06T11:20:00+02:00', { setZone: true }),
    });
    expect(onPause).toMatchObject({
      moved: true,
      session: { currentItem: 5, pauseUntil: '2018-09-06T11:20:00.000+02:00' },
    });
  });

  it('ends a session, which is then no longer running but still found; nothing runs where none started', async () => {
    const sessions = new MeetingSessionRepository(store, clock);
    expect(await sessions.end(key)).toBeUndefined();
    expect(await sessions.moveTo(key, 1)).toEqual({ moved: false, reason: 'none' });
    expect(await sessions.pause(key, clock.now().plus({ minutes: 10 }))).toBeUndefined();
    await sessions.start(key, meetingId, 0, host);
    clock.set(DateTime.fromISO('2018-09-06T12:01:00+02:00'));
    expect(await sessions.end(key)).toMatchObject({ endedAt: '2018-09-06T12:01:00.000+02:00' });
    expect(sessions.running(key)).toBeUndefined();
    expect(sessions.get(key)?.endedAt).toBe('2018-09-06T12:01:00.000+02:00');
    expect(await sessions.end(key)).toBeUndefined();
  });
});
