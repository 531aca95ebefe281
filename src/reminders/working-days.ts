import type { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import { danishPublicHolidays } from './danish-holidays.js';

/** The hour, Copenhagen local time, at which reminders go out. */
export const REMINDER_HOUR = 9;

/**
 * Not public holidays by law, but days off in the Danish public sector, where the programme
 * leaders work (Grundlovsdag from noon at least, usually all day; 24 and 31 December by
 * collective agreement): a reminder on them would sit unread.
 */
const PUBLIC_SECTOR_DAYS_OFF = ['06-05', '12-24', '12-31'];

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** ISO dates (YYYY-MM-DD) in `year` that are not working days, besides weekends. */
function daysOffIn(year: number): ReadonlySet<string> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const days = new Set<string>([
    ...PUBLIC_SECTOR_DAYS_OFF.map((monthDay) => `${year}-${monthDay}`),
    ...danishPublicHolidays(year),
  ]);
  holidaysByYear.set(year, days);
  return days;
}

/** The Copenhagen calendar day of an instant, at its start. */
function dayIn(day: DateTime): DateTime {
  return day.setZone(ZONE).startOf('day');
}

/** Whether the Copenhagen day of `day` is Monday–Friday and not a Danish public holiday, 5 June, 24 or 31 December. */
export function isWorkingDay(day: DateTime): boolean {
  const local = day.setZone(ZONE);
  const iso = local.toISODate();
  // an invalid DateTime would otherwise pass as a working day and yield a reminder at no time
  if (iso === null)
    throw new Error(`Not a valid day: ${local.invalidExplanation ?? local.invalidReason ?? 'invalid DateTime'}`);
  if (local.weekday > 5) return false;
  return !daysOffIn(local.year).has(iso);
}

/** The start (Copenhagen) of `day` if it is a working day, else of the last working day before it. */
export function workingDayOnOrBefore(day: DateTime): DateTime {
  let current = dayIn(day);
  while (!isWorkingDay(current)) current = current.minus({ days: 1 });
  return current;
}

/** The start (Copenhagen) of the first working day after `day`. */
export function firstWorkingDayAfter(day: DateTime): DateTime {
  let current = dayIn(day).plus({ days: 1 });
  while (!isWorkingDay(current)) current = current.plus({ days: 1 });
  return current;
}
