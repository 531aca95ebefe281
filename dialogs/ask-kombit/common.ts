import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { addressOf } from '../../src/core/address.js';
import type { Language, Reply, Turn } from '../../src/core/types.js';
import type { AskPerson, KombitQuestion } from '../../src/state/kombit-questions.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { isAdministrator, isLocallyTrusted } from '../membership/acting-for.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionServices, DialogContext } from '../types.js';

/** A question as the store hands it out. */
export type StoredQuestion = DeepReadonly<KombitQuestion>;

/** The person behind a turn, as a question or an answer keeps them. */
export function personOfTurn(turn: Turn): AskPerson {
  return {
    channel: turn.conversation.channel,
    userId: turn.user.id,
    ...(turn.user.name !== undefined ? { name: turn.user.name.slice(0, 200) } : {}),
  };
}

/** How a person is named in a message: their name made inert, else their id. */
export function nameOf(person: AskPerson): string {
  return person.name ? inert(person.name) : `${person.channel}:${person.userId}`;
}

/** "6. december 2026 kl. 14.05" / "6 December 2026 at 14:05", Copenhagen time. */
export function momentText(iso: string, language: Language): string {
  const at = DateTime.fromISO(iso, { zone: ZONE });
  return language === 'da'
    ? at.setLocale('da').toFormat("d'. 'LLLL yyyy 'kl.' HH.mm")
    : at.setLocale('en-GB').toFormat("d LLLL yyyy 'at' HH:mm");
}

/** "6. december 2026" / "6 December 2026". */
export function dayText(iso: string, language: Language): string {
  const at = DateTime.fromISO(iso, { zone: ZONE });
  return language === 'da'
    ? at.setLocale('da').toFormat("d'. 'LLLL yyyy")
    : at.setLocale('en-GB').toFormat('d LLLL yyyy');
}

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
 * Whether the person may administer Ask KOMBIT (designate the experts, see who asked, change
 * learned answers): an administrator, or the one trusted person of local mode, so that it can
 * be tried in the web chat.
 */
export function administers(context: DialogContext, services: ActionServices): boolean {
  return isAdministrator(context.turn, services) || isLocallyTrusted(context, services);
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
