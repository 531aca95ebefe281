import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import { remembering } from '../lib/memo.js';
import type { Language } from './types.js';

const locales: Record<Language, string> = { da: 'da', en: 'en-GB' };

// the data's dates are few and asked for on every question: each is formatted once
const formatted = remembering(
  (isoDate: string, language: Language, precision: 'day' | 'month') => `${isoDate} ${language} ${precision}`,
  (isoDate: string, language: Language, precision: 'day' | 'month') => {
    const date = DateTime.fromISO(isoDate, { zone: ZONE }).setLocale(locales[language]);
    if (precision === 'month') return date.toFormat('LLLL yyyy');
    return language === 'da' ? date.toFormat("cccc d'.' LLLL yyyy") : date.toFormat('cccc d LLLL yyyy');
  },
);

/** A date in the seed's form: "torsdag 1. november 2018" / "Thursday 1 November 2018". */
export function formatDate(isoDate: string, language: Language, precision: 'day' | 'month' = 'day'): string {
  return formatted(isoDate, language, precision);
}

const MS_PER_DAY = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date's day number (days since 1970-01-01), whatever its zone. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whole calendar days from `today` to `isoDate` in Copenhagen (negative when past). */
export function daysUntil(isoDate: string, today: DateTime): number {
  const local = today.setZone(ZONE);
  const start = dayNumber(local.year, local.month, local.day);
  // a plain date is counted on the calendar, without making a DateTime for it
  const plain = DATE_ONLY.exec(isoDate);
  if (plain) {
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    const days = dayNumber(year, month, day);
    // Date.UTC rolls 30 February over into March; a date that is not on the calendar is no count
    return new Date(days * MS_PER_DAY).getUTCDate() === day && month >= 1 && month <= 12 ? days - start : Number.NaN;
  }
  const target = DateTime.fromISO(isoDate, { zone: ZONE });
  return dayNumber(target.year, target.month, target.day) - start;
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
