import { z } from 'zod';
import { dataFile, englishLines, recordId, sameLength, sameLengthMessage, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'support-systems.json';

/** What the seed says a support system is needed for, per IT system (e.g. Organisation for SAPA). */
export const businessNeed = z
  .object({
    itSystem: recordId,
    needs: z.array(z.string().min(1)).min(1),
    /** The same needs in English, one for one. */
    needsEn: englishLines,
  })
  .refine(sameLength('needs', 'needsEn'), { ...sameLengthMessage('needs'), path: ['needsEn'] });

/** A shared support system (støttesystem) of the common municipal infrastructure. */
export const record = z.object({
  id: recordId,
  name: z.string().min(1),
  /** Other names a user may write, e.g. "STS Organisation", "FK". */
  aliases: z.array(z.string().min(1)),
  /** The platform, only where the seed names it (e.g. "STS Adgangsstyring"); null when it does not. */
  platform: z.enum(['STS', 'SP']).nullable(),
  /** What the seed says of it, in its own words (Danish). */
  facts: z.array(z.string().min(1)),
  /** The same facts in English, one for one, for a question asked in English. */
  factsEn: englishLines,
  businessNeeds: z.array(businessNeed).optional(),
  /** For operators (English): where a fact is read from a flattened slide rather than stated. */
  note: z.string().min(1).optional(),
  source,
});
export type SupportSystem = z.infer<typeof record>;

/** The file support-systems.json. */
export const file = dataFile(
  record.refine(sameLength('facts', 'factsEn'), { ...sameLengthMessage('facts'), path: ['factsEn'] }),
);

/** Cross-references from support-systems.json: business needs name known IT systems. */
export function references(knowledge: { supportSystems: SupportSystem[]; itSystems: IdRecords }): DataProblem[] {
  const itSystems = new Set(knowledge.itSystems.map((system) => system.id));
  const problems: DataProblem[] = [];
  for (const system of knowledge.supportSystems) {
    (system.businessNeeds ?? []).forEach((need, index) => {
      if (!itSystems.has(need.itSystem)) {
        problems.push({
          file: FILE,
          record: system.id,
          field: `businessNeeds.${index}.itSystem`,
          message: `names IT system "${need.itSystem}", which is not in it-systems.json`,
        });
      }
    });
  }
  return problems;
}
