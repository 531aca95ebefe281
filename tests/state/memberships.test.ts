import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { openStore, type FileStore } from '../../src/state/store.js';

let dir: string;
let store: FileStore;
const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-memberships-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  clock.set(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('MembershipRepository', () => {
  it('links a person to a municipality with the time from the clock, and keeps it on disk', async () => {
    const repo = new MembershipRepository(store, clock);
    expect(await repo.set('slack', 'U1', 'aarhus')).toEqual({});
    expect(repo.get('slack', 'U1')).toEqual({
      channel: 'slack',
      userId: 'U1',
      municipalityId: 'aarhus',
      since: '2018-09-06T10:00:00.000+02:00',
      state: 'verified',
      basis: 'roster',
      verifiedAt: '2018-09-06T10:00:00.000+02:00',
      told: true,
      approvalRequests: [],
    });
    const onDisk = (await openStore(store.filePath)).read();
    expect(onDisk.memberships).toHaveLength(1);
    expect(new MembershipRepository(await openStore(store.filePath), clock).get('slack', 'U1')?.municipalityId).toBe(
      'aarhus',
    );
  });

  it('keeps one municipality per person: a new one replaces the old and says which it was', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('teams', 'aad-1', 'aarhus');
    clock.set(DateTime.fromISO('2018-09-07T09:00:00+02:00'));
    expect(await repo.set('teams', 'aad-1', 'odense')).toEqual({ previous: 'aarhus' });
    expect(store.read().memberships).toMatchObject([
      {
        channel: 'teams',
        userId: 'aad-1',
        municipalityId: 'odense',
        since: '2018-09-07T09:00:00.000+02:00',
        state: 'verified',
      },
    ]);
  });

  it('leaves `since` alone when the same municipality is set again', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('slack', 'U1', 'aarhus');
    clock.set(DateTime.fromISO('2018-09-08T09:00:00+02:00'));
    expect(await repo.set('slack', 'U1', 'aarhus')).toEqual({ previous: 'aarhus' });
    expect(repo.get('slack', 'U1')?.since).toBe('2018-09-06T10:00:00.000+02:00');
  });

  it('tells people apart by channel: the same id in Slack and Teams are two people', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('slack', 'X', 'aarhus');
    await repo.set('teams', 'X', 'koege');
    expect(repo.get('slack', 'X')?.municipalityId).toBe('aarhus');
    expect(repo.get('teams', 'X')?.municipalityId).toBe('koege');
    expect(repo.get('web', 'X')).toBeUndefined();
  });

  it('gives two people who join at the same moment one membership each', async () => {
    const repo = new MembershipRepository(store, clock);
    await Promise.all([
      repo.set('slack', 'U1', 'aarhus'),
      repo.set('slack', 'U1', 'odense'),
      repo.set('slack', 'U2', 'koege'),
    ]);
    expect(store.read().memberships.map((m) => `${m.userId}:${m.municipalityId}`)).toEqual(['U1:odense', 'U2:koege']);
  });

  it('refuses a state with two memberships for one person', async () => {
    await expect(
      store.update((draft) => {
        const since = '2018-09-06T10:00:00.000+02:00';
        draft.memberships.push(
          {
            channel: 'slack',
            userId: 'U1',
            municipalityId: 'aarhus',
            since,
            state: 'verified',
            told: true,
            approvalRequests: [],
          },
          {
            channel: 'slack',
            userId: 'U1',
            municipalityId: 'odense',
            since,
            state: 'verified',
            told: true,
            approvalRequests: [],
          },
        );
      }),
    ).rejects.toThrow(/duplicate membership slack\/U1/);
    expect(store.read().memberships).toEqual([]);
  });
});

