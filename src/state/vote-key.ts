import { createHmac, randomBytes } from 'node:crypto';
import { link, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, KlikbotError } from '../errors.js';

/** The key's length in bytes: as long as the HMAC-SHA256 output, so guessing it is hopeless. */
export const VOTE_KEY_BYTES = 32;

/** Where the key of a state file lives: beside it, `<state file>.vote-key`. */
export function voteKeyPath(statePath: string): string {
  return `${path.resolve(statePath)}.vote-key`;
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** The vote key in `keyPath`, checked to be one. */
export async function readKey(keyPath: string): Promise<Buffer> {
  const key = await readFile(keyPath);
  if (key.length !== VOTE_KEY_BYTES) {
    throw new KlikbotError(
      ErrorCode.StateCorrupt,
      `The vote key ${keyPath} holds ${key.length} bytes, not ${VOTE_KEY_BYTES}. Restore it from the backup taken with the state file; ` +
        'a new key would make every anonymous voter look new, so klikbot does not make one while the file exists.',
    );
  }
  return key;
}

/**
 * Writes a fresh key to a temporary file (0600, synced) and links it to its name, which fails
 * when the name exists: the key appears whole or not at all, and two starts at once keep one key.
 */
async function createKey(keyPath: string): Promise<void> {
  const temp = path.join(path.dirname(keyPath), `.${path.basename(keyPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(VOTE_KEY_BYTES));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, keyPath);
  } catch (error) {
    // another start made the key first: theirs is the one to use
    if (errnoCode(error) !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * The secret behind anonymous voters' hashes, kept beside the state file in
 * `<state file>.vote-key` (mode 0600) and made on first start. The state file alone then
 * names no voter; with the key, the hash of a known person can be recomputed, so the key is
 * as sensitive as a list of who voted and is never written into the state.
 */
export async function loadVoteKey(statePath: string): Promise<Buffer> {
  const keyPath = voteKeyPath(statePath);
  try {
    return await readKey(keyPath);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  try {
    await createKey(keyPath);
  } catch (cause) {
    throw new KlikbotError(
      ErrorCode.StateWriteFailed,
      `Could not create the vote key ${keyPath}: check the permissions of ${path.dirname(keyPath)}.`,
      { cause },
    );
  }
  return readKey(keyPath);
}

/**
 * A voter as stored in an anonymous poll or evaluation: HMAC-SHA256 (hex) of the scope (a
 * poll's or evaluation's id), the channel and the user id. The same person gets the same hash
 * within one scope, so one vote each holds, and unrelated hashes in any other.
 */
export function voterHash(key: Buffer, scopeId: string, channel: string, userId: string): string {
  // JSON keeps the parts apart: ("a:b", "c") and ("a", "b:c") never give the same input
  return createHmac('sha256', key)
    .update(JSON.stringify([scopeId, channel, userId]))
    .digest('hex');
}
