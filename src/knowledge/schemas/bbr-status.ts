import { z } from 'zod';
import { dataFile, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'bbr-status.json';

/** How many municipalities stand where on one step, as KLIK counted them. */
export const counts = z.object({
  notStarted: z.number().int().nonnegative(),
  started: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
});
export type StatusCounts = z.infer<typeof counts>;

/** The national status of one step of a task in tasks.json (the BBR steps on Adgangsstyring). */
export const record = z.object({
  id: recordId,
  task: recordId,
  step: z.number().int().positive(),
  /** The step's label as the status slide writes it (it may be shortened). */
  label: z.string().min(1),
  counts,
  note: z.string().min(1).optional(),
  source,
});
export type BbrStatusRow = z.infer<typeof record>;

/** The file bbr-status.json. */
export const file = dataFile(record);

/** The sum of a row's counts: the number of municipalities it covers. */
export function rowTotal(row: StatusCounts): number {
  return row.notStarted + row.started + row.done;
}

/** What the check reads: the rows, and the tasks and municipalities they count. */
type Checked = {
  bbrStatus: BbrStatusRow[];
  tasks: { id: string; steps: { number: number }[] }[];
  municipalities: IdRecords;
};

function taskProblems(knowledge: Checked, row: BbrStatusRow): DataProblem[] {
  const task = knowledge.tasks.find((candidate) => candidate.id === row.task);
  if (task === undefined)
    return [
      { file: FILE, record: row.id, field: 'task', message: `names task "${row.task}", which is not in tasks.json` },
    ];
  if (!task.steps.some((step) => step.number === row.step)) {
    return [
      {
        file: FILE,
        record: row.id,
        field: 'step',
        message: `task "${row.task}" in tasks.json has no step ${row.step}`,
      },
    ];
  }
  return [];
}

/** Each row names an existing task step, once, from one extract, and counts every municipality exactly once. */
export function references(knowledge: Checked): DataProblem[] {
  const problems: DataProblem[] = [];
  const municipalities = knowledge.municipalities.length;
  const seen = new Set<string>();
  const asOf = new Map<string, string>();
  for (const row of knowledge.bbrStatus) {
    problems.push(...taskProblems(knowledge, row));
    const taskAsOf = asOf.get(row.task) ?? row.source.asOf;
    asOf.set(row.task, taskAsOf);
    if (row.source.asOf !== taskAsOf) {
      problems.push({
        file: FILE,
        record: row.id,
        field: 'source.asOf',
        message: `all rows of "${row.task}" must come from one extract; this one is ${row.source.asOf}, the first ${taskAsOf}`,
      });
    }
    const key = `${row.task}#${row.step}`;
    if (seen.has(key))
      problems.push({
        file: FILE,
        record: row.id,
        field: 'step',
        message: `step ${row.step} of "${row.task}" has two rows`,
      });
    seen.add(key);
    const total = rowTotal(row.counts);
    if (total !== municipalities) {
      problems.push({
        file: FILE,
        record: row.id,
        field: 'counts',
        message: `notStarted + started + done = ${total}, but municipalities.json lists ${municipalities} municipalities`,
      });
    }
  }
  return problems;
}
