import { readFile } from 'node:fs/promises';
import { journalPathFor, readStoredState, type FileStore } from '../../src/state/file-store.js';

/** Everything the file store keeps on disk at `statePath`: the state document and its journal of changes since. */
export async function storedTextAt(statePath: string): Promise<string> {
  const document = await readFile(statePath, 'utf8').catch(() => '');
  const journal = await readFile(journalPathFor(statePath), 'utf8').catch(() => '');
  return `${document}\n${journal}`;
}

/** Everything a file store has on disk. */
export function storedText(store: FileStore): Promise<string> {
  return storedTextAt(store.filePath);
}

/** The state a file store at `statePath` holds (document and journal), for a test to read as it expects. */
export async function storedStateAt(statePath: string): Promise<unknown> {
  return readStoredState(statePath);
}
