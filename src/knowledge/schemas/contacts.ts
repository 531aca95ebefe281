import { z } from 'zod';
import { dataFile, recordId, source } from '../common.js';
import type { DataProblem } from '../loader.js';
import type { Knowledge } from '../registry.js';

/** Placeholder record shape until this kind is modelled. */
export const record = z.object({ id: recordId, source });

/** The file contacts.json. */
export const file = dataFile(record);

/** Cross-references from contacts.json into the other files. */
export function references(_knowledge: Knowledge): DataProblem[] {
  return [];
}
