import { randomUUID } from 'node:crypto';
import type { Reply } from '../../src/core/types.js';
import { ASK_KOMBIT_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { shownText } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionServices, DialogContext } from '../types.js';
import { ANSWERED_MAX, ASKED_MAX, cut } from './handover.js';
import { learnedFor, learnedReply } from './learned.js';

/** The sentences of an "I don't know" that point to the programme's mailbox. */
const MAILBOX_SENTENCE =
  / ?(?:Andre spørgsmål: |Other questions: |Spørg KOMBIT på |Ask KOMBIT at )mbprogrammet@kombit\.dk\.?/gu;

/** What is no question for KOMBIT: a greeting, asking what klikbot can do. */
const noQuestion = new Set(['help']);

/** The reply a "Spørg KOMBIT" button goes on: the last that is a plain answer (not a form, a file or a private note). */
function lastPlain(replies: Reply[]): number {
  for (let index = replies.length - 1; index >= 0; index -= 1) {
    const reply = replies[index]!;
    if (!reply.form && !reply.file && !reply.private) return index;
  }
  return -1;
}

/**
 * The answer to a question asked in words, as the person gets it: KOMBIT's learned answer where
 * it fits better than the material's (or the material has none), and, where KOMBIT's experts
 * take questions, a "Spørg KOMBIT" button that hands the question over; without them, "I don't
 * know" keeps the mailbox.
 */
export async function withAskKombit(
  context: DialogContext,
  services: ActionServices,
  replies: Reply[],
  intent: string | undefined,
): Promise<Reply[]> {
  const ask = services.askKombit;
  const question = context.turn.text.trim();
  if (!ask || question === '' || (intent !== undefined && noQuestion.has(intent))) return replies;
  const knowsNothing = replies.length > 0 && replies.every((reply) => reply.notKnown);
  const found = learnedFor(context.knowledge, ask.questions.learned(), question, !knowsNothing);
  // given only in place of one answer in the asker's language: beside the other answers of a
  // message of several questions, or in the other language, it is offered
  const learned =
    found && found.how === 'given' && (replies.length > 1 || found.learned.language !== context.language)
      ? { ...found, how: 'offered' as const }
      : found;
  // given, it is the answer; offered, it stands after the material's answer (or its "I don't know")
  const answered = !learned
    ? replies
    : learned.how === 'given'
      ? [learnedReply(context, learned)]
      : [...replies, learnedReply(context, learned)];
  if (!ask.questions.experts()) return answered;
  // on the "I don't know" where there is one (a learned answer offered may follow it)
  const unknownAt = answered.findLastIndex((reply) => reply.notKnown === true);
  const at = unknownAt >= 0 ? unknownAt : lastPlain(answered);
  if (at === -1) return answered;
  const button = dialogButton(say(context, 'Spørg KOMBIT', 'Ask KOMBIT'), ASK_KOMBIT_DIALOGS.open, {
    q: cut(question, ASKED_MAX),
    a: cut(shownText(answered), ANSWERED_MAX),
    id: randomUUID(),
  });
  const target = answered[at]!;
  // the button takes the mailbox's place: one way to ask a person, not two
  const withoutMailbox = target.text.replace(MAILBOX_SENTENCE, '').trimEnd();
  const offered: Reply = target.notKnown
    ? {
        ...target,
        text: `${withoutMailbox}\n\n${say(context, 'Tryk «Spørg KOMBIT», så sender jeg spørgsmålet til KOMBITs eksperter, og svaret kommer her.', 'Press "Ask KOMBIT" and I will send the question to KOMBIT\'s experts; the answer comes here.')}`,
        buttons: [button, ...(target.buttons ?? [])],
      }
    : { ...target, buttons: [...(target.buttons ?? []), button] };
  return answered.map((reply, index) => (index === at ? offered : reply));
}
