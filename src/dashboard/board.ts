import type { Knowledge } from '../knowledge/registry.js';
import { statusTasks } from '../knowledge/queries.js';
import type { DeepReadonly, State, TaskStatus } from '../state/schema.js';
import { standingKey, standingsOf, type StatusStanding } from '../state/statuses.js';
import { seesMunicipality, type Viewer } from './viewer.js';

/** One column of the board: a KLIK task, or one step of a task with steps. */
export interface BoardColumn {
  taskId: string;
  step?: number;
  /** The task's title, with the step's for a step. */
  title: string;
  /** A header short enough for a column ("BBR 3", "Udpeg FK-ADM og FK-ANSV"). */
  short: string;
}

/** One municipality × column: its status, and the last change with who made it. */
export interface BoardCell {
  status: TaskStatus;
  /** Whether anything was reported to klikbot for it (else the status is KLIK's default). */
  reported: boolean;
  by?: string;
  at?: string;
}

/** One municipality's row. */
export interface BoardRow {
  id: string;
  name: string;
  /** Its SAPA group's number, where the plan places it. */
  group?: number;
  cells: BoardCell[];
  done: number;
  started: number;
}

/** What the board is narrowed to and how it is sorted; every part is optional in the URL. */
export interface BoardFilter {
  taskId?: string;
  step?: number;
  group?: number;
  sort: 'name' | 'progress';
}

/** The board: its columns, and a row for each municipality the viewer may see that the filter keeps. */
export interface Board {
  columns: BoardColumn[];
  rows: BoardRow[];
  /** The SAPA groups a filter can choose. */
  groups: number[];
}

const SHORT_MAX = 28;
const danish = new Intl.Collator('da');

/** A header for a task: its title when short, else its first short alias, else the title cut. */
function shortTitle(task: { title: string; aliases: readonly string[] }): string {
  if (task.title.length <= SHORT_MAX) return task.title;
  const alias = task.aliases.find((candidate) => candidate.length <= SHORT_MAX);
  if (alias) return alias.charAt(0).toUpperCase() + alias.slice(1);
  return `${task.title.slice(0, SHORT_MAX - 1)}…`;
}

/** Every column there is: each status task, a column per step for a task with steps. */
export function boardColumns(knowledge: Knowledge): BoardColumn[] {
  return statusTasks(knowledge).flatMap((task): BoardColumn[] => {
    if (task.steps.length === 0) return [{ taskId: task.id, title: task.title, short: shortTitle(task) }];
    const system = task.itSystems[0] ?? shortTitle(task);
    return task.steps.map((step) => ({
      taskId: task.id,
      step: step.number,
      title: `${task.title}, trin ${step.number}: ${step.title}`,
      short: `${system} ${step.number}`,
    }));
  });
}

/** Each municipality's SAPA group number, from the rollout plan. */
export function sapaGroups(knowledge: Knowledge): Map<string, number> {
  const groups = new Map<string, number>();
  for (const record of knowledge.sapaRollout) {
    if (record.kind !== 'group') continue;
    for (const member of record.members) groups.set(member, record.number);
  }
  return groups;
}

/** Who made a change, as the board shows it: their name, else their channel and id. */
export function actorName(by: DeepReadonly<{ channel: string; userId: string; name?: string }>): string {
  return by.name ?? `${by.channel}:${by.userId}`;
}

/** A cell from a municipality's standing on one column (none: nothing reported). */
export function cellOf(standing: StatusStanding | undefined): BoardCell {
  if (!standing) return { status: 'not-started', reported: false };
  // a municipality whose every update was undone has reported nothing, but the undo is still the last change
  return {
    status: standing.status,
    reported: standing.inForce !== undefined,
    by: actorName(standing.lastChange.by),
    at: standing.lastChange.at,
  };
}

function keepsColumn(filter: BoardFilter, column: BoardColumn): boolean {
  if (filter.taskId !== undefined && column.taskId !== filter.taskId) return false;
  return filter.step === undefined || column.step === filter.step;
}

function byProgress(a: BoardRow, b: BoardRow): number {
  return b.done - a.done || b.started - a.started || danish.compare(a.name, b.name);
}

/** The board for a viewer: the columns and rows the filter keeps, sorted as asked. */
export function boardOf(
  knowledge: Knowledge,
  state: Pick<DeepReadonly<State>, 'statusUpdates'>,
  filter: BoardFilter,
  viewer: Viewer,
): Board {
  const standings = standingsOf(state.statusUpdates);
  const groups = sapaGroups(knowledge);
  const columns = boardColumns(knowledge).filter((column) => keepsColumn(filter, column));
  const rows = knowledge.municipalities
    .filter((municipality) => seesMunicipality(viewer, municipality.id))
    .filter((municipality) => filter.group === undefined || groups.get(municipality.id) === filter.group)
    .map((municipality): BoardRow => {
      const cells = columns.map((column) =>
        cellOf(standings.get(standingKey(municipality.id, column.taskId, column.step))),
      );
      const group = groups.get(municipality.id);
      return {
        id: municipality.id,
        name: municipality.name,
        ...(group !== undefined ? { group } : {}),
        cells,
        done: cells.filter((cell) => cell.status === 'done').length,
        started: cells.filter((cell) => cell.status === 'started').length,
      };
    });
  rows.sort(filter.sort === 'progress' ? byProgress : (a, b) => danish.compare(a.name, b.name));
  return { columns, rows, groups: [...new Set(groups.values())].sort((a, b) => a - b) };
}
