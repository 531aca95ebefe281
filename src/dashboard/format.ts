import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import { relativeDays } from '../core/format.js';
import type { PageLanguage } from './words.js';

const locales: Record<PageLanguage, string> = { da: 'da', en: 'en-GB' };

/** A day as the pages write it: "1. november 2018" / "1 November 2018". */
export function dayText(isoDate: string, language: PageLanguage): string {
  const date = DateTime.fromISO(isoDate, { zone: ZONE }).setLocale(locales[language]);
  if (!date.isValid) return isoDate;
  return date.toFormat(language === 'da' ? "d'.' LLLL yyyy" : 'd LLLL yyyy');
}

/** A month without a day: "oktober 2018". */
export function monthText(isoMonth: string, language: PageLanguage): string {
  const date = DateTime.fromISO(`${isoMonth}-01`, { zone: ZONE }).setLocale(locales[language]);
  return date.isValid ? date.toFormat('LLLL yyyy') : isoMonth;
}

/** An instant in Copenhagen time: "6. september 2018 kl. 10.05" / "6 September 2018, 10:05". */
export function momentText(isoInstant: string, language: PageLanguage): string {
  const at = DateTime.fromISO(isoInstant).setZone(ZONE).setLocale(locales[language]);
  if (!at.isValid) return isoInstant;
  return language === 'da' ? at.toFormat("d'.' LLLL yyyy 'kl.' HH'.'mm") : at.toFormat('d LLLL yyyy, HH:mm');
}

/** "om 14 dage", "i dag", "for 3 dage siden". */
export function daysText(days: number, language: PageLanguage): string {
  return relativeDays(days, language);
}
