import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { addressOf } from '../../src/core/address.js';
import { textField, type Reply, type ReplyButton, type ReplyForm } from '../../src/core/types.js';
import { findMeeting } from '../../src/knowledge/queries.js';
import { EVALUATION_TEXT_MAX, type EvaluationRepository } from '../../src/state/evaluations.js';
import { actorOf } from '../membership/acting-for.js';
import { activeSession, isHost, notHostReply, type WithMeetings } from '../meetings/host.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import {
  evaluationsOf,
  evaluationsUnavailable,
  evaluationTitle,
  findEvaluation,
  type StoredEvaluation,
} from './access.js';
import { say } from '../shared/say.js';
import { EVALUATION_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { dialogButton } from '../shared/buttons.js';

/** The three questions of the seed's "kort evaluering", by the ids the form submits them under. */
export const EVALUATION_QUESTIONS = { rating: 'rating', worked: 'worked', improve: 'improve' } as const;

/** "Hvad fungerede?" / "What worked?" */
export function workedLabel(context: Pick<DialogContext, 'language'>): string {
  return say(context, 'Hvad fungerede?', 'What worked?');
}

/** "Hvad kan vi gøre bedre?" / "What could we do better?" */
export function improveLabel(context: Pick<DialogContext, 'language'>): string {
  return say(context, 'Hvad kan vi gøre bedre?', 'What could we do better?');
}

/** Why nobody, host or administrator, can see who answered what: said wherever one is asked to answer. */
function anonymityLine(context: DialogContext): string {
  return say(
    context,
    'Svarene er anonyme: ingen – heller ikke værten eller en administrator – kan se, hvem der har svaret hvad.',
    'Answers are anonymous: nobody – not the host, not an administrator – can see who answered what.',
  );
}

function answerButton(context: DialogContext, evaluation: StoredEvaluation): ReplyButton {
  // in place of the card, so that in Teams the form opens for the person who pressed and no one else
  return {
    ...dialogButton(say(context, 'Svar på evalueringen', 'Answer the evaluation'), EVALUATION_DIALOGS.form, {
      evaluationId: evaluation.id,
    }),
    replacesCard: true,
  };
}

/** On the card, the results take its place for everyone (`from: card`); elsewhere they come as a new message and the card is rewritten. */
function closeButton(context: DialogContext, evaluation: StoredEvaluation, onCard: boolean): ReplyButton {
  const title = say(context, 'Luk og vis resultatet', 'Close and show the results');
  const args = { evaluationId: evaluation.id, ...(onCard ? { from: 'card' } : {}) };
  return { ...dialogButton(title, EVALUATION_DIALOGS.close, args), replacesCard: onCard };
}

/** The card posted in the conversation: what it is, that it is anonymous, and the button that opens the form. */
export function evaluationCard(context: DialogContext, evaluation: StoredEvaluation): Reply {
  const title = evaluationTitle(context, evaluation);
  const intro = say(
    context,
    `Giv ${title} en karakter fra 1 til 5, og skriv gerne, hvad der fungerede, og hvad vi kan gøre bedre.`,
    `Rate ${title} from 1 to 5, and do write what worked and what we could do better.`,
  );
  const heading = say(context, `Kort evaluering af ${title}`, `Short evaluation of ${title}`);
  const buttons = [answerButton(context, evaluation), closeButton(context, evaluation, true)];
  // for everyone in the conversation, however it was asked for
  return {
    heading,
    text: `${heading}: ${intro} ${anonymityLine(context)}`,
    intro,
    outro: anonymityLine(context),
    buttons,
    broadcast: true,
  };
}

const startArgs = z.object({ meetingId: z.string().min(1).max(100).optional() });

/** The meeting an evaluation started here is about: the one named, the one run here today, or today's; known: false when the named one is not known. */
function meetingFor(
  context: DialogContext,
  repository: EvaluationRepository,
  named: string | undefined,
): { known: true; meetingId?: string } | { known: false } {
  if (named !== undefined)
    return findMeeting(context.knowledge, named) ? { known: true, meetingId: named } : { known: false };
  const today = context.turn.now.setZone(ZONE).toISODate() ?? '';
  const meetingId =
    repository.meetingRunningIn(addressOf(context.turn), today) ??
    context.knowledge.meetings.find((meeting) => meeting.date === today)?.id;
  return meetingId === undefined ? { known: true } : { known: true, meetingId };
}

/**
 * 'evaluation-start' {meetingId?}: starts the seed's short evaluation in a group conversation
 * and posts its card; whoever starts it hosts it (closes it, exports it), as does an
 * administrator. One open evaluation per conversation.
 */
export const evaluationStart: ActionDialog = async (context, args, services) => {
  const repository = evaluationsOf(services);
  if (!repository) return evaluationsUnavailable(context);
  if (!context.turn.conversation.isGroup) {
    return notice(
      say(
        context,
        'En evaluering startes i den samtale, mødet holdes i: en kanal eller en gruppechat, hvor alle deltagerne kan svare.',
        'An evaluation is started in the conversation the meeting is held in: a channel or group chat where everyone taking part can answer.',
      ),
    );
  }
  // in a meeting being run here, its evaluation is the host's to start, as is every step of it
  const meetings = (services as WithMeetings).meetings;
  const session = meetings ? activeSession(context, meetings.sessions) : undefined;
  if (session && !isHost(context, session, services)) return notHostReply(context, session);
  const parsed = startArgs.safeParse(args);
  const meeting = meetingFor(context, repository, parsed.success ? parsed.data.meetingId : undefined);
  if (!meeting.known) return notice(say(context, 'Det møde kender jeg ikke.', "I don't know that meeting."));
  const about = meeting.meetingId !== undefined ? { meetingId: meeting.meetingId } : {};
  const outcome = await repository.start({ ...addressOf(context.turn), ...about, startedBy: actorOf(context.turn) });
  if (outcome.ok) return [evaluationCard(context, outcome.evaluation)];
  const open = outcome.evaluation;
  const count = repository.summary(open.id).answers;
  return notice(
    say(
      context,
      `Der er allerede en åben evaluering her (af ${evaluationTitle(context, open)}, ${count} svar indtil videre). Luk den, før en ny startes.`,
      `There is an open evaluation here already (of ${evaluationTitle(context, open)}, ${count} answers so far). Close it before starting a new one.`,
    ),
    { buttons: [answerButton(context, open), closeButton(context, open, false)] },
  );
};

function ratingLabels(context: DialogContext): string[] {
  return context.language === 'da'
    ? ['dårligt', 'mindre godt', 'middel', 'godt', 'rigtig godt']
    : ['poor', 'fair', 'average', 'good', 'very good'];
}

/** The form: a rating of 1–5 (best first) and the two free-text questions, both optional. */
function evaluationForm(context: DialogContext, evaluation: StoredEvaluation): ReplyForm {
  const labels = ratingLabels(context);
  const optional = say(context, 'Frivilligt', 'Optional');
  return {
    id: 'evaluation',
    title: say(context, 'Kort evaluering', 'Short evaluation'),
    submitLabel: say(context, 'Send svar', 'Send answer'),
    fields: [
      {
        id: EVALUATION_QUESTIONS.rating,
        label: say(context, 'Hvordan var mødet? (1–5)', 'How was the meeting? (1–5)'),
        options: [5, 4, 3, 2, 1].map((rating) => ({
          value: String(rating),
          label: `${rating} – ${labels[rating - 1] ?? ''}`,
        })),
      },
      textField({
        id: EVALUATION_QUESTIONS.worked,
        label: workedLabel(context),
        maxLength: EVALUATION_TEXT_MAX,
        optional: true,
        multiline: true,
        placeholder: optional,
      }),
      textField({
        id: EVALUATION_QUESTIONS.improve,
        label: improveLabel(context),
        maxLength: EVALUATION_TEXT_MAX,
        optional: true,
        multiline: true,
        placeholder: optional,
      }),
    ],
    submit: { dialog: EVALUATION_DIALOGS.answer, args: { evaluationId: evaluation.id, lang: context.language } },
    open: { dialog: EVALUATION_DIALOGS.form, args: { evaluationId: evaluation.id } },
  };
}

/** Why this person cannot answer (the evaluation is closed, or they have answered), or undefined when they can. */
export function cannotAnswer(
  context: DialogContext,
  repository: EvaluationRepository,
  evaluation: StoredEvaluation,
): Reply[] | undefined {
  if (evaluation.closedAt !== undefined) {
    const results: ReplyButton = dialogButton(
      say(context, 'Vis resultatet', 'Show the results'),
      EVALUATION_DIALOGS.results,
      { evaluationId: evaluation.id },
    );
    return notice(
      say(
        context,
        'Evalueringen er lukket; der kan ikke svares mere.',
        'The evaluation is closed; no more answers are taken.',
      ),
      { buttons: [results] },
    );
  }
  if (
    repository.hasAnswered(evaluation.id, { channel: context.turn.conversation.channel, userId: context.turn.user.id })
  ) {
    return notice(
      say(
        context,
        'Du har allerede svaret på denne evaluering. Hver deltager svarer én gang, og et svar kan ikke ændres: det er ikke knyttet til dig.',
        'You have already answered this evaluation. Everyone answers once, and an answer cannot be changed: it is not linked to you.',
      ),
    );
  }
  return undefined;
}

/** 'evaluation-form' {evaluationId?}: the form to answer the evaluation (the conversation's open one when none is named). */
export const evaluationFormDialog: ActionDialog = (context, args, services: ActionServices) => {
  const repository = evaluationsOf(services);
  if (!repository) return Promise.resolve(evaluationsUnavailable(context));
  const found = findEvaluation(context, repository, args, 'open');
  if (!found.ok) return Promise.resolve(found.replies);
  const { evaluation } = found;
  const refused = cannotAnswer(context, repository, evaluation);
  if (refused) return Promise.resolve(refused);
  const heading = say(
    context,
    `Kort evaluering af ${evaluationTitle(context, evaluation)}`,
    `Short evaluation of ${evaluationTitle(context, evaluation)}`,
  );
  const text = `${say(context, 'Giv mødet en karakter, og skriv gerne et par ord.', 'Rate the meeting, and do write a few words.')} ${anonymityLine(context)}`;
  return Promise.resolve([{ heading, text, form: evaluationForm(context, evaluation) }]);
};
