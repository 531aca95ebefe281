import { z } from 'zod';
import { addressOf } from '../../src/core/address.js';
import { textField, type Reply } from '../../src/core/types.js';
import { NOTE_MAX, OPEN_QUESTIONS_PER_PERSON, type KombitQuestion } from '../../src/state/kombit-questions.js';
import { ASK_KOMBIT_DIALOGS } from '../names.js';
import { notice, PROGRAMME_MAILBOX } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { notHere, unreadable } from './common.js';
import { personOfTurn } from '../shared/people.js';
import { postToExperts } from './delivery.js';

/** How much of the question and of klikbot's answer a "Spørg KOMBIT" button carries (the channels read a button's argument up to 500 characters). */
export const ASKED_MAX = 480;
export const ANSWERED_MAX = 300;

const handoverArgs = z.object({
  q: z.string().trim().min(1).max(ASKED_MAX),
  a: z.string().max(ANSWERED_MAX).optional(),
  id: z.uuid(),
});

const sendArgs = handoverArgs.extend({ note: z.string().trim().max(10_000).optional() });

/** The question as a button carries it: cut at a word, with an ellipsis, where it is longer. */
export function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cutAt = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cutAt > max / 2 ? cutAt : max - 1)}…`;
}

/** The form where the asker may add a line before the question goes to KOMBIT. */
export const askKombitOpen: ActionDialog = async (context, args, services) => {
  if (!services.askKombit) return notHere(context);
  const parsed = handoverArgs.safeParse(args);
  if (!parsed.success) return unreadable(context);
  const submit = {
    dialog: ASK_KOMBIT_DIALOGS.send,
    args: parsed.data.a === undefined ? { q: parsed.data.q, id: parsed.data.id } : parsed.data,
  };
  return [
    {
      text: say(
        context,
        `Jeg sender dit spørgsmål til KOMBITs eksperter: »${inert(parsed.data.q)}«. Du kan tilføje en linje, fx hvad du skal bruge svaret til. Dit navn ser kun eksperterne.`,
        `I will send your question to KOMBIT's experts: "${inert(parsed.data.q)}". You may add a line, e.g. what you need the answer for. Only the experts see your name.`,
      ),
      form: {
        id: 'ask-kombit',
        title: say(context, 'Spørg KOMBIT', 'Ask KOMBIT'),
        submitLabel: say(context, 'Send til KOMBIT', 'Send to KOMBIT'),
        fields: [
          textField({
            id: 'note',
            label: say(context, 'Din linje (kan udelades)', 'Your line (optional)'),
            maxLength: NOTE_MAX,
            optional: true,
            multiline: true,
          }),
        ],
        submit,
        open: { dialog: ASK_KOMBIT_DIALOGS.open, args: submit.args },
      },
    },
  ];
};

/** Why a question was not handed over, where it was not. */
function refusal(context: DialogContext, outcome: 'exists' | 'too-many'): Reply[] {
  if (outcome === 'exists')
    return notice(
      say(context, 'Det spørgsmål er allerede sendt til KOMBIT.', 'That question has already been sent to KOMBIT.'),
    );
  return notice(
    say(
      context,
      `Du har ${OPEN_QUESTIONS_PER_PERSON} spørgsmål hos KOMBIT, der venter på svar. Når et af dem er besvaret, kan du sende et nyt; haster det, så skriv til ${PROGRAMME_MAILBOX}.`,
      `You have ${OPEN_QUESTIONS_PER_PERSON} questions with KOMBIT awaiting an answer. Once one is answered you can send another; if it is urgent, write to ${PROGRAMME_MAILBOX}.`,
    ),
  );
}

/** The question as it is stored, from the turn that sends it (who and where come from the turn, never the button). */
function questionOf(
  context: DialogContext,
  services: ActionServices,
  args: z.infer<typeof sendArgs>,
  expertsIn: { channel: string; conversationId: string },
): KombitQuestion {
  const { turn } = context;
  const municipalityId = services.memberships.get(turn.conversation.channel, turn.user.id)?.municipalityId;
  return {
    id: args.id,
    text: args.q,
    ...(args.note ? { note: args.note } : {}),
    ...(args.a ? { klikbotAnswer: args.a } : {}),
    language: context.language,
    asker: personOfTurn(turn),
    ...(municipalityId ? { municipalityId } : {}),
    askedIn: {
      ...addressOf(turn),
      ...(turn.conversation.thread ? { thread: turn.conversation.thread.slice(0, 300) } : {}),
      ...(turn.conversation.kind ? { kind: turn.conversation.kind } : {}),
    },
    askedAt: turn.now.toUTC().toISO() ?? '',
    expertsIn: { channel: expertsIn.channel, conversationId: expertsIn.conversationId },
  };
}

/**
 * Hands the question to KOMBIT: stored first (a second press of the same form is the same
 * question), then the card to the expert conversation; if that cannot be reached now, the timed
 * work posts it later. The asker hears where the answer will come.
 */
export const askKombitSend: ActionDialog = async (context, args, services) => {
  const ask = services.askKombit;
  if (!ask) return notHere(context);
  const parsed = sendArgs.safeParse(args);
  if (!parsed.success) return unreadable(context);
  if ((parsed.data.note ?? '').length > NOTE_MAX)
    return notice(
      say(
        context,
        `Din linje er på ${parsed.data.note!.length} tegn; der er plads til ${NOTE_MAX}. Intet er sendt: gør den kortere, og send igen.`,
        `Your line is ${parsed.data.note!.length} characters; there is room for ${NOTE_MAX}. Nothing was sent: shorten it and send again.`,
      ),
    );
  const experts = ask.questions.experts();
  if (!experts)
    return notice(
      say(
        context,
        `Ingen hos KOMBIT tager imod spørgsmål gennem mig endnu. Skriv til ${PROGRAMME_MAILBOX}.`,
        `Nobody at KOMBIT takes questions through me yet. Write to ${PROGRAMME_MAILBOX}.`,
      ),
    );
  const question = questionOf(context, services, parsed.data, experts);
  const outcome = await ask.questions.ask(question);
  if (outcome !== 'stored') return refusal(context, outcome);
  await postToExperts(context.knowledge, ask, question);
  const where = question.askedIn.thread
    ? say(context, ' i denne tråd', ' in this thread')
    : say(context, ' her', ' here');
  return [
    {
      text: say(
        context,
        `Sendt til KOMBIT: »${inert(question.text)}«. Når en ekspert har svaret, skriver jeg svaret${where}.`,
        `Sent to KOMBIT: "${inert(question.text)}". When an expert has answered, I will write the answer${where}.`,
      ),
    },
  ];
};
