import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { DialogContext } from '../types.js';
import { say } from './say.js';

/**
 * A reply for the person who asked only, that changed nothing: a refusal, a question back, a
 * "not here". Never in place of a card; `extra` adds buttons and the like.
 */
export function notice(text: string, extra: Partial<Reply> = {}): Reply[] {
  return [{ text, notice: true, ...extra }];
}

/** The plain answer to an id or argument klikbot does not know: one sentence, nothing else. */
export function unknownReply(context: DialogContext, da: string, en: string): Reply[] {
  return [{ text: say(context, da, en), notKnown: true }];
}

/** Everything the replies show as words: heading, text, intro and outro, facts and list lines. */
export function shownText(replies: Reply[]): string {
  return replies
    .flatMap((reply) => [
      reply.heading ?? '',
      reply.text,
      reply.intro ?? '',
      reply.outro ?? '',
      ...(reply.facts ?? []).map((fact) => `${fact.label} ${fact.value}`),
      ...(reply.list ?? []),
    ])
    .join('\n');
}

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
  return [
    {
      text: say(context, `${da} Spørg KOMBIT på ${PROGRAMME_MAILBOX}.`, `${en} Ask KOMBIT at ${PROGRAMME_MAILBOX}.`),
      notKnown: true,
    },
  ];
}

/**
 * A card whose text is the intro, the list as bullets and any closing lines, so `text` stands
 * alone. A notification shows the intro (or `summary`): the lead sentence, not the whole list.
 */
export function listReply(parts: {
  heading?: string;
  intro: string;
  list: string[];
  after?: string[];
  source: string;
  buttons: ReplyButton[];
  summary?: string;
}): Reply {
  const after = parts.after ?? [];
  const text = [parts.intro, ...parts.list.map((line) => `- ${line}`), ...after].join('\n');
  return {
    ...(parts.heading ? { heading: parts.heading } : {}),
    text,
    summary: parts.summary ?? parts.intro,
    intro: parts.intro,
    list: parts.list,
    ...(after.length > 0 ? { outro: after.join('\n') } : {}),
    source: parts.source,
    buttons: parts.buttons.slice(0, 3),
  };
}

/** A check that failed: the notice that says why, for the dialog to answer with. */
export function refused(text: string): { ok: false; replies: Reply[] } {
  return { ok: false, replies: notice(text) };
}
