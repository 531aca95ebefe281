import type { Reply } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { AskKombitServices } from '../types.js';
import { expertCard } from './card.js';
import { type StoredQuestion } from './common.js';
import { dayText, nameOf } from '../shared/people.js';

/** The expert card is in Danish: KOMBIT's experts work in Danish. */
const EXPERTS_LANGUAGE = 'da' as const;

/** Posts a question's card to the expert conversation, and notes where it stands; false when it did not arrive. */
export async function postToExperts(
  knowledge: Knowledge,
  ask: AskKombitServices,
  question: StoredQuestion,
): Promise<boolean> {
  if (!(await ask.questions.claimSend(question.id, 'card'))) return false;
  const card = expertCard({ language: EXPERTS_LANGUAGE, knowledge }, question);
  const delivery = await ask.send(question.expertsIn, [card]);
  if (delivery.status !== 'sent') {
    await ask.questions.releaseSend(question.id);
    return false;
  }
  const [messageId] = delivery.messageIds;
  await ask.questions.markPosted(
    question.id,
    messageId ? { conversationId: question.expertsIn.conversationId, messageId } : undefined,
  );
  return true;
}

/** Rewrites the posted card as the question now stands (taken, answered), where klikbot knows the message. */
export async function rewriteExpertCard(
  knowledge: Knowledge,
  ask: AskKombitServices,
  question: StoredQuestion,
): Promise<void> {
  if (!question.cardMessage) return;
  const card = expertCard({ language: EXPERTS_LANGUAGE, knowledge }, question);
  await ask.send(question.expertsIn, [{ ...card, replaces: { ...question.cardMessage } }]);
}

/** KOMBIT's answer as the asker gets it: in their language, in the thread they asked in. */
export function answerForAsker(question: StoredQuestion): Reply {
  const answer = question.answer!;
  const context = { language: question.language };
  const asked = say(context, `Du spurgte: »${inert(question.text)}«`, `You asked: "${inert(question.text)}"`);
  const heading = say(context, 'Svar fra KOMBIT', 'An answer from KOMBIT');
  const day = dayText(answer.at, question.language);
  return {
    heading,
    intro: asked,
    text: `${heading}. ${asked}\n\n${inert(answer.text)}`,
    outro: inert(answer.text),
    source: say(
      context,
      `Svar fra KOMBIT (${nameOf(answer.by)}), ${day}`,
      `Answer from KOMBIT (${nameOf(answer.by)}), ${day}`,
    ),
    ...(question.askedIn.thread ? { thread: question.askedIn.thread } : {}),
  };
}

/** Sends the answer to where it was asked and notes it delivered; false when it did not arrive (the timed work tries again). */
export async function deliverAnswer(ask: AskKombitServices, question: StoredQuestion): Promise<boolean> {
  if (!(await ask.questions.claimSend(question.id, 'answer'))) return false;
  const where = { channel: question.askedIn.channel, conversationId: question.askedIn.conversationId };
  const delivery = await ask.send(where, [answerForAsker(question)]);
  if (delivery.status !== 'sent') {
    await ask.questions.releaseSend(question.id);
    return false;
  }
  await ask.questions.markDelivered(question.id);
  return true;
}
