import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import type { Core } from '../../src/core/core.js';
import type { ActionPayload, Turn } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { createCore } from '../../src/klikbot-core.js';

const knowledge = await loadKnowledge('data/knowledge');
let dir: string;
let store: Store;
let core: Core;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-core-actions-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
  const services = {
    memberships: new MembershipRepository(store, clock),
    statuses: new StatusRepository(store, clock),
    administrators: new Set<string>(['slack:U0ADMIN']),
  };
  core = createCore({ knowledge, services });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function turn(action?: ActionPayload, text = '', userId = 'U1'): Turn {
  return {
    user: { id: userId, name: userId === 'U1' ? 'Anna' : 'Admin' },
    conversation: { channel: 'slack', id: 'C1', isGroup: true },
    text,
    action,
    now: DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true }),
  };
}

describe('the core and action dialogs', () => {
  it('knows the action dialogs, so cards naming them are not treated as stale', () => {
    for (const name of ['membership-set', 'status-update', 'status-undo', 'status-form'])
      expect(core.knowsDialog(name)).toBe(true);
    expect(core.knowsDialog('status-delete')).toBe(false);
  });

  it('runs a pressed button’s action dialog: claim, approval, update, undo, each writing to the state', async () => {
    const [claimed] = await core.handle(turn({ dialog: 'membership-set', args: { municipality: 'Aarhus' } }));
    expect(claimed?.text).toMatch(/^Du har bedt om at høre til Aarhus Kommune\./);
    const [waiting] = await core.handle(
      turn({ dialog: 'status-update', args: { task: 'bbr-adgangsstyring#3', status: 'done' } }),
    );
    expect(waiting?.text).toMatch(/^Din tilknytning til Aarhus Kommune venter på godkendelse/);
    expect(store.read().statusUpdates).toEqual([]);
    const [approved] = await core.handle(
      turn(
        { dialog: 'membership-approve', args: { channel: 'slack', userId: 'U1', municipality: 'aarhus' } },
        '',
        'U0ADMIN',
      ),
    );
    expect(approved?.text).toBe('Godkendt: Anna hører nu til Aarhus Kommune.');
    const [joined] = await core.handle(turn({ dialog: 'membership-set', args: { municipality: 'Aarhus' } }));
    expect(joined?.text).toBe('Du hører allerede til Aarhus Kommune.');
    // the button keeps the language of the answer it sits on
    expect(joined?.buttons?.[0]?.action).toEqual({ dialog: 'status-form', args: { lang: 'da' } });
    const [updated] = await core.handle(
      turn({ dialog: 'status-update', args: { task: 'bbr-adgangsstyring#3', status: 'done', lang: 'en' } }),
    );
    expect(updated?.text).toBe('BBR på Adgangsstyring, step 3 is now done for Aarhus Kommune (before: not started).');
    const undo = updated?.buttons?.[0]?.action;
    expect(undo?.args.lang).toBe('en');
    const [undone] = await core.handle(turn(undo));
    expect(undone?.text).toBe('Undone: BBR på Adgangsstyring, step 3 is not started again for Aarhus Kommune.');
    expect(store.read().statusUpdates).toHaveLength(1);
    expect(store.read().statusUpdates[0]?.undoneAt).toBeDefined();
  });

  it('tells the holder of a membership from before verification, once, that it waits for approval', async () => {
    await store.update((draft) => {
      draft.memberships.push({
        channel: 'slack',
        userId: 'U1',
        municipalityId: 'vejle',
        since: '2018-09-01T10:00:00.000+02:00',
        state: 'pending',
        told: false,
        approvalRequests: [],
      });
    });
    const first = await core.handle(turn(undefined, 'hvad er trinene i BBR på Adgangsstyring?'));
    expect(first.at(-1)?.text).toMatch(
      /^Bemærk: tilknytninger skal nu bekræftes\. Din tilknytning til Vejle Kommune venter på godkendelse/,
    );
    const second = await core.handle(turn(undefined, 'hvad er trinene i BBR på Adgangsstyring?'));
    expect(second.some((reply) => reply.text.startsWith('Bemærk'))).toBe(false);
  });

  it('still answers text and read-only buttons through the router', async () => {
    const [answer] = await core.handle(turn(undefined, 'hvad er trinene i BBR på Adgangsstyring?'));
    expect(answer?.text).toContain('BBR på Adgangsstyring');
    const [status] = await core.handle(turn({ dialog: 'status', args: { taskId: 'bbr-adgangsstyring', step: '3' } }));
    expect(status?.text).toContain('af 98 kommuner');
  });

  it('without state, answers an action button plainly and writes nothing', async () => {
    const bare = createCore({ knowledge });
    expect(bare.knowsDialog('status-update')).toBe(true);
    const replies = await bare.handle(
      turn({ dialog: 'status-update', args: { task: 'bbr-adgangsstyring#3', status: 'done' } }),
    );
    expect(replies).toEqual([
      { text: 'Her kan jeg ikke gemme kommuner eller status. Spørg gerne om opgaver, frister og roller.' },
    ]);
  });
});
