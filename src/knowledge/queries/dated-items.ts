import { DateTime } from 'luxon';
import { ZONE } from '../../clock.js';
import { namePattern } from '../../lib/regexp.js';
import type { DatePrecision, Source } from '../common.js';
import type { Knowledge } from '../registry.js';
import type { DateRelation } from '../schemas/deadlines.js';

/** Anything dated a user may ask "when" about: a task's own deadline or a record of deadlines.json. */
export interface DatedItem {
  /** The task id (kind "task") or the deadlines.json id (kind "deadline"); distinct across both. */
  id: string;
  title: string;
  /** YYYY-MM-DD, or YYYY-MM when precision is "month". */
  date: string;
  precision: DatePrecision;
  relation: DateRelation;
  kind: 'task' | 'deadline';
  /** The task the date belongs to: the task itself, or a deadline's related task. */
  taskId?: string;
  responsibleRoles: string[];
  source: Source;
}

/** Every dated item: tasks' deadlines (file order, dropped tasks left out), then deadlines.json (file order). */
export function datedItems(k: Knowledge): DatedItem[] {
  const fromTasks: DatedItem[] = k.tasks.flatMap((task) =>
    task.deadline === null || task.state === 'dropped'
      ? []
      : [
          {
            id: task.id,
            title: task.title,
            date: task.deadline,
            precision: 'day' as const,
            relation: 'by' as const,
            kind: 'task' as const,
            taskId: task.id,
            responsibleRoles: task.responsibleRoles,
            source: task.source,
          },
        ],
  );
  const fromDeadlines: DatedItem[] = k.deadlines.map((deadline) => ({
    id: deadline.id,
    title: deadline.title,
    date: deadline.date,
    precision: deadline.precision,
    relation: deadline.relation,
    kind: 'deadline' as const,
    ...(deadline.relatedTask ? { taskId: deadline.relatedTask } : {}),
    responsibleRoles: deadline.responsibleRoles,
    source: deadline.source,
  }));
  return [...fromTasks, ...fromDeadlines];
}

/**
 * The name of a support system or IT system by its id, and whether a dated item is that
 * system's: its task (the task itself, or a deadline's related task) is of the system, or a
 * deadline says the system's name ("Godkend serviceaftaler vedrørende Beskedfordeleren").
 * Undefined where no system has the id.
 */
export function systemOfItems(
  k: Knowledge,
  systemId: string,
): { name: string; has: (item: DatedItem) => boolean } | undefined {
  const system = [...k.supportSystems, ...k.itSystems].find((one) => one.id === systemId);
  if (!system) return undefined;
  const tasks = new Set(
    k.tasks
      .filter((task) => task.supportSystem === system.name || task.itSystems.includes(system.name))
      .map((task) => task.id),
  );
  const names = [system.name, ...system.aliases].map(namePattern);
  const saying = new Set(
    k.deadlines
      .filter((deadline) => names.some((name) => name.test(`${deadline.title} ${deadline.description}`)))
      .map((one) => one.id),
  );
  return {
    name: system.name,
    has: (item) =>
      (item.taskId !== undefined && tasks.has(item.taskId)) || (item.kind === 'deadline' && saying.has(item.id)),
  };
}

/** Whether the item's date falls in the span; a month-precision date counts for its whole month. */
export function inSpan(item: Pick<DatedItem, 'date' | 'precision'>, start: string, end: string): boolean {
  const last = item.precision === 'month' ? lastDay({ ...item, relation: 'on' }) : item.date;
  return firstDay(item) <= end && last >= start;
}

/** The first day the item's date covers (the 1st for a month-precision date), YYYY-MM-DD. */
export function firstDay(item: Pick<DatedItem, 'date' | 'precision'>): string {
  return item.precision === 'month' ? `${item.date}-01` : item.date;
}

/**
 * The last day on which the item is still ahead, YYYY-MM-DD: the month's last day for a
 * month-precision date, the day before for "before" (on the date itself it is too late).
 */
export function lastDay(item: Pick<DatedItem, 'date' | 'precision' | 'relation'>): string {
  const start = DateTime.fromISO(firstDay(item), { zone: ZONE });
  const last =
    item.precision === 'month' ? start.endOf('month') : item.relation === 'before' ? start.minus({ days: 1 }) : start;
  return last.toISODate() ?? item.date;
}

/** Today's date in Denmark, YYYY-MM-DD. */
export function copenhagenDate(now: DateTime): string {
  return now.setZone(ZONE).toISODate() ?? '';
}

/**
 * Dated items still ahead on `today` (its date in Copenhagen), soonest first by the first day
 * they cover; a month-precision item counts until its month ends. Ties keep file order.
 */
export function upcomingDeadlines(k: Knowledge, today: DateTime, limit?: number): DatedItem[] {
  const date = copenhagenDate(today);
  const ahead = datedItems(k)
    .filter((item) => lastDay(item) >= date)
    .sort((a, b) => firstDay(a).localeCompare(firstDay(b)));
  return limit === undefined ? ahead : ahead.slice(0, limit);
}

/** The task's own deadline and every deadline related to it, in datedItems order. */
export function datesForTask(k: Knowledge, taskId: string): DatedItem[] {
  return datedItems(k).filter((item) => item.taskId === taskId);
}
