import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KlikbotError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';

/** The shipped data folder. */
export const dataDir = fileURLToPath(new URL('../../data/knowledge/', import.meta.url));

type Json = Record<string, unknown> & { records: Record<string, unknown>[] };

/** A temp copy of the shipped data with one file changed by `edit`; remove it with `dispose`. */
export async function brokenCopy(
  file: string,
  edit: (data: Json) => void,
): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'klikbot-knowledge-'));
  await cp(dataDir, dir, { recursive: true });
  const target = path.join(dir, file);
  const data = JSON.parse(await readFile(target, 'utf8')) as Json;
  edit(data);
  await writeFile(target, JSON.stringify(data, null, 2));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** The record with this id, for editing in a copy. */
export function recordById(data: Json, id: string): Record<string, unknown> {
  const found = data.records.find((record) => record.id === id);
  if (!found) throw new Error(`no record "${id}" in the copy`);
  return found;
}

/** Loads a copy with one file changed by `edit` and returns the loader's error message; fails if it loads. */
export async function loadErrorOf(file: string, edit: (data: Json) => void): Promise<string> {
  const copy = await brokenCopy(file, edit);
  try {
    await loadKnowledge(copy.dir);
  } catch (error) {
    if (!(error instanceof KlikbotError)) throw error;
    return error.message;
  } finally {
    await copy.dispose();
  }
  throw new Error(`the broken ${file} loaded without an error`);
}
