import type { Language } from '../../src/core/types.js';

/** Picks the Danish or English wording. */
export function say(context: { language: Language }, da: string, en: string): string {
  return context.language === 'da' ? da : en;
}

const danishMonths = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const danishDay = new RegExp(`\\b(\\d{1,2})\\. (${danishMonths.join('|')}) (\\d{4})\\b`, 'g');

/**
 * A source's label as the answer's language writes its date: "KLIK-udtræk 4. september 2018"
 * is "KLIK-udtræk 4 September 2018" in English (the name stays, as titles do).
 */
export function sourceLabel(context: { language: Language }, label: string): string {
  if (context.language === 'da') return label;
  return label.replace(
    danishDay,
    (_, day: string, month: string, year: string) =>
      `${day} ${englishMonths[danishMonths.indexOf(month)] ?? month} ${year}`,
  );
}

/** "Kilde: …" / "Source: …" for a record's source. */
export function sourceLine(context: { language: Language }, label: string): string {
  return `${say(context, 'Kilde', 'Source')}: ${sourceLabel(context, label)}`;
}

/** The source line for several records: their labels, each once, in order. */
export function sourcesLine(context: { language: Language }, labels: string[]): string {
  return sourceLine(context, [...new Set(labels)].join('; '));
}
