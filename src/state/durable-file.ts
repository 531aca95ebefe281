import { open, rm, rename } from 'node:fs/promises';
import path from 'node:path';

/** The temporary file a write goes through: same folder, so the rename stays on one file system. */
export function tempPathFor(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.tmp`);
}

async function writeAndSync(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    // Without this the rename can reach the disk before the data does, and a power cut
    // leaves an empty or partial file under the real name.
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `filePath` with `text` so that, whatever happens (a crash, a kill, a power cut),
 * the file holds either the old content or the new one in full: write a temporary file in
 * the same folder, fsync it, rename it over the target, fsync the folder. When this resolves
 * the new content is on disk.
 */
export async function writeFileDurably(filePath: string, text: string): Promise<void> {
  const temp = tempPathFor(filePath);
  try {
    await writeAndSync(temp, text);
    await rename(temp, filePath);
  } catch (error) {
    // The caller gets the write's own error; a temporary file we could not remove is
    // harmless, as the next write truncates it.
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  try {
    await syncFolder(path.dirname(filePath));
  } catch (cause) {
    throw new RenamedUnsyncedError(filePath, cause);
  }
}

/**
 * The new content is in place (the rename happened) but the folder could not be fsynced, so
 * a power cut could still bring the old file back: the caller must not say "nothing changed".
 */
export class RenamedUnsyncedError extends Error {
  constructor(filePath: string, cause: unknown) {
    super(`${filePath} was replaced, but its folder could not be synced to disk`, { cause });
    this.name = 'RenamedUnsyncedError';
  }
}
