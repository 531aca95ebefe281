import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { daysUntil, relativeDays } from '../../src/core/format.js';
import type { Language, Reply, ReplyButton } from '../../src/core/types.js';
import { isoDate } from '../../src/knowledge/common.js';
import { say, sourceLine, type DialogContext } from '../types.js';

/**
 * The names under which the router registers the dialogs of status, overview, rollout,
 * strategies, events, contacts, news, role lists, task info and date spans; buttons name them.
 */
export const dialogNames = {
  status: 'status',
  overview: 'overview',
  rollout: 'rollout',
  pilots: 'pilots',
  strategies: 'strategies',
  events: 'events',
  nextMeeting: 'next-meeting',
  agendaToday: 'agenda-today',
  contacts: 'contacts',
  news: 'news',
  roleList: 'role-list',
  taskInfo: 'task-info',
  taskList: 'task-list',
  deadlineSpan: 'deadline-span',
  overdue: 'overdue',
} as const;

/** A button that runs a dialog with the given arguments. */
export function dialogButton(title: string, dialog: string, args: Record<string, string> = {}): ReplyButton {
  return { title, action: { dialog, args } };
}

/** The plain answer to an id or argument klikbot does not know: one sentence, nothing else. */
export function unknownReply(context: DialogContext, da: string, en: string): Reply[] {
  return [{ text: say(context, da, en), notKnown: true }];
}

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
export const LOOK_ALIKES: Readonly<Record<string, string>> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };

/** What is meant for the asker alone (an export): where the channel sends it instead of the conversation, and the note left there. */
export function privately(context: DialogContext): NonNullable<Reply['private']> {
  return { note: say(context, 'Sendt til dig privat.', 'Sent to you privately.') };
}

/** The programme's mailbox, where what the material does not hold can be asked. */
export const PROGRAMME_MAILBOX = 'mbprogrammet@kombit.dk';

/**
 * The material holds nothing on what was asked (no national status for a task, a
 * municipality outside the pilots): say so, and where a person can answer it.
 */
export function notInMaterial(context: DialogContext, da: string, en: string): Reply[] {
  return [{ text: say(context, `${da} Spørg KOMBIT på ${PROGRAMME_MAILBOX}.`, `${en} Ask KOMBIT at ${PROGRAMME_MAILBOX}.`), notKnown: true }];
}

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
export function shortDate(iso: string, language: Language): string {
  const date = DateTime.fromISO(iso, { zone: ZONE }).setLocale(language === 'da' ? 'da' : 'en-GB');
  return language === 'da' ? date.toFormat("d'.' LLLL yyyy") : date.toFormat('d LLLL yyyy');
}

/** " (om 14 dage)" for a day-precision date, relative to the turn's clock. */
export function daysText(context: DialogContext, iso: string): string {
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
  return say(context, `fra ${shortDate(start, lang)} til ${shortDate(end, lang)}`, `from ${shortDate(start, lang)} to ${shortDate(end, lang)}`);
}

/** The source line for several records: their labels, each once, in order. */
export function sourcesLine(context: DialogContext, labels: string[]): string {
  return sourceLine(context, [...new Set(labels)].join('; '));
}

/** A comma-separated argument as a list of trimmed, non-empty values. */
export function listArg(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A span argument pair, both YYYY-MM-DD real dates, start not after end. */
export const spanArgs = z
  .object({ start: isoDate, end: isoDate })
  .refine((span) => span.start <= span.end, { message: 'start must not be after end' });

/** An optional span: both ends or neither. */
export const optionalSpanArgs = z.union([spanArgs, z.object({ start: z.undefined().optional(), end: z.undefined().optional() })]);

/** A card whose text is the intro, the list as bullets and any closing lines, so `text` stands alone. */
export function listReply(parts: {
  heading?: string;
  intro: string;
  list: string[];
  after?: string[];
  source: string;
  buttons: ReplyButton[];
}): Reply {
  const after = parts.after ?? [];
  const text = [parts.intro, ...parts.list.map((line) => `- ${line}`), ...after].join('\n');
  return {
    ...(parts.heading ? { heading: parts.heading } : {}),
    text,
    intro: parts.intro,
    list: parts.list,
    ...(after.length > 0 ? { outro: after.join('\n') } : {}),
    source: parts.source,
    buttons: parts.buttons.slice(0, 3),
  };
}
