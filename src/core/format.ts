import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import type { Language } from './types.js';

const locales: Record<Language, string> = { da: 'da', en: 'en-GB' };

/** A date in the seed's form: "torsdag 1. november 2018" / "Thursday 1 November 2018". */
export function formatDate(isoDate: string, language: Language, precision: 'day' | 'month' = 'day'): string {
  const date = DateTime.fromISO(isoDate, { zone: ZONE }).setLocale(locales[language]);
  if (precision === 'month') return date.toFormat('LLLL yyyy');
  return language === 'da' ? date.toFormat("cccc d'.' LLLL yyyy") : date.toFormat('cccc d LLLL yyyy');
}

/** Whole calendar days from `today` to `isoDate` in Copenhagen (negative when past). */
export function daysUntil(isoDate: string, today: DateTime): number {
  const target = DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day');
  const start = today.setZone(ZONE).startOf('day');
  return Math.round(target.diff(start, 'days').days);
}

/** "om 14 dage", "i morgen", "i dag", "for 3 dage siden" (and the English forms). */
export function relativeDays(days: number, language: Language): string {
  if (language === 'en') {
    if (days === 0) return 'today';
    if (days === 1) return 'tomorrow';
    if (days === -1) return 'yesterday';
    return days > 0 ? `in ${days} days` : `${-days} days ago`;
  }
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgen';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${days} dage` : `for ${-days} dage siden`;
}
