import { z } from 'zod';
import { addressOf } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import type { KombitQuestion } from '../../src/state/kombit-questions.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { administers } from '../membership/acting-for.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionServices, DialogContext } from '../types.js';

/** A question as the store hands it out. */
export type StoredQuestion = DeepReadonly<KombitQuestion>;

/** A button or form naming one question. */
export const questionIdArgs = z.object({ id: z.uuid() });

/** The refusal of a button or form that cannot be read. */
export function unreadable(context: DialogContext): Reply[] {
  return notice(
    say(context, 'Den knap kan jeg ikke læse. Intet er ændret.', 'I cannot read that button. Nothing was changed.'),
  );
}

/** The refusal where klikbot runs without handing questions over. */
export function notHere(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Her kan jeg ikke sende spørgsmål videre til KOMBIT. Skriv til mbprogrammet@kombit.dk.',
      'I cannot pass questions on to KOMBIT here. Write to mbprogrammet@kombit.dk.',
    ),
  );
}

/**
 * Whether the person may act on a question as KOMBIT's expert: pressed in the expert
 * conversation it was sent to (a card copied or replayed elsewhere acts on nothing), or by an
 * administrator.
 */
export function actsAsExpert(context: DialogContext, services: ActionServices, question: StoredQuestion): boolean {
  const here = addressOf(context.turn);
  if (here.channel === question.expertsIn.channel && here.conversationId === question.expertsIn.conversationId)
    return true;
  // elsewhere only in an administrator's own chat with klikbot: the card shows who asked
  return context.turn.conversation.kind === 'personal' && administers(context, services);
}

/** The refusal of an expert's button pressed by someone who is not one. */
export function notAnExpert(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Kun KOMBITs eksperter, i den samtale spørgsmålet blev sendt til, kan tage og besvare det. Intet er ændret.',
      "Only KOMBIT's experts, in the conversation the question was sent to, can take and answer it. Nothing was changed.",
    ),
  );
}
