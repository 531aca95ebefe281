import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { Occurrence, RemindableItem } from './types.js';
import { firstWorkingDayAfter, REMINDER_HOUR, workingDayOnOrBefore } from './working-days.js';

/** Days before a date that reminders go out when neither the data nor the subscription says otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [30, 14, 7, 1];

/** Unique, largest first: the order reminders go out in. */
function normalizedDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

function taskItems(knowledge: Knowledge): RemindableItem[] {
  return knowledge.tasks.flatMap((task) => {
    // a dropped task ("udgår") is no longer to be done: reminding of its date would mislead
    if (task.deadline === null || task.state === 'dropped') return [];
    return [
      {
        id: task.id,
        title: task.title,
        date: task.deadline,
        // a KLIK deadline is the last day the task may be done ("senest")
        relation: 'by' as const,
        taskId: task.id,
        responsibleRoleIds: [...task.responsibleRoles],
        days: normalizedDays(task.reminderDays ?? DEFAULT_REMINDER_DAYS),
        sourceLabel: task.source.label,
      },
    ];
  });
}

function deadlineItems(knowledge: Knowledge): RemindableItem[] {
  return knowledge.deadlines.flatMap((deadline) => {
    // "oktober 2018" has no day to count back from
    if (deadline.precision !== 'day') return [];
    const item: RemindableItem = {
      id: deadline.id,
      title: deadline.title,
      date: deadline.date,
      relation: deadline.relation,
      responsibleRoleIds: [...deadline.responsibleRoles],
      days: normalizedDays(deadline.reminderDays ?? DEFAULT_REMINDER_DAYS),
      sourceLabel: deadline.source.label,
    };
    if (deadline.relatedTask) item.taskId = deadline.relatedTask;
    return [item];
  });
}

/** Every dated item with a day to remind of: task deadlines and day-precision deadlines.json records, by date, then id. */
export function remindableItems(knowledge: Knowledge): RemindableItem[] {
  return [...taskItems(knowledge), ...deadlineItems(knowledge)].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** 09:00 Copenhagen wall-clock time on a day, whatever its UTC offset (CEST or CET). */
function atReminderHour(day: DateTime): DateTime {
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: REMINDER_HOUR }, { zone: ZONE });
}

function dateOf(item: RemindableItem): DateTime {
  const date = DateTime.fromISO(item.date, { zone: ZONE });
  if (!date.isValid) throw new Error(`Reminder item "${item.id}" has no valid date: "${item.date}"`);
  return date;
}

/**
 * Before-reminders on the working day on or before date − days; one 'after' on the first
 * working day after the date, only when taskId is set (only a task can be done, so only then
 * does "not done yet" mean anything). Sorted by `at`; two that land on the same day become
 * one, the one nearer the date.
 */
export function occurrencesOf(item: RemindableItem, days: readonly number[] = item.days): Occurrence[] {
  const date = dateOf(item);
  const byDay = new Map<string, Occurrence>();
  // smallest first, so the first to claim a day is the one kept
  for (const daysBefore of normalizedDays(days).reverse()) {
    const at = atReminderHour(workingDayOnOrBefore(date.minus({ days: daysBefore })));
    const key = at.toISODate() ?? '';
    if (byDay.has(key)) continue;
    byDay.set(key, { id: `${item.id}@${item.date}/-${daysBefore}`, itemId: item.id, kind: 'before', daysBefore, at });
  }
  const occurrences = [...byDay.values()];
  if (item.taskId !== undefined) {
    const at = atReminderHour(firstWorkingDayAfter(date));
    occurrences.push({ id: `${item.id}@${item.date}/after`, itemId: item.id, kind: 'after', daysBefore: -1, at });
  }
  return occurrences.sort((a, b) => a.at.toMillis() - b.at.toMillis());
}
