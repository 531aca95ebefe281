import { z } from 'zod';
import { dataFile, englishLines, recordId, sameLength, sameLengthMessage, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'strategies.json';

/** How long a strategy takes, as the seed words it; numbers only where it gives them. */
export const duration = z
  .object({
    text: z.string().min(1),
    min: z.number().positive().optional(),
    max: z.number().positive().optional(),
    unit: z.enum(['days', 'months']).optional(),
    /** When it is shorter or longer, e.g. "Kortere tid hvis I vælger en løsning der er compliance". */
    conditions: z.array(z.string().min(1)),
    textEn: z.string().min(1).optional(),
    conditionsEn: englishLines,
  })
  .refine(sameLength('conditions', 'conditionsEn'), { ...sameLengthMessage('conditions'), path: ['conditionsEn'] });

/** One way for a municipality to get its organisation data into STS Organisation (A, B or C). */
export const strategy = z
  .object({
    id: recordId,
    kind: z.literal('strategy'),
    letter: z.string().regex(/^[A-Z]$/, 'must be one capital letter'),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    supportSystem: recordId,
    steps: z.array(z.string().min(1)).min(1),
    pros: z.array(z.string().min(1)),
    cons: z.array(z.string().min(1)),
    stepsEn: englishLines,
    prosEn: englishLines,
    consEn: englishLines,
    /** Why pros/cons are (or are not) attributed to this strategy. */
    prosConsNote: z.string().min(1),
    /** Null where the seed gives no duration; `durationNote` then says what it does say. */
    duration: duration.nullable(),
    durationNote: z.string().min(1).optional(),
    source,
  })
  .refine(sameLength('steps', 'stepsEn'), { ...sameLengthMessage('steps'), path: ['stepsEn'] })
  .refine(sameLength('pros', 'prosEn'), { ...sameLengthMessage('pros'), path: ['prosEn'] })
  .refine(sameLength('cons', 'consEn'), { ...sameLengthMessage('cons'), path: ['consEn'] });
export type Strategy = z.infer<typeof strategy>;

/** One of the numbered pieces of advice on choosing a strategy. */
export const recommendation = z
  .object({
    id: recordId,
    kind: z.literal('recommendation'),
    number: z.number().int().positive(),
    text: z.string().min(1),
    details: z.array(z.string().min(1)),
    textEn: z.string().min(1).optional(),
    detailsEn: englishLines,
    supportSystem: recordId,
    source,
  })
  .refine(sameLength('details', 'detailsEn'), { ...sameLengthMessage('details'), path: ['detailsEn'] });
export type StrategyRecommendation = z.infer<typeof recommendation>;

/** KOMBIT's compliance model for vendors' organisation solutions. */
export const complianceModel = z
  .object({
    id: recordId,
    kind: z.literal('compliance-model'),
    title: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    purpose: z.array(z.string().min(1)),
    purposeEn: englishLines,
    points: z.array(z.string().min(1)).min(1),
    pointsEn: englishLines,
    supportSystem: recordId,
    source,
  })
  .refine(sameLength('purpose', 'purposeEn'), { ...sameLengthMessage('purpose'), path: ['purposeEn'] })
  .refine(sameLength('points', 'pointsEn'), { ...sameLengthMessage('points'), path: ['pointsEn'] });
export type ComplianceModel = z.infer<typeof complianceModel>;

/** A record of strategies.json. */
export const record = z.discriminatedUnion('kind', [strategy, recommendation, complianceModel]);
export type StrategiesRecord = z.infer<typeof record>;

/** The file strategies.json. */
export const file = dataFile(record);

/** Cross-references from strategies.json: each names a known support system; letters are unique. */
export function references(knowledge: { strategies: StrategiesRecord[]; supportSystems: IdRecords }): DataProblem[] {
  const supportSystems = new Set(knowledge.supportSystems.map((system) => system.id));
  const letters = new Set<string>();
  const problems: DataProblem[] = [];
  for (const item of knowledge.strategies) {
    if (!supportSystems.has(item.supportSystem)) {
      problems.push({
        file: FILE,
        record: item.id,
        field: 'supportSystem',
        message: `names support system "${item.supportSystem}", which is not in support-systems.json`,
      });
    }
    if (item.kind !== 'strategy') continue;
    if (letters.has(item.letter))
      problems.push({ file: FILE, record: item.id, field: 'letter', message: `letter "${item.letter}" is used twice` });
    letters.add(item.letter);
  }
  return problems;
}
