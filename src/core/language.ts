import { detectLanguage } from '../understanding/language.js';
import type { Language, Reply, Turn } from './types.js';

/**
 * A pressed button carries no text to tell the language by, so each button remembers the
 * language of the answer it sits on (`lang`); the next answer keeps it.
 */
export function languageOf(turn: Turn): Language {
  const remembered = turn.action?.args.lang;
  if (remembered === 'da' || remembered === 'en') return remembered;
  return detectLanguage(turn.text, turn.locale);
}

/** Each button (and a form's submit) remembers the language of the answer it sits on (an own copy's shared card too). */
export function withLanguage(replies: Reply[], language: Language): Reply[] {
  return replies.map((reply) => remembered(reply, language));
}

function remembered(reply: Reply, language: Language): Reply {
  const buttons = reply.buttons?.map((b) => ({
    ...b,
    action: { ...b.action, args: { ...b.action.args, lang: language } },
  }));
  const ownCopy = reply.ownCopy && { ...reply.ownCopy, shared: remembered(reply.ownCopy.shared, language) };
  // a form's submit is a press too: its answer keeps the language the form was asked in
  const form = reply.form && {
    ...reply.form,
    submit: { ...reply.form.submit, args: { ...reply.form.submit.args, lang: language } },
  };
  return { ...reply, ...(buttons ? { buttons } : {}), ...(ownCopy ? { ownCopy } : {}), ...(form ? { form } : {}) };
}
