/**
 * The storage contract, run against both stores: what the repositories rely on holds the
 * same on files and in PostgreSQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { openPostgresStore } from '../../src/state/postgres/postgres-store.js';
import type { StoredConversation } from '../../src/state/schema.js';
import { openStore, type Store } from '../../src/state/store.js';
import { freshDatabase, hasPostgres } from '../support/postgres.js';

const opened: Store[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A place for a store, and how to open a store there (again). */
interface Place {
  open(): Promise<Store>;
}

async function filePlace(): Promise<Place> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-contract-'));
  folders.push(dir);
  return { open: async () => remember(await openStore(path.join(dir, 'klikbot.json'))) };
}

async function databasePlace(): Promise<Place> {
  const url = await freshDatabase();
  return { open: async () => remember(await openPostgresStore(url, { listen: false })) };
}

function remember<T extends Store>(store: T): T {
  opened.push(store);
  return store;
}

function conversation(id: string): StoredConversation {
  return {
    channel: 'teams',
    conversationId: id,
    reference: { conversation: { id } },
    isGroup: false,
    firstSeen: '2018-09-06T10:00:00.000+02:00',
    lastSeen: '2018-09-06T10:00:00.000+02:00',
  };
}

const vote = (voter: string, choice: string) => ({
  pollId: '00000000-0000-4000-8000-000000000001',
  voter,
  choices: [choice],
  at: '2018-09-06T10:00:00.000+02:00',
});

const ids = (store: Store) => store.read().conversations.map((c) => c.conversationId);

const kinds: [string, () => Promise<Place>, boolean][] = [
  ['the file store', filePlace, true],
  ['the PostgreSQL store', databasePlace, hasPostgres],
];

for (const [name, place, runs] of kinds) {
  describe.runIf(runs)(name, () => {
    it('keeps every change across a reopen, in order: added, inserted, removed, replaced, sorted', async () => {
      const where = await place();
      const store = await where.open();
      await store.update((draft) => void draft.conversations.push(conversation('b'), conversation('d')));
      await store.update((draft) => void draft.conversations.splice(1, 0, conversation('c')));
      await store.update((draft) => void draft.conversations.unshift(conversation('a')));
      await store.update((draft) => void draft.conversations.splice(2, 1));
      await store.update((draft) => {
        draft.conversations[0]!.isGroup = true;
      });
      expect(ids(store)).toEqual(['a', 'b', 'd']);
      // one store at a time on a file: the next one opens once this one has closed
      await store.close();
      const reopened = await where.open();
      expect(ids(reopened)).toEqual(['a', 'b', 'd']);
      expect(reopened.read().conversations[0]!.isGroup).toBe(true);
      await reopened.update(
        (draft) => void draft.conversations.sort((x, y) => y.conversationId.localeCompare(x.conversationId)),
      );
      await reopened.update((draft) => void draft.conversations.splice(1, 0, conversation('c')));
      await reopened.close();
      expect(ids(await where.open())).toEqual(['d', 'c', 'b', 'a']);
    });

    it('keeps votes, written whole, across a reopen', async () => {
      const where = await place();
      const store = await where.open();
      await store.update((draft) => void draft.votes.push(vote('h1', 'a'), vote('h2', 'b')));
      await store.update((draft) => void draft.votes.splice(0, 1));
      await store.close();
      expect((await where.open()).read().votes.map((v) => v.voter)).toEqual(['h2']);
    });

    it('refuses a change that breaks the layout or a uniqueness rule, and keeps the others of its batch', async () => {
      const where = await place();
      const store = await where.open();
      await store.update((draft) => void draft.conversations.push(conversation('a')));
      const outcomes = await Promise.allSettled([
        store.update((draft) => {
          (draft.conversations[0] as { isGroup: unknown }).isGroup = 'no';
        }),
        store.update((draft) => void draft.conversations.push(conversation('a'))),
        store.update((draft) => void draft.conversations.push(conversation('b'))),
        store.update(() => {
          throw new RangeError('a rule of the repository');
        }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'rejected']);
      expect(outcomes[0]).toMatchObject({ reason: { code: ErrorCode.StateWriteFailed } });
      const reason = (index: number) => (outcomes[index] as PromiseRejectedResult).reason as Error;
      expect(reason(1).message).toMatch(/duplicate conversation teams\/a/);
      expect(reason(3)).toBeInstanceOf(RangeError);
      expect(ids(store)).toEqual(['a', 'b']);
      expect(store.read().conversations[0]!.isGroup).toBe(false);
      await store.close();
      expect(ids(await where.open())).toEqual(['a', 'b']);
    });

    it('keeps all of 300 updates made at once, each caller with its own result', async () => {
      const where = await place();
      const store = await where.open();
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, index) =>
          store.update((draft) => draft.conversations.push(conversation(`c${index}`))),
        ),
      );
      expect(new Set(results).size).toBe(300);
      await store.close();
      expect((await where.open()).read().conversations).toHaveLength(300);
    });
  });
}