describe('MembershipRepository: conversation links', () => {
  const mette = { channel: 'teams', userId: 'aad-mette', name: 'Mette', conversationId: '19:aarhus@thread.tacv2' };

  it('links a conversation with who did it and when, relinks it saying which it was, and unlinks it', async () => {
    const repo = new MembershipRepository(store, clock);
    expect(await repo.linkConversation('teams', '19:aarhus@thread.tacv2', 'aarhus', mette)).toEqual({});
    expect(repo.conversationLink('teams', '19:aarhus@thread.tacv2')).toEqual({
      channel: 'teams',
      conversationId: '19:aarhus@thread.tacv2',
      municipalityId: 'aarhus',
      since: '2018-09-06T10:00:00.000+02:00',
      by: mette,
      verified: true,
    });
    clock.set(DateTime.fromISO('2018-09-07T09:00:00+02:00'));
    const jens = { channel: 'teams', userId: 'aad-jens' };
    expect(await repo.linkConversation('teams', '19:aarhus@thread.tacv2', 'odense', jens)).toEqual({
      previous: 'aarhus',
    });
    expect(store.read().conversationLinks).toEqual([
      {
        channel: 'teams',
        conversationId: '19:aarhus@thread.tacv2',
        municipalityId: 'odense',
        since: '2018-09-07T09:00:00.000+02:00',
        by: jens,
        verified: true,
      },
    ]);
    expect(await repo.unlinkConversation('teams', '19:aarhus@thread.tacv2')).toBe(true);
    expect(await repo.unlinkConversation('teams', '19:aarhus@thread.tacv2')).toBe(false);
    expect(repo.conversationLink('teams', '19:aarhus@thread.tacv2')).toBeUndefined();
  });

  it('leaves `since` and `by` alone when the same municipality is linked again', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.linkConversation('slack', 'C1', 'aarhus', mette);
    clock.set(DateTime.fromISO('2018-09-08T09:00:00+02:00'));
    expect(await repo.linkConversation('slack', 'C1', 'aarhus', { channel: 'slack', userId: 'U2' })).toEqual({
      previous: 'aarhus',
    });
    expect(repo.conversationLink('slack', 'C1')).toMatchObject({ since: '2018-09-06T10:00:00.000+02:00', by: mette });
  });

  it('treats every thread of a Teams channel as the channel', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.linkConversation('teams', '19:aarhus@thread.tacv2;messageid=1700000000000', 'aarhus', mette);
    expect(store.read().conversationLinks.map((link) => link.conversationId)).toEqual(['19:aarhus@thread.tacv2']);
    expect(repo.conversationLink('teams', '19:aarhus@thread.tacv2;messageid=1800000000000')?.municipalityId).toBe(
      'aarhus',
    );
    expect(
      repo.municipalityOf(
        { channel: 'teams', userId: 'aad-jens' },
        { channel: 'teams', conversationId: '19:aarhus@thread.tacv2;messageid=42' },
      ),
    ).toEqual({ municipalityId: 'aarhus', via: 'conversation', verified: true, basis: 'link' });
    expect(await repo.unlinkConversation('teams', '19:aarhus@thread.tacv2;messageid=42')).toBe(true);
  });

  it("answers with the person's own membership first, else the conversation's link, else nothing", async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.linkConversation('slack', 'C-aarhus', 'aarhus', mette);
    await repo.set('slack', 'U-koege', 'koege');
    expect(
      repo.municipalityOf({ channel: 'slack', userId: 'U-new' }, { channel: 'slack', conversationId: 'C-aarhus' }),
    ).toEqual({ municipalityId: 'aarhus', via: 'conversation', verified: true, basis: 'link' });
    expect(
      repo.municipalityOf({ channel: 'slack', userId: 'U-koege' }, { channel: 'slack', conversationId: 'C-aarhus' }),
    ).toEqual({ municipalityId: 'koege', via: 'person', verified: true, basis: 'roster' });
    expect(
      repo.municipalityOf({ channel: 'slack', userId: 'U-new' }, { channel: 'slack', conversationId: 'C-other' }),
    ).toBeUndefined();
    // the same conversation id in another channel is another conversation
    expect(
      repo.municipalityOf({ channel: 'teams', userId: 'U-new' }, { channel: 'teams', conversationId: 'C-aarhus' }),
    ).toBeUndefined();
  });

  it('keeps links across a restart', async () => {
    await new MembershipRepository(store, clock).linkConversation('slack', 'C1', 'vejle', mette);
    const reopened = new MembershipRepository(await openStore(store.filePath), clock);
    expect(reopened.conversationLink('slack', 'C1')?.municipalityId).toBe('vejle');
    expect(
      reopened.municipalityOf({ channel: 'slack', userId: 'U9' }, { channel: 'slack', conversationId: 'C1' })
        ?.municipalityId,
    ).toBe('vejle');
  });

  it('gives a conversation linked from two places at once one link', async () => {
    const repo = new MembershipRepository(store, clock);
    await Promise.all([
      repo.linkConversation('slack', 'C1', 'aarhus', mette),
      repo.linkConversation('slack', 'C1', 'odense', mette),
      repo.linkConversation('slack', 'C2', 'koege', mette),
    ]);
    expect(store.read().conversationLinks.map((link) => `${link.conversationId}:${link.municipalityId}`)).toEqual([
      'C1:odense',
      'C2:koege',
    ]);
  });
});

