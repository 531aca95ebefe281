import type { Language } from '../../src/core/types.js';
import { DANISH_MONTHS, ENGLISH_MONTHS } from '../../src/lib/months.js';

/** Picks the Danish or English wording. */
export function say(context: { language: Language }, da: string, en: string): string {
  return context.language === 'da' ? da : en;
}

// "4. september 2018", "den 12. september", "oktober 2018": a Danish date, with or without its year or day
const danishDate = new RegExp(
  `(?<![\\p{L}\\d])(?:(\\d{1,2})\\. ?)?(${DANISH_MONTHS.join('|')})(?: (\\d{4}))?(?![\\p{L}\\d])`,
  'gu',
);

/**
 * Danish dates in a text as the answer's language writes them: "KLIK-udtræk 4. september
 * 2018" is "KLIK-udtræk 4 September 2018" in English, "oktober 2018" "October 2018" (names
 * stay, as titles do). A month alone, without a day or a year, is left as written.
 */
export function datesInLanguage(context: { language: Language }, text: string): string {
  if (context.language === 'da') return text;
  return text.replace(danishDate, (whole, day: string | undefined, month: string, year: string | undefined) => {
    if (day === undefined && year === undefined) return whole;
    const english = ENGLISH_MONTHS[DANISH_MONTHS.indexOf(month)] ?? month;
    return [day, english, year].filter(Boolean).join(' ');
  });
}

/**
 * A sentence of the material, which is Danish, in an answer: as written in a Danish answer; in
 * an English one said to be Danish, its dates written the English way.
 */
export function materialText(context: { language: Language }, text: string): string {
  return context.language === 'da' ? text : `In Danish: ${datesInLanguage(context, text)}`;
}

/** A source's label with its date as the answer's language writes it. */
export function sourceLabel(context: { language: Language }, label: string): string {
  return datesInLanguage(context, label);
}

/** "Kilde: …" / "Source: …" for a record's source. */
export function sourceLine(context: { language: Language }, label: string): string {
  return `${say(context, 'Kilde', 'Source')}: ${sourceLabel(context, label)}`;
}

/** The source line for several records: their labels, each once, in order. */
export function sourcesLine(context: { language: Language }, labels: string[]): string {
  return sourceLine(context, [...new Set(labels)].join('; '));
}
