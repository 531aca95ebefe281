import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { ConversationRepository, type ConversationSighting } from '../../src/state/conversations.js';
import { openStore, type FileStore } from '../../src/state/store.js';

let dir: string;
let store: FileStore;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-conversations-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  clock.set(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sighting = (overrides: Partial<ConversationSighting> = {}): ConversationSighting => ({
  channel: 'teams',
  conversationId: '19:abc@thread.tacv2',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  reference: { conversation: { id: '19:abc@thread.tacv2' }, locale: undefined },
  tenantId: 'tenant-1',
  isGroup: true,
  ...overrides,
});

describe('ConversationRepository', () => {
  it('remembers a conversation with the time from the clock, in its JSON form', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting());
    expect(repo.get('teams', '19:abc@thread.tacv2')).toEqual({
      channel: 'teams',
      conversationId: '19:abc@thread.tacv2',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      reference: { conversation: { id: '19:abc@thread.tacv2' } },
      tenantId: 'tenant-1',
      isGroup: true,
      firstSeen: '2018-09-06T10:00:00.000+02:00',
      lastSeen: '2018-09-06T10:00:00.000+02:00',
    });
  });

  it('upserts by channel and conversation id: keeps firstSeen, moves lastSeen, takes the new reference', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting());
    await repo.remember(sighting({ channel: 'slack' }));
    clock.set(DateTime.fromISO('2018-09-07T08:30:00+02:00'));
    await repo.remember(sighting({ reference: { conversation: { id: 'x' }, activityId: '42' } }));
    expect(repo.list()).toHaveLength(2);
    const teams = repo.get('teams', '19:abc@thread.tacv2');
    expect(teams?.firstSeen).toBe('2018-09-06T10:00:00.000+02:00');
    expect(teams?.lastSeen).toBe('2018-09-07T08:30:00.000+02:00');
    expect(teams?.reference).toEqual({ conversation: { id: 'x' }, activityId: '42' });
    expect(repo.get('slack', '19:abc@thread.tacv2')?.lastSeen).toBe('2018-09-06T10:00:00.000+02:00');
  });

  it('marks a conversation dead, and a later sighting revives it', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting());
    clock.set(DateTime.fromISO('2018-09-08T09:00:00+02:00'));
    expect(await repo.markDead('teams', '19:abc@thread.tacv2', 'bot removed from team')).toBe(true);
    expect(repo.get('teams', '19:abc@thread.tacv2')?.dead).toEqual({
      reason: 'bot removed from team',
      at: '2018-09-08T09:00:00.000+02:00',
    });
    await repo.remember(sighting());
    expect(repo.get('teams', '19:abc@thread.tacv2')?.dead).toBeUndefined();
    expect(await repo.markDead('teams', 'unknown', 'gone')).toBe(false);
  });

  it('says when a conversation becomes reachable: first seen, or seen again after it was marked dead', async () => {
    const repo = new ConversationRepository(store, clock);
    expect(await repo.remember(sighting())).toBe(true);
    clock.set(DateTime.fromISO('2018-09-06T12:00:00+02:00'));
    expect(await repo.remember(sighting())).toBe(false);
    await repo.markDead('teams', '19:abc@thread.tacv2', '403 BotNotInConversationRoster');
    expect(await repo.remember(sighting())).toBe(true);
  });

  it('removes every conversation of a team, and only those', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting({ conversationId: '19:general@thread.tacv2', teamId: 'team-1' }));
    await repo.remember(sighting({ conversationId: '19:programledere@thread.tacv2', teamId: 'team-1' }));
    await repo.remember(sighting({ conversationId: '19:other@thread.tacv2', teamId: 'team-2' }));
    await repo.remember(sighting({ channel: 'emulator', conversationId: '19:general@thread.tacv2', teamId: 'team-1' }));
    expect(await repo.removeTeam('teams', 'team-1')).toBe(2);
    expect(repo.list().map((c) => `${c.channel}/${c.conversationId}`)).toEqual([
      'teams/19:other@thread.tacv2',
      'emulator/19:general@thread.tacv2',
    ]);
  });

  it('removes a conversation, and says whether there was one', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting());
    expect(await repo.remove('teams', '19:abc@thread.tacv2')).toBe(true);
    expect(await repo.remove('teams', '19:abc@thread.tacv2')).toBe(false);
    expect(repo.list()).toEqual([]);
  });

  it('keeps what it remembered across a restart', async () => {
    await new ConversationRepository(store, clock).remember(sighting({ serviceUrl: undefined, tenantId: undefined }));
    const reopened = new ConversationRepository(await openStore(store.filePath), clock);
    expect(reopened.list()).toEqual(new ConversationRepository(store, clock).list());
    expect(reopened.get('teams', '19:abc@thread.tacv2')).not.toHaveProperty('serviceUrl');
  });
});

describe('ConversationRepository writes', () => {
  it('does not rewrite an unchanged conversation seen again within the hour, and does after it', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting());
    clock.set(DateTime.fromISO('2018-09-06T10:59:00+02:00'));
    await repo.remember(sighting());
    expect(repo.get('teams', '19:abc@thread.tacv2')?.lastSeen).toBe('2018-09-06T10:00:00.000+02:00');
    clock.set(DateTime.fromISO('2018-09-06T11:00:00+02:00'));
    await repo.remember(sighting());
    expect(repo.get('teams', '19:abc@thread.tacv2')?.lastSeen).toBe('2018-09-06T11:00:00.000+02:00');
  });

  it('writes at once when the reference changes or the conversation was marked dead', async () => {
    const repo = new ConversationRepository(store, clock);
    await repo.remember(sighting());
    clock.set(DateTime.fromISO('2018-09-06T10:05:00+02:00'));
    await repo.remember(sighting({ serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
    expect(repo.get('teams', '19:abc@thread.tacv2')?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');
    await repo.markDead('teams', '19:abc@thread.tacv2', 'removed');
    clock.set(DateTime.fromISO('2018-09-06T10:06:00+02:00'));
    await repo.remember(sighting({ serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
    expect(repo.get('teams', '19:abc@thread.tacv2')?.dead).toBeUndefined();
  });
});
