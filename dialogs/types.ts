import type { Knowledge } from '../src/knowledge/registry.js';
import type { Language, Reply, Turn } from '../src/core/types.js';

/** What every dialog gets: the turn, the knowledge base and the language to answer in. */
export interface DialogContext {
  turn: Turn;
  knowledge: Knowledge;
  language: Language;
}

/** A dialog answers one kind of question; `args` come from a button or from the router. */
export type Dialog = (context: DialogContext, args: Record<string, string>) => Reply[];

/** Picks the Danish or English wording. */
export function say(context: { language: Language }, da: string, en: string): string {
  return context.language === 'da' ? da : en;
}

/** "Kilde: …" / "Source: …" for a record's source. */
export function sourceLine(context: { language: Language }, label: string): string {
  return `${say(context, 'Kilde', 'Source')}: ${label}`;
}

/** A button that asks klikbot a question, as if the person had typed it. */
export function askButton(title: string, question: string = title) {
  return { title, action: { dialog: 'ask', args: { text: question } } };
}
