import type { Knowledge } from '../knowledge/registry.js';
import type { Task } from '../knowledge/schemas/tasks.js';
import type { DeepReadonly, State, TaskStatus } from '../state/schema.js';
import { standingKey, standingsOf, type StatusStanding } from '../state/statuses.js';
import { statusTasks } from '../knowledge/queries.js';
import { toCsv } from '../lib/csv.js';

/** The export's columns, in order: the header row. */
export const STATUS_CSV_COLUMNS = [
  'kommune_id',
  'kommune',
  'opgave_id',
  'opgave',
  'trin',
  'status',
  'sidst_aendret',
  'aendret_af',
] as const;

/** One row of the export: a municipality's status on one KLIK task or step. */
export type StatusCsvRow = Record<(typeof STATUS_CSV_COLUMNS)[number], string>;

// The export is for KOMBIT's reporting, in Danish whatever language the asker used.
const statusWords: Record<TaskStatus, string> = {
  'not-started': 'ikke påbegyndt',
  started: 'påbegyndt',
  done: 'fuldført',
};

// Danish alphabetical order, as a Danish reader expects it (aa sorts as å, after ø).
const danish = new Intl.Collator('da');

function rowOf(
  municipality: { id: string; name: string },
  task: { id: string; title: string },
  step: number | undefined,
  standing: StatusStanding | undefined,
): StatusCsvRow {
  return {
    kommune_id: municipality.id,
    kommune: municipality.name,
    opgave_id: task.id,
    opgave: task.title,
    trin: step === undefined ? '' : String(step),
    status: statusWords[standing?.status ?? 'not-started'],
    sidst_aendret: standing?.lastChange.at ?? '',
    aendret_af: standing ? `${standing.lastChange.by.channel}:${standing.lastChange.by.userId}` : '',
  };
}

/**
 * Every municipality × KLIK task (each step of a task with steps): its status now and the
 * last change to it (a record or an undo), sorted by municipality name, then task in the
 * order of tasks.json, then step. Without any update the status is not started.
 */
export function statusCsvRows(state: Pick<DeepReadonly<State>, 'statusUpdates'>, knowledge: Knowledge): StatusCsvRow[] {
  const standings = standingsOf(state.statusUpdates);
  const targets = statusTasks(knowledge).flatMap((task): { task: Task; step?: number }[] =>
    task.steps.length > 0
      ? [...task.steps].sort((a, b) => a.number - b.number).map((step) => ({ task, step: step.number }))
      : [{ task }],
  );
  const municipalities = [...knowledge.municipalities].sort((a, b) => danish.compare(a.name, b.name));
  return municipalities.flatMap((municipality) =>
    targets.map(({ task, step }) =>
      rowOf(municipality, task, step, standings.get(standingKey(municipality.id, task.id, step))),
    ),
  );
}

/** The export as CSV text (header first), without the BOM. */
export function statusCsv(state: Pick<DeepReadonly<State>, 'statusUpdates'>, knowledge: Knowledge): string {
  const rows = statusCsvRows(state, knowledge).map((row) => STATUS_CSV_COLUMNS.map((column) => row[column]));
  return toCsv([[...STATUS_CSV_COLUMNS], ...rows]);
}
