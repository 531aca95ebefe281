import { z } from 'zod';
import { dataFile, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'pilots.json';

/** A municipality testing SAPA early, with the organisation solution it feeds STS Organisation from. */
export const record = z.object({
  id: recordId,
  municipality: recordId,
  /** "pilot" or "pre-pilot" ("SAPA Præpiloter"). */
  group: z.enum(['pilot', 'pre-pilot']),
  /** The vendor as written; null where the seed says there is none ("Nu: ingen"). */
  vendor: z.string().min(1).nullable(),
  /** The organisation solution (Organisationsløsning) as written, e.g. "OS2 STS ORG Syncronizer". */
  solution: z.string().min(1),
  note: z.string().min(1).optional(),
  source,
});
export type Pilot = z.infer<typeof record>;

/** The file pilots.json. */
export const file = dataFile(record);

/** Cross-references from pilots.json: each pilot is a known municipality, listed once. */
export function references(knowledge: { pilots: Pilot[]; municipalities: IdRecords }): DataProblem[] {
  const known = new Set(knowledge.municipalities.map((municipality) => municipality.id));
  const seen = new Set<string>();
  const problems: DataProblem[] = [];
  for (const pilot of knowledge.pilots) {
    if (!known.has(pilot.municipality)) {
      problems.push({
        file: FILE,
        record: pilot.id,
        field: 'municipality',
        message: `names municipality "${pilot.municipality}", which is not in municipalities.json`,
      });
    }
    if (seen.has(pilot.municipality))
      problems.push({
        file: FILE,
        record: pilot.id,
        field: 'municipality',
        message: `"${pilot.municipality}" is listed twice`,
      });
    seen.add(pilot.municipality);
  }
  return problems;
}
