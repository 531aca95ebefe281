import type { Language } from '../../src/core/types.js';

/** Picks the Danish or English wording. */
export function say(context: { language: Language }, da: string, en: string): string {
  return context.language === 'da' ? da : en;
}

/** "Kilde: …" / "Source: …" for a record's source. */
export function sourceLine(context: { language: Language }, label: string): string {
  return `${say(context, 'Kilde', 'Source')}: ${label}`;
}

/** The source line for several records: their labels, each once, in order. */
export function sourcesLine(context: { language: Language }, labels: string[]): string {
  return sourceLine(context, [...new Set(labels)].join('; '));
}
