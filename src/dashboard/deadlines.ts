import type { DateTime } from 'luxon';
import { daysUntil } from '../core/format.js';
import type { Knowledge } from '../knowledge/registry.js';
import { statusTasks } from '../knowledge/queries.js';
import type { DeepReadonly, State } from '../state/schema.js';
import { standingKey, standingsOf, type StatusStanding } from '../state/statuses.js';

/** Where a deadline stands today: still ahead, passed with everyone done, or passed with some not done. */
export type DeadlineState = 'next' | 'past' | 'overdue';

/** One dated thing on the timeline. */
export interface DeadlineLine {
  id: string;
  title: string;
  /** YYYY-MM-DD, or YYYY-MM for a month. */
  date: string;
  precision: 'day' | 'month';
  /** Whole days from today (negative when past); undefined for a month. */
  days?: number;
  state: DeadlineState;
  /** The KLIK task whose status decides whether it is done, where there is one. */
  taskId?: string;
  /** For a task with a status: how many municipalities have not reported it done to klikbot, of how many. */
  open?: number;
  municipalities?: number;
  /** For the municipality asked about: whether it has it done. */
  doneByMunicipality?: boolean;
  source: string;
}

type Standings = ReadonlyMap<string, StatusStanding>;

/** Whether a municipality has a task done: the task reported done, or every step of it. */
export function doneWith(knowledge: Knowledge, standings: Standings, municipalityId: string, taskId: string): boolean {
  if (standings.get(standingKey(municipalityId, taskId))?.status === 'done') return true;
  const task = knowledge.tasks.find((candidate) => candidate.id === taskId);
  if (!task || task.steps.length === 0) return false;
  return task.steps.every((step) => standings.get(standingKey(municipalityId, taskId, step.number))?.status === 'done');
}

interface Dated {
  id: string;
  title: string;
  date: string;
  precision: 'day' | 'month';
  taskId?: string;
  source: string;
}

function datedThings(knowledge: Knowledge): Dated[] {
  const tasks = knowledge.tasks.flatMap((task): Dated[] =>
    task.deadline === null || task.state === 'dropped'
      ? []
      : [
          {
            id: task.id,
            title: task.title,
            date: task.deadline,
            precision: 'day',
            taskId: task.id,
            source: task.source.label,
          },
        ],
  );
  const deadlines = knowledge.deadlines.map((deadline): Dated => ({
    id: deadline.id,
    title: deadline.title,
    date: deadline.date,
    precision: deadline.precision === 'month' ? 'month' : 'day',
    ...(deadline.relatedTask ? { taskId: deadline.relatedTask } : {}),
    source: deadline.source.label,
  }));
  return [...tasks, ...deadlines].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The month a YYYY-MM date is before (negative) or after today's, for a month without a day. */
function monthDays(date: string, today: DateTime): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return (year - today.year) * 12 + (month - today.month);
}

/**
 * Every dated thing, by date: the KLIK tasks' deadlines and the other dates of the material.
 * With `municipalityId`, each task's line says whether that municipality has it done.
 */
export function deadlinesOf(
  knowledge: Knowledge,
  state: Pick<DeepReadonly<State>, 'statusUpdates'>,
  today: DateTime,
  municipalityId?: string,
): DeadlineLine[] {
  const standings = standingsOf(state.statusUpdates);
  const tracked = new Set(statusTasks(knowledge).map((task) => task.id));
  return datedThings(knowledge).map((thing): DeadlineLine => {
    const days = thing.precision === 'day' ? daysUntil(thing.date, today) : undefined;
    const passed = days === undefined ? monthDays(thing.date, today) < 0 : days < 0;
    const taskId = thing.taskId !== undefined && tracked.has(thing.taskId) ? thing.taskId : undefined;
    const open =
      taskId === undefined
        ? undefined
        : knowledge.municipalities.filter((m) => !doneWith(knowledge, standings, m.id, taskId)).length;
    const doneHere =
      taskId !== undefined && municipalityId !== undefined
        ? doneWith(knowledge, standings, municipalityId, taskId)
        : undefined;
    // for one municipality, overdue is its own task not done; nationally, anyone's
    const behind = doneHere !== undefined ? !doneHere : open !== undefined && open > 0;
    const state: DeadlineState = !passed ? 'next' : behind ? 'overdue' : 'past';
    return {
      ...thing,
      ...(days !== undefined ? { days } : {}),
      state,
      ...(taskId !== undefined ? { taskId } : {}),
      ...(open !== undefined ? { open, municipalities: knowledge.municipalities.length } : {}),
      ...(doneHere !== undefined ? { doneByMunicipality: doneHere } : {}),
    };
  });
}
