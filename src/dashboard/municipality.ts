import type { Knowledge } from '../knowledge/registry.js';
import type { DeepReadonly, State, TaskStatus } from '../state/schema.js';
import { standingKey, standingsOf } from '../state/statuses.js';
import { actorName, boardColumns, cellOf, sapaGroups, type BoardCell, type BoardColumn } from './board.js';

/** One change in a municipality's history, newest first. */
export interface HistoryLine {
  at: string;
  column: BoardColumn;
  status: TaskStatus;
  previous: TaskStatus;
  by: string;
  undone?: { at: string; by: string };
}

/** One person who speaks for the municipality, or waits to. */
export interface MemberLine {
  name: string;
  channel: string;
  verified: boolean;
  since: string;
}

/** What a municipality's page shows. */
export interface MunicipalityView {
  id: string;
  name: string;
  group?: number;
  tasks: { column: BoardColumn; cell: BoardCell }[];
  history: HistoryLine[];
  members: MemberLine[];
}

/** How many history lines the page shows: a year of a busy municipality's reports. */
export const HISTORY_SHOWN = 200;

/** A municipality by its id (`aarhus`), or undefined when there is none. */
export function municipalityById(knowledge: Knowledge, id: string): { id: string; name: string } | undefined {
  return knowledge.municipalities.find((municipality) => municipality.id === id);
}

/** One municipality's page: its status on every task and step, its history and its members. */
export function municipalityView(
  knowledge: Knowledge,
  state: Pick<DeepReadonly<State>, 'statusUpdates' | 'memberships'>,
  municipality: { id: string; name: string },
): MunicipalityView {
  const standings = standingsOf(state.statusUpdates);
  const columns = boardColumns(knowledge);
  const columnOf = new Map(columns.map((column) => [standingKey('', column.taskId, column.step), column]));
  const history: HistoryLine[] = [];
  for (let index = state.statusUpdates.length - 1; index >= 0 && history.length < HISTORY_SHOWN; index -= 1) {
    const update = state.statusUpdates[index]!;
    if (update.municipalityId !== municipality.id) continue;
    const column = columnOf.get(standingKey('', update.taskId, update.step));
    if (!column) continue;
    history.push({
      at: update.at,
      column,
      status: update.status,
      previous: update.previous,
      by: actorName(update.by),
      ...(update.undoneAt !== undefined
        ? { undone: { at: update.undoneAt, by: actorName(update.undoneBy ?? update.by) } }
        : {}),
    });
  }
  const members = state.memberships
    .filter((membership) => membership.municipalityId === municipality.id)
    .map((membership) => ({
      name: membership.name ?? membership.userId,
      channel: membership.channel,
      verified: membership.state === 'verified',
      since: membership.since,
    }))
    .sort((a, b) => Number(b.verified) - Number(a.verified) || a.name.localeCompare(b.name, 'da'));
  const group = sapaGroups(knowledge).get(municipality.id);
  return {
    id: municipality.id,
    name: municipality.name,
    ...(group !== undefined ? { group } : {}),
    tasks: columns.map((column) => ({
      column,
      cell: cellOf(standings.get(standingKey(municipality.id, column.taskId, column.step))),
    })),
    history,
    members,
  };
}
