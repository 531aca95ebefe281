import { z } from 'zod';
import { dataFile, recordId } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'descriptions.json';

/** The files whose records people describe instead of naming, by the knowledge base's name for them. */
const describedFiles = {
  tasks: 'tasks.json',
  roles: 'roles.json',
  itSystems: 'it-systems.json',
  supportSystems: 'support-systems.json',
  interfaces: 'interfaces.json',
  strategies: 'strategies.json',
  deadlines: 'deadlines.json',
  // a slide or a news item described ("regnearket over hvilke systemer der skal bruge hvad")
  // is found by the search over its passages, not as a thing a dialog answers about
  topics: 'topics.json',
  news: 'news.json',
} as const;
export type DescribedKind = keyof typeof describedFiles;

const phrase = z
  .string()
  .min(1)
  .refine((text) => text.trim().split(/\s+/).length <= 10, 'must be a short phrase of at most 10 words');

/**
 * How people describe one record without its name ("det gamle opgavesystem", "the shared login
 * for the IT systems"): a plain-language reading, not a fact of the seed, never shown to users.
 * The understanding reads a question that says one of them as naming the record.
 */
export const record = z.strictObject({
  id: recordId,
  /** The record described: its file's kind, its id, and for a task's step the step's number. */
  describes: z.strictObject({
    kind: z.enum(Object.keys(describedFiles) as [DescribedKind, ...DescribedKind[]]),
    id: recordId,
    step: z.number().int().positive().optional(),
  }),
  /** Danish phrases, each a few words. */
  da: z.array(phrase).min(1),
  /** English phrases. */
  en: z.array(phrase).default([]),
  /** For operators (English): why a phrase is there, where it may be unclear. */
  notes: z.array(z.string().min(1)).optional(),
});
export type Description = z.infer<typeof record>;

/** The file descriptions.json. */
export const file = dataFile(record);

type Described = Record<Exclude<DescribedKind, 'tasks'>, IdRecords> & {
  tasks: { id: string; steps: { number: number }[] }[];
};

/** Cross-references from descriptions.json: the record described exists, and so does the step. */
export function references(knowledge: Described & { descriptions: Description[] }): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const item of knowledge.descriptions) {
    const { kind, id, step } = item.describes;
    const target = knowledge[kind].find((candidate) => candidate.id === id);
    if (!target) {
      problems.push({
        file: FILE,
        record: item.id,
        field: 'describes.id',
        message: `no record with id "${id}" in ${describedFiles[kind]}`,
      });
      continue;
    }
    if (step === undefined) continue;
    const steps = kind === 'tasks' ? knowledge.tasks.find((task) => task.id === id)!.steps : [];
    if (!steps.some((candidate) => candidate.number === step))
      problems.push({
        file: FILE,
        record: item.id,
        field: 'describes.step',
        message: `${describedFiles[kind]} record "${id}" has no step ${step}`,
      });
  }
  return problems;
}
