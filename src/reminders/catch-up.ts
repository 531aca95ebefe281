import type { DateTime } from 'luxon';
import { daysUntil } from '../core/format.js';
import type { Occurrence, RemindableItem } from './types.js';

/** How late a reminder may go out and still count as on time (a slow tick, a quick restart). */
export const ON_TIME_MINUTES = 60;

/** How long after its moment a reminder after a deadline is still worth sending. */
export const AFTER_REMINDER_DAYS = 3;

/**
 * Whether a reminder found late (klikbot was down when it came due) is still worth sending.
 * The rule: it is sent, counting days from now, unless a later reminder for the same deadline
 * has come due since (then only the later one goes), the deadline has passed (or, for
 * "inden", arrived), or it is a reminder after the deadline more than 3 days late. A
 * reminder found within an hour of its moment is on time and always sent.
 */
export function lateVerdict(
  item: RemindableItem,
  occurrence: Occurrence,
  siblings: readonly Occurrence[],
  now: DateTime,
): { send: true } | { send: false; reason: string } {
  if (now.toMillis() - occurrence.at.toMillis() <= ON_TIME_MINUTES * 60_000) return { send: true };
  const later = siblings.find((sibling) => sibling.at.toMillis() > occurrence.at.toMillis());
  if (later && later.at.toMillis() <= now.toMillis())
    return { send: false, reason: `missed while down; the later reminder ${later.id} replaces it` };
  if (occurrence.kind === 'after') {
    const daysLate = now.diff(occurrence.at, 'days').days;
    return daysLate > AFTER_REMINDER_DAYS
      ? { send: false, reason: `missed while down; more than ${AFTER_REMINDER_DAYS} days after the deadline` }
      : { send: true };
  }
  const daysLeft = daysUntil(item.date, now);
  const passed = item.relation === 'before' ? daysLeft <= 0 : daysLeft < 0;
  return passed ? { send: false, reason: 'missed while down; the deadline has passed' } : { send: true };
}
