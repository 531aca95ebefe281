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

// "den 14/11", "12/12-2018": a day and month in figures, where the words around it say it is a
// date (after "den", or with its year); "2/3 af kommunerne" is a share
const figuresDate = /(?<=\bden |\bd\. )(\d{1,2})\/(\d{1,2})(?:-(\d{4}))?(?![\d/])|\b(\d{1,2})\/(\d{1,2})-(\d{4})\b/gu;

/** "den 14/11" as "den 14. november", "12/12-2018" as "12. december 2018": as the answers write dates. */
function inWords(text: string): string {
  return text.replace(figuresDate, (whole, ...groups: (string | undefined)[]) => {
    const [day, month, year] = groups[0] !== undefined ? groups.slice(0, 3) : groups.slice(3, 6);
    const name = DANISH_MONTHS[Number(month) - 1];
    if (!name || Number(day) < 1 || Number(day) > 31) return whole;
    return [`${Number(day)}. ${name}`, year].filter(Boolean).join(' ');
  });
}

/**
 * Danish dates in a text as the answer's language writes them: "KLIK-udtræk 4. september
 * 2018" is "KLIK-udtræk 4 September 2018" in English, "oktober 2018" "October 2018" (names
 * stay, as titles do). A month alone, without a day or a year, is left as written. Dates in
 * figures ("den 14/11") are written out first, in both languages.
 */
export function datesInLanguage(context: { language: Language }, text: string): string {
  const written = inWords(text);
  if (context.language === 'da') return written;
  return written.replace(danishDate, (whole, day: string | undefined, month: string, year: string | undefined) => {
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
  return datesInLanguage(context, labelInLanguage(context, label));
}

/** A source label as the answer's language names it: the glossary is klikbot's "Ordliste" ("Glossary"). */
export function labelInLanguage(context: { language: Language }, label: string): string {
  return context.language === 'en' ? label.replace(/^Ordliste, ud fra /, 'Glossary, from ') : label;
}

/** "Kilde: …" / "Source: …" for a record's source. */
export function sourceLine(context: { language: Language }, label: string): string {
  return `${say(context, 'Kilde', 'Source')}: ${sourceLabel(context, label)}`;
}

/** The source line for several records: their labels, each once, in order. */
export function sourcesLine(context: { language: Language }, labels: string[]): string {
  return sourceLine(context, [...new Set(labels)].join('; '));
}
