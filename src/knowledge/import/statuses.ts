import { DateTime } from 'luxon';
import { DANISH_MONTHS } from '../../lib/months.js';
import type { Actor, State, TaskStatus } from '../../state/schema.js';
import type { DeepReadonly } from '../../state/schema.js';
import { statusTasks } from '../queries/find.js';
import type { Knowledge } from '../registry.js';
import { foldDanish } from '../text.js';
import { requireColumns, SheetProblem, type Sheet } from './sheets.js';

/** The sheet of the KLIK extract per municipality, and its columns. */
export const PER_MUNICIPALITY = {
  name: 'KLIK pr. kommune',
  columns: ['Kommune', 'Opgave', 'Trin', 'Status', 'Udtræk'],
} as const;

const statusWords: Record<string, TaskStatus> = {
  'ikke paabegyndt': 'not-started',
  'not started': 'not-started',
  paabegyndt: 'started',
  started: 'started',
  'i gang': 'started',
  fuldfoert: 'done',
  done: 'done',
  completed: 'done',
};

const statusNames: Record<TaskStatus, string> = {
  'not-started': 'ikke påbegyndt',
  started: 'påbegyndt',
  done: 'fuldført',
};

/** One municipality's status on a task (step) as the extract has it. */
export interface ExtractedStatus {
  municipalityId: string;
  taskId: string;
  step?: number;
  status: TaskStatus;
}

/** What the extract changes in the status board, and what it leaves because klikbot has newer. */
export interface StatusPlan {
  updates: ExtractedStatus[];
  lines: string[];
  /** Statuses reported in klikbot after the extract was made: kept. */
  newer: number;
  /** Who the updates are recorded as: the extract, by its date. */
  by: Actor;
}

/** The last update in force of a municipality's task (step), if any. */
function lastInForce(
  updates: DeepReadonly<State['statusUpdates']>,
  row: Omit<ExtractedStatus, 'status'>,
): DeepReadonly<State['statusUpdates'][number]> | undefined {
  for (let index = updates.length - 1; index >= 0; index -= 1) {
    const one = updates[index]!;
    if (one.undoneAt !== undefined) continue;
    if (one.municipalityId === row.municipalityId && one.taskId === row.taskId && one.step === row.step) return one;
  }
  return undefined;
}

/** One row read, or refused with its cell. */
function rowOf(sheet: Sheet, knowledge: Knowledge, row: number, cells: Record<string, string>): ExtractedStatus {
  const named = foldDanish((cells.Kommune ?? '').toLowerCase()).replace(/ kommune$/, '');
  const municipality = knowledge.municipalities.find(
    (one) => one.id === named || foldDanish(one.name.toLowerCase()).replace(/ kommune$/, '') === named,
  );
  if (!municipality) throw new SheetProblem(sheet.name, row, 'Kommune', `"${cells.Kommune ?? ''}" er ikke en kommune`);
  const task = statusTasks(knowledge).find((one) => one.id === cells.Opgave);
  if (!task) throw new SheetProblem(sheet.name, row, 'Opgave', `"${cells.Opgave ?? ''}" er ikke en opgave med status`);
  const step = cells.Trin ? Number(cells.Trin) : undefined;
  if (
    task.steps.length > 0 !== (step !== undefined) ||
    (step !== undefined && !task.steps.some((one) => one.number === step))
  )
    throw new SheetProblem(
      sheet.name,
      row,
      'Trin',
      `${task.id} har ${task.steps.length > 0 ? `trin 1–${task.steps.length}` : 'ingen trin'}`,
    );
  const status = statusWords[foldDanish((cells.Status ?? '').toLowerCase().trim())];
  if (!status)
    throw new SheetProblem(
      sheet.name,
      row,
      'Status',
      `"${cells.Status ?? ''}" er ikke "ikke påbegyndt", "påbegyndt" eller "fuldført"`,
    );
  return { municipalityId: municipality.id, taskId: task.id, ...(step !== undefined ? { step } : {}), status };
}

/**
 * The extract per municipality against the status board: a status that differs becomes an
 * update recorded as the extract's, unless klikbot has a status reported after the extract was
 * made (a programme leader's own word is newer than KLIK's extract).
 */
export function planStatuses(
  sheet: Sheet,
  knowledge: Knowledge,
  updates: DeepReadonly<State['statusUpdates']>,
): StatusPlan {
  requireColumns(sheet, PER_MUNICIPALITY.columns);
  const dates = new Set(sheet.rows.map(({ cells }) => cells.Udtræk ?? ''));
  const [made] = [...dates];
  const day = DateTime.fromISO(made ?? '');
  if (dates.size !== 1 || !day.isValid)
    throw new SheetProblem(
      sheet.name,
      sheet.rows[0]?.row,
      'Udtræk',
      'alle rækker skal være fra ét udtræk, med datoen som 2018-12-03',
    );
  const label = `KLIK-udtræk ${day.day}. ${DANISH_MONTHS[day.month - 1]} ${day.year}`;
  const plan: StatusPlan = {
    updates: [],
    lines: [],
    newer: 0,
    by: { channel: 'klik', userId: 'klik-udtraek', name: label },
  };
  for (const { row, cells } of sheet.rows) {
    const extracted = rowOf(sheet, knowledge, row, cells);
    const last = lastInForce(updates, extracted);
    const current = last?.status ?? 'not-started';
    if (current === extracted.status) continue;
    if (last && Date.parse(last.at) > day.endOf('day').toMillis()) {
      plan.newer += 1;
      continue;
    }
    plan.updates.push(extracted);
    const step = extracted.step !== undefined ? `#${extracted.step}` : '';
    plan.lines.push(
      `~ status ${extracted.municipalityId} ${extracted.taskId}${step}: ${statusNames[current]} → ${statusNames[extracted.status]}`,
    );
  }
  return plan;
}
