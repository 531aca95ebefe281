import type { Knowledge } from '../knowledge/registry.js';
import { bbrNational } from '../knowledge/systems-queries.js';
import type { DeepReadonly, State, TaskStatus } from '../state/schema.js';
import { standingKey, standingsOf } from '../state/statuses.js';
import { boardColumns, type BoardColumn } from './board.js';

/** How many municipalities stand where. */
export type StatusCounts = Record<TaskStatus, number>;

/** One column's national figures: the KLIK extract (where there is one) and what was reported to klikbot. */
export interface ColumnProgress {
  column: BoardColumn;
  /** KLIK's count of all municipalities on the extract's date. */
  baseline?: { asOf: string; label: string; counts: StatusCounts };
  /** The municipalities that reported to klikbot, by the status in force. */
  reported: StatusCounts;
  /** How many have reported at all; the rest are not counted in `reported`. */
  reporting: number;
  municipalities: number;
}

function emptyCounts(): StatusCounts {
  return { done: 0, started: 0, 'not-started': 0 };
}

function baselineOf(knowledge: Knowledge, column: BoardColumn): ColumnProgress['baseline'] {
  if (column.step === undefined) return undefined;
  const national = bbrNational(knowledge, column.taskId);
  const row = national?.rows.find((candidate) => candidate.step === column.step);
  if (!national || !row) return undefined;
  return {
    asOf: national.source.asOf,
    label: national.source.label ?? national.source.asOf,
    counts: { done: row.done, started: row.started, 'not-started': row.notStarted },
  };
}

/**
 * Every column's national figures. The KLIK extract counts all municipalities on its date and
 * does not say which stood where, so what was reported since is shown beside it, never added:
 * it counts only those that reported.
 */
export function progressOf(
  knowledge: Knowledge,
  state: Pick<DeepReadonly<State>, 'statusUpdates'>,
  filter: { taskId?: string; step?: number } = {},
): ColumnProgress[] {
  const standings = standingsOf(state.statusUpdates);
  return boardColumns(knowledge)
    .filter((column) => filter.taskId === undefined || column.taskId === filter.taskId)
    .filter((column) => filter.step === undefined || column.step === filter.step)
    .map((column) => {
      const reported = emptyCounts();
      let reporting = 0;
      for (const municipality of knowledge.municipalities) {
        const standing = standings.get(standingKey(municipality.id, column.taskId, column.step));
        // a municipality whose every update was undone has reported nothing
        if (!standing?.inForce) continue;
        reporting += 1;
        reported[standing.status] += 1;
      }
      const baseline = baselineOf(knowledge, column);
      return {
        column,
        ...(baseline ? { baseline } : {}),
        reported,
        reporting,
        municipalities: knowledge.municipalities.length,
      };
    });
}
