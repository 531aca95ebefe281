import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach } from 'vitest';
import type { DialogContext, ActionServices } from '../../dialogs/types.js';
import { createFixedClock } from '../../src/clock.js';
import type { ChannelKind } from '../../src/core/types.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore, type FileStore } from '../../src/state/store.js';
import { knowledge } from './dialog-kit.js';

/** The fixture every action dialog test gets: a fresh state file, its repositories and one administrator. */
export interface ActionKit {
  store: FileStore;
  services: ActionServices;
  clock: ReturnType<typeof createFixedClock>;
}

/** The administrator the kit configures. */
export const ADMIN = { channel: 'teams' as const, userId: 'aad-admin' };

/** A fresh state file per test, removed afterwards. Read the kit's fields inside tests. */
export function useActionKit(): ActionKit {
  const kit = {} as ActionKit;
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-actions-'));
    kit.store = await openStore(path.join(dir, 'klikbot.json'));
    kit.clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
    kit.services = {
      memberships: new MembershipRepository(kit.store, kit.clock),
      statuses: new StatusRepository(kit.store, kit.clock),
      administrators: new Set([`${ADMIN.channel}:${ADMIN.userId}`]),
    };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return kit;
}

/** A dialog context for one person in one channel, pressing a button (no text). */
export function personContext(
  who: { channel: ChannelKind; userId: string; name?: string },
  language: 'da' | 'en' = 'da',
): DialogContext {
  return {
    knowledge,
    language,
    turn: {
      user: { id: who.userId, ...(who.name ? { name: who.name } : {}) },
      conversation: { channel: who.channel, id: `${who.channel}-conversation`, isGroup: true },
      text: '',
      now: DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true }),
    },
  };
}
