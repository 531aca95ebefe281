import type { PostedMessage, Reply } from '../../src/core/types.js';
import type { EvaluationRepository } from '../../src/state/evaluations.js';
import type { DialogContext, ActionServices } from '../types.js';
import { evaluationTitle, type StoredEvaluation } from './access.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { EVALUATION_DIALOGS } from '../names.js';

/**
 * The evaluation's card as posted in the conversation: klikbot keeps where it stands, so that
 * an evaluation closed by a typed "luk evaluering" (not by the card's own button, whose answer
 * takes the card's place) has its card rewritten: closed, with no button to answer.
 */

/** The id of the evaluation a card posted for everyone opens (read from its answer button); undefined for other cards. */
export function evaluationIdOfCard(reply: Reply): string | undefined {
  if (!reply.broadcast) return undefined;
  return reply.buttons?.find((button) => button.action.dialog === EVALUATION_DIALOGS.form)?.action.args.evaluationId;
}

/** Keeps where an evaluation's card was posted; any other card is left alone. */
export async function rememberEvaluationCard(
  repository: EvaluationRepository | undefined,
  reply: Reply,
  message: PostedMessage,
): Promise<void> {
  const evaluationId = evaluationIdOfCard(reply);
  if (repository && evaluationId !== undefined) await repository.rememberMessage(evaluationId, message);
}

/** The card once the evaluation is closed: that it is, how many answered, and the results a button away. */
export function closedEvaluationCard(context: DialogContext, evaluation: StoredEvaluation, answers: number): Reply {
  const title = evaluationTitle(context, evaluation);
  const heading = say(context, `Kort evaluering af ${title}`, `Short evaluation of ${title}`);
  const closed = say(
    context,
    `Evalueringen er lukket med ${answers} svar; der kan ikke svares mere.`,
    `The evaluation is closed with ${answers} answers; no more answers are taken.`,
  );
  return {
    heading,
    text: `${heading}: ${closed}`,
    intro: closed,
    buttons: [
      dialogButton(say(context, 'Vis resultatet', 'Show the results'), EVALUATION_DIALOGS.results, {
        evaluationId: evaluation.id,
      }),
    ],
    broadcast: true,
  };
}

/**
 * Rewrites the evaluation's posted card as closed, where klikbot knows the card and can write
 * to the conversation. A failure changes nothing else: the card's answer button then says the
 * evaluation is closed.
 */
export async function rewriteClosedCard(
  context: DialogContext,
  repository: EvaluationRepository,
  evaluation: StoredEvaluation,
  services: ActionServices,
): Promise<void> {
  const message = repository.postedMessage(evaluation.id);
  if (!message || !services.tell) return;
  const card = closedEvaluationCard(context, evaluation, repository.summary(evaluation.id).answers);
  await services.tell({ channel: evaluation.channel, conversationId: evaluation.conversationId }, [
    { ...card, replaces: message },
  ]);
}
