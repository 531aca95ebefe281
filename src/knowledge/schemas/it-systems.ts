import { z } from 'zod';
import { dataFile, englishLines, recordId, sameLength, sameLengthMessage, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'it-systems.json';

/**
 * Why the seed says an IT system uses a support system. Links that follow from an
 * interface in interfaces.json are not repeated here: the queries derive them.
 */
export const linkBasis = z.enum([
  /** Listed among the fagsystemer on the slide "Status på Adgangsstyring". */
  'status-adgangsstyring-slide',
  /** Named in "Kommende KLIK-opgaver" ("SAPA skal anvende Organisation"). */
  'coming-klik-task',
  /** Drawn as reading STS Organisation ("Et udstillingsvindue til omverdenen"). */
  'organisation-diagram',
  /** Listed in an Implementeringsoverblik read in with `npm run import`. */
  'implementation-overview',
]);
export type LinkBasis = z.infer<typeof linkBasis>;

/** One support system an IT system must use, and where the seed says so. */
export const supportLink = z.object({
  supportSystem: recordId,
  basis: z.array(linkBasis).min(1),
});

/** An IT system (fagsystem) of the programme: DAR, BBR, SAPA, ... */
export const record = z.object({
  id: recordId,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** The spelled-out name, only where known; `fullNameSource` says whether the seed gives it. */
  fullName: z.string().min(1).nullable(),
  fullNameSource: z.enum(['seed', 'common-knowledge']).nullable(),
  supportSystems: z.array(supportLink),
  facts: z.array(z.string().min(1)),
  /** The same facts in English, one for one, for a question asked in English. */
  factsEn: englishLines,
  /** For operators (English): where a fact is read from a flattened slide rather than stated. */
  note: z.string().min(1).optional(),
  source,
});
export type ItSystem = z.infer<typeof record>;

/** The file it-systems.json. */
export const file = dataFile(
  record
    .refine((system) => (system.fullName === null) === (system.fullNameSource === null), {
      message: 'fullName and fullNameSource must both be set or both be null',
      path: ['fullNameSource'],
    })
    .refine(sameLength('facts', 'factsEn'), { ...sameLengthMessage('facts'), path: ['factsEn'] }),
);

/** Cross-references from it-systems.json: every linked support system exists, once per system. */
export function references(knowledge: { itSystems: ItSystem[]; supportSystems: IdRecords }): DataProblem[] {
  const supportSystems = new Set(knowledge.supportSystems.map((system) => system.id));
  const problems: DataProblem[] = [];
  for (const system of knowledge.itSystems) {
    const seen = new Set<string>();
    system.supportSystems.forEach((link, index) => {
      const field = `supportSystems.${index}.supportSystem`;
      if (!supportSystems.has(link.supportSystem)) {
        problems.push({
          file: FILE,
          record: system.id,
          field,
          message: `names support system "${link.supportSystem}", which is not in support-systems.json`,
        });
      }
      if (seen.has(link.supportSystem)) {
        problems.push({ file: FILE, record: system.id, field, message: `links "${link.supportSystem}" twice` });
      }
      seen.add(link.supportSystem);
    });
  }
  return problems;
}

/** A record's full name ("Kommunernes Ydelsessystem"), only as the material gives it: one known from elsewhere is not the material's. */
export function seedFullName(record: { fullName?: unknown; fullNameSource?: unknown }): string | undefined {
  return typeof record.fullName === 'string' && record.fullNameSource === 'seed' ? record.fullName : undefined;
}
