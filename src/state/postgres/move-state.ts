import { isDeepStrictEqual } from 'node:util';
import { ErrorCode, KlikbotError } from '../../errors.js';
import { collectionNames, type CollectionName } from '../collections.js';
import { readStoredState } from '../file-store.js';
import { storable } from '../mirror.js';
import { readKey, voteKeyPath } from '../vote-key.js';
import { openPostgresStore } from './postgres-store.js';

/** What a move did: each collection's count, in the file and in the database after. */
export interface MoveReport {
  outcome: 'moved' | 'already-there';
  counts: Record<CollectionName, { file: number; database: number }>;
}

function emptyOf(state: Record<CollectionName, readonly unknown[]>): boolean {
  return collectionNames.every((c) => state[c].length === 0);
}

/**
 * Copies the file store's state (document and journal) and its vote key into an empty
 * PostgreSQL database, then reads the database back and checks every collection holds what
 * the file held. A database that already holds exactly that is left alone, so running it
 * twice changes nothing; one that holds something else is refused, never overwritten.
 */
export async function moveState(statePath: string, databaseUrl: string): Promise<MoveReport> {
  // as the database will hold it: text a file may have kept that PostgreSQL cannot (a NUL character)
  const source = storable(await readStoredState(statePath)) as Awaited<ReturnType<typeof readStoredState>>;
  // no key: no anonymous vote was ever cast with this file
  const key = await readKey(voteKeyPath(statePath)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const store = await openPostgresStore(databaseUrl, { listen: false });
  let same: boolean;
  try {
    const target = store.read();
    same = collectionNames.every((c) => isDeepStrictEqual(target[c], source[c]));
    if (!same && !emptyOf(target))
      throw new KlikbotError(
        ErrorCode.StateWriteFailed,
        `${store.where} already holds another state; nothing was copied. Move into an empty database.`,
      );
    // the anonymous votes stay those of the same people only under the same key
    if (key && !(await store.voteKey(key)).equals(key))
      throw new KlikbotError(
        ErrorCode.StateWriteFailed,
        `${store.where} has another vote key than ${voteKeyPath(statePath)}; nothing was copied.`,
      );
    if (!same)
      await store.update((draft) => {
        for (const c of collectionNames) (draft[c] as unknown[]) = structuredClone(source[c]) as unknown[];
      });
  } finally {
    await store.close();
  }
  const check = await openPostgresStore(databaseUrl, { listen: false });
  try {
    const moved = check.read();
    const counts = Object.fromEntries(
      collectionNames.map((c) => [c, { file: source[c].length, database: moved[c].length }]),
    ) as MoveReport['counts'];
    const differs = collectionNames.filter((c) => !isDeepStrictEqual(moved[c], source[c]));
    if (differs.length > 0)
      throw new KlikbotError(
        ErrorCode.StateWriteFailed,
        `After copying, ${check.where} differs from ${statePath} in: ${differs.join(', ')}.`,
      );
    return { outcome: same ? 'already-there' : 'moved', counts };
  } finally {
    await check.close();
  }
}