describe.runIf(hasPostgres)('two instances on one database', () => {
  it('counts every change of both once, and each sees the other’s after catching up', async () => {
    const url = await freshDatabase();
    const first = remember(await openPostgresStore(url, { listen: false }));
    const second = remember(await openPostgresStore(url, { listen: false }));
    await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        (index % 2 === 0 ? first : second).update((draft) => {
          // each change is decided on the state as the database has it, so none overwrites another
          draft.conversations.push(conversation(`c${index}`));
          draft.votes.push(vote(`h${index}`, 'a'));
        }),
      ),
    );
    await first.refresh();
    await second.refresh();
    for (const store of [first, second]) {
      expect(store.read().conversations).toHaveLength(200);
      expect(store.read().votes).toHaveLength(200);
    }
    expect(ids(first)).toEqual(ids(second));
    const third = remember(await openPostgresStore(url, { listen: false }));
    expect(ids(third)).toEqual(ids(first));
  });

  it('hears of another instance’s change without being asked', async () => {
    const url = await freshDatabase();
    const listening = remember(await openPostgresStore(url));
    const writer = remember(await openPostgresStore(url, { listen: false }));
    await writer.update((draft) => void draft.conversations.push(conversation('from-the-other')));
    await expect.poll(() => ids(listening), { timeout: 5_000 }).toEqual(['from-the-other']);
  });
});

describe.runIf(hasPostgres)('what instances share beside the state', () => {
  it('claims a key once until it expires, and keeps a value until it expires, NUL characters and all', async () => {
    const store = remember(await openPostgresStore(await freshDatabase(), { listen: false }));
    const claims = store.claims();
    const key = 'topic:19:channel\u0000U1';
    expect(await claims.claim(key, 1_000, 2_000)).toBe(true);
    expect(await claims.claim(key, 1_500, 3_000)).toBe(false);
    expect(await claims.claim('topic:19:channel\u0000U2', 1_500, 3_000)).toBe(true);
    expect(await claims.claim(key, 2_000, 3_000)).toBe(true);
    // an owner may claim again what it holds; another may not
    expect(await claims.claim('reminder:1', 0, 5_000, 'instance-a')).toBe(true);
    expect(await claims.claim('reminder:1', 10, 5_000, 'instance-b')).toBe(false);
    expect(await claims.claim('reminder:1', 20, 5_000, 'instance-a')).toBe(true);
    const values = store.sharedValues();
    await values.set(key, { intent: 'fact', text: 'a\u0000b' }, 1_000, 2_000);
    expect(await values.get(key, 1_999)).toEqual({ intent: 'fact', text: 'ab' });
    expect(await values.get(key, 2_000)).toBeUndefined();
  });
});

describe('a NUL character or half a surrogate pair in typed text', () => {
  for (const [name, place, runs] of kinds) {
    it.runIf(runs)(`is made storable by ${name}, and the updates written with it go on`, async () => {
      const where = await place();
      const store = await where.open();
      const outcomes = await Promise.allSettled([
        store.update((draft) => void draft.conversations.push(conversation('a'))),
        store.update(
          (draft) => void draft.conversations.push({ ...conversation('b\u0000ad'), reference: { x: 'y\u0000\ud800' } }),
        ),
        store.update((draft) => void draft.conversations.push(conversation('c'))),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      await store.close();
      const reopened = await where.open();
      expect(ids(reopened)).toEqual(['a', 'bad', 'c']);
      expect(reopened.read().conversations[1]!.reference).toEqual({ x: 'y\ufffd' });
    });
  }
});
