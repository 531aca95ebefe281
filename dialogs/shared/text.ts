import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import { remembering } from '../../src/lib/memo.js';
import { daysUntil, relativeDays } from '../../src/core/format.js';
import type { Language } from '../../src/core/types.js';
import type { TaskKind } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { say } from './say.js';

// a zero-width space: invisible, but no renderer reads a link or an address across it
const BREAK = '\u200B';

/**
 * Text a person typed (a poll's question and options, a name), made inert for everyone else
 * who sees it: a Markdown link "[klik](https://…)", a bare or protocol-relative address
 * ("https://…", "//…", even glued to a word) or "www." is shown as text
 * in Slack, Teams and the web chat, never as a live link; emphasis markers never format.
 */
export function inert(text: string): string {
  return text
    .replace(/\](\s*)\(/g, `]$1${BREAK}(`)
    .replace(/(https?|ftp|mailto|tel):/gi, `$1${BREAK}:`)
    .replace(/www\./gi, `www${BREAK}.`)
    .replace(/\/\//g, `/${BREAK}/`)
    .replace(/[*_~`]/g, (marker) => LOOK_ALIKES[marker]!);
}

/**
 * Emphasis and code markers a person typed, as characters that look the same but that no
 * renderer reads as formatting (an invisible break does not stop Markdown emphasis): "*fed*"
 * is shown with its stars, not in bold, in Slack, Teams and the web chat.
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '*': '\u2217',
  _: '\u02CD',
  '~': '\u223C',
  '`': '\u02CB',
};

/** "A, B og C" / "A, B and C". */
export function joinAnd(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(', ')} ${language === 'da' ? 'og' : 'and'} ${last}`;
}

/** A text bar `width` characters wide, filled in proportion to count / total: "███████░░░". */
export function textBar(count: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.max(0, Math.round((count / total) * width))) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** A date without its weekday: "12. december 2018" / "12 December 2018". */
export const shortDate: (iso: string, language: Language) => string = remembering(
  (iso: string, language: Language) => `${iso} ${language}`,
  (iso: string, language: Language) => {
    const date = DateTime.fromISO(iso, { zone: ZONE }).setLocale(language === 'da' ? 'da' : 'en-GB');
    return language === 'da' ? date.toFormat("d'.' LLLL yyyy") : date.toFormat('d LLLL yyyy');
  },
);

/** " (om 14 dage)": how far a day-precision date is from the turn's clock. */
export function daysLeftText(context: DialogContext, iso: string): string {
  return ` (${relativeDays(daysUntil(iso, context.turn.now), context.language)})`;
}

/** How a span reads: "i december 2018" for a whole month, "på …" for one day, else "fra … til …". */
export function spanText(context: DialogContext, start: string, end: string): string {
  const first = DateTime.fromISO(start, { zone: ZONE });
  const last = DateTime.fromISO(end, { zone: ZONE });
  const lang = context.language;
  if (first.hasSame(last, 'month') && first.day === 1 && last.day === last.daysInMonth) {
    const month = first.setLocale(lang === 'da' ? 'da' : 'en-GB').toFormat('LLLL yyyy');
    return say(context, `i ${month}`, `in ${month}`);
  }
  if (start === end) return say(context, `den ${shortDate(start, lang)}`, `on ${shortDate(start, lang)}`);
  return say(
    context,
    `fra ${shortDate(start, lang)} til ${shortDate(end, lang)}`,
    `from ${shortDate(start, lang)} to ${shortDate(end, lang)}`,
  );
}

const taskKindWords: Record<TaskKind, { one: [string, string]; many: [string, string] }> = {
  basis: { one: ['basisopgave', 'basis task'], many: ['basisopgaver', 'basis tasks'] },
  'solution-specific': {
    one: ['løsningsspecifik opgave', 'solution-specific task'],
    many: ['løsningsspecifikke opgaver', 'solution-specific tasks'],
  },
  operations: {
    one: ['opgave i drift og forvaltning', 'operations task'],
    many: ['opgaver i drift og forvaltning', 'operations tasks'],
  },
};

/** Every name of a kind of task, in both languages, one and many. */
export function taskKindNames(kind: TaskKind): string[] {
  const words = taskKindWords[kind];
  return [...words.one, ...words.many];
}

/** A kind of task in words: "basisopgave", "løsningsspecifikke opgaver". */
export function taskKindText(context: DialogContext, kind: TaskKind, form: 'one' | 'many'): string {
  const words = taskKindWords[kind][form];
  return say(context, words[0], words[1]);
}