describe('MembershipRepository: claims and their verification', () => {
  const claimant = {
    channel: 'slack',
    userId: 'U-new',
    name: 'Ny',
    conversation: { channel: 'slack', conversationId: 'D-new' },
  };
  const approver = { channel: 'slack', userId: 'U-mette', name: 'Mette' };

  it('keeps a claim waiting until it is approved, then records who approved it and when', async () => {
    const repo = new MembershipRepository(store, clock);
    const { membership } = await repo.claim({ ...claimant, municipalityId: 'vejle' });
    expect(membership).toMatchObject({
      state: 'pending',
      claimedIn: { channel: 'slack', conversationId: 'D-new' },
      told: true,
    });
    expect(repo.municipalityOf(claimant, { channel: 'slack', conversationId: 'D-new' })).toEqual({
      municipalityId: 'vejle',
      via: 'person',
      verified: false,
    });
    expect(await repo.approve(claimant, 'odense', approver)).toBe('gone');
    expect(await repo.approve(claimant, 'vejle', approver)).toBe('done');
    expect(await repo.approve(claimant, 'vejle', approver)).toBe('settled');
    expect(repo.get('slack', 'U-new')).toMatchObject({
      state: 'verified',
      basis: 'approval',
      verifiedBy: approver,
      verifiedAt: '2018-09-06T10:00:00.000+02:00',
    });
  });

  it('removes a declined claim, but never declines a verified membership', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.claim({ ...claimant, municipalityId: 'vejle' });
    expect(await repo.decline(claimant, 'vejle')).toBe('done');
    expect(repo.get('slack', 'U-new')).toBeUndefined();
    await repo.set('slack', 'U-new', 'vejle');
    expect(await repo.decline(claimant, 'vejle')).toBe('settled');
    expect(repo.get('slack', 'U-new')?.state).toBe('verified');
  });

  it('makes a new claim to another municipality wait again, even after a verified one', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('slack', 'U-new', 'vejle');
    const { previous, membership } = await repo.claim({ ...claimant, municipalityId: 'odense' });
    expect(previous?.municipalityId).toBe('vejle');
    expect(membership.state).toBe('pending');
  });

  it('verifies by the roster: a waiting claim at import, a listed person at their claim, and nobody for another municipality', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.claim({ ...claimant, municipalityId: 'vejle' });
    await repo.claim({ channel: 'slack', userId: 'U-other', municipalityId: 'koege' });
    const result = await repo.importRoster(
      [
        { person: 'slack:U-new', municipalityId: 'vejle' },
        { person: 'slack:U-other', municipalityId: 'odense' },
        { person: 'teams:aad-later', municipalityId: 'aarhus' },
        { person: 'email:jens@vejle.dk', municipalityId: 'vejle' },
      ],
      'slack:U0ADMIN',
    );
    expect(result).toEqual({ entries: 4, verified: 2 });
    expect(repo.get('slack', 'U-new')).toMatchObject({ state: 'verified', basis: 'roster' });
    expect(repo.get('slack', 'U-other')).toMatchObject({ state: 'pending', municipalityId: 'koege' });
    expect(repo.get('teams', 'aad-later')).toMatchObject({
      state: 'verified',
      basis: 'roster',
      municipalityId: 'aarhus',
    });
    const { membership } = await repo.claim({ channel: 'slack', userId: 'U-other', municipalityId: 'odense' });
    expect(membership).toMatchObject({ state: 'verified', basis: 'roster' });
    expect(store.read().roster).toHaveLength(4);
  });

  it('loads a membership written before verification existed as a claim whose holder is not yet told', async () => {
    const legacy = {
      version: 1,
      memberships: [
        { channel: 'slack', userId: 'U-old', municipalityId: 'vejle', since: '2018-09-01T10:00:00.000+02:00' },
      ],
    };
    await writeFile(store.filePath, JSON.stringify(legacy));
    const reopened = new MembershipRepository(await openStore(store.filePath), clock);
    expect(reopened.get('slack', 'U-old')).toMatchObject({ state: 'pending', told: false });
    await reopened.markTold({ channel: 'slack', userId: 'U-old' });
    expect(reopened.get('slack', 'U-old')?.told).toBe(true);
  });

  it('revokes the roster entries behind a membership an administrator ends, so a new claim waits', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.importRoster(
      [
        { person: 'email:lise@vejle.example.org', municipalityId: 'vejle' },
        { person: 'slack:U-other', municipalityId: 'odense' },
      ],
      'teams:aad-admin',
    );
    const { membership } = await repo.claim({ ...claimant, municipalityId: 'vejle', email: 'Lise@Vejle.example.org' });
    expect(membership).toMatchObject({ state: 'verified', basis: 'roster', rosterKey: 'email:lise@vejle.example.org' });
    await repo.end(claimant, { revokeRoster: true });
    expect(store.read().roster.map((entry) => entry.person)).toEqual(['slack:U-other']);
    expect(
      (await repo.claim({ ...claimant, municipalityId: 'vejle', email: 'lise@vejle.example.org' })).membership.state,
    ).toBe('pending');
  });

  it('matches the roster only for the municipality it lists', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.importRoster([{ person: 'slack:U-new', municipalityId: 'odense' }], 'teams:aad-admin');
    await repo.end(claimant);
    expect((await repo.claim({ ...claimant, municipalityId: 'vejle' })).membership.state).toBe('pending');
  });

  it('ends a membership and says what it was', async () => {
    const repo = new MembershipRepository(store, clock);
    await repo.set('slack', 'U-new', 'vejle');
    expect((await repo.end(claimant))?.municipalityId).toBe('vejle');
    expect(await repo.end(claimant)).toBeUndefined();
  });
});
