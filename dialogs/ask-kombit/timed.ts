import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import type { Logger } from '../../src/logger.js';
import { isWorkingDay, REMINDER_HOUR } from '../../src/reminders/working-days.js';
import type { AskKombitServices } from '../types.js';
import { expertCard } from './card.js';
import type { StoredQuestion } from './common.js';
import { deliverAnswer, postToExperts } from './delivery.js';
import { weeklySummary } from './overview.js';

/** A question open this many working days reminds the expert conversation, once. */
export const REMIND_AFTER_WORKING_DAYS = 2;
/** An answer that has not reached its asker is tried again for this long. */
const DELIVER_FOR_DAYS = 7;
/** The weekly summary goes out on Mondays (ISO weekday 1) from this hour. */
const SUMMARY_WEEKDAY = 1;

/** The moment `days` working days after `start`: the same time of day, Copenhagen. */
export function afterWorkingDays(start: DateTime, days: number): DateTime {
  let moment = start.setZone(ZONE);
  for (let counted = 0; counted < days;) {
    moment = moment.plus({ days: 1 });
    if (isWorkingDay(moment)) counted += 1;
  }
  return moment;
}

function dueForReminder(question: StoredQuestion, now: DateTime): boolean {
  if (question.answer || question.remindedAt || !question.postedAt) return false;
  return afterWorkingDays(DateTime.fromISO(question.askedAt), REMIND_AFTER_WORKING_DAYS) <= now;
}

/** What the timed work needs: the questions, the knowledge the cards name things from, and a log. */
export interface AskKombitWork {
  ask: AskKombitServices;
  knowledge: Knowledge;
  logger: Logger;
}

/** Reminds the expert conversation, once, of a question open for two working days: its card again, buttons and all. */
async function remind(work: AskKombitWork, question: StoredQuestion): Promise<void> {
  if (!(await work.ask.questions.claimReminder(question.id))) return;
  const card = expertCard({ language: 'da', knowledge: work.knowledge }, question);
  const intro = `Venter stadig på svar efter ${REMIND_AFTER_WORKING_DAYS} arbejdsdage:`;
  const delivery = await work.ask.send(question.expertsIn, [
    {
      ...card,
      intro: `${intro} ${card.intro ?? ''}`,
      text: `${intro} ${card.text}`,
      summary: `${intro} »${question.text.slice(0, 120)}«`,
    },
  ]);
  if (delivery.status === 'sent') return;
  // given back, so the next tick tries it again
  await work.ask.questions.releaseReminder(question.id);
  work.logger.warn({ question: question.id, delivery }, 'the reminder of an open question did not arrive');
}

/** The week's summary, once a week, on Monday from the reminders' hour. */
async function summarise(work: AskKombitWork, now: DateTime): Promise<void> {
  const experts = work.ask.questions.experts();
  const local = now.setZone(ZONE);
  if (!experts || local.weekday !== SUMMARY_WEEKDAY || local.hour < REMINDER_HOUR) return;
  const week = local.toFormat("kkkk-'W'WW");
  // claimed before sending: a restart or a second instance sends it no second time
  if (!(await work.ask.questions.claimSummary(week))) return;
  const delivery = await work.ask.send(experts, [weeklySummary(work.ask.questions.all(), now)]);
  if (delivery.status !== 'sent') work.logger.warn({ week, delivery }, 'the weekly summary did not arrive');
}

/**
 * What Ask KOMBIT does on the clock: posts the cards that did not reach the experts, delivers the
 * answers that did not reach their askers (for a week), reminds of questions open two working
 * days, and posts the weekly summary.
 */
export async function askKombitTimedWork(work: AskKombitWork, now: DateTime): Promise<void> {
  const experts = work.ask.questions.experts();
  const deliverSince = now.minus({ days: DELIVER_FOR_DAYS }).toMillis();
  // within the last week (a send under way is claimed: see postToExperts and deliverAnswer)
  const settled = (iso: string) => Date.parse(iso) >= deliverSince;
  for (const question of work.ask.questions.all()) {
    const toExperts =
      experts !== undefined &&
      question.expertsIn.channel === experts.channel &&
      question.expertsIn.conversationId === experts.conversationId;
    if (!question.answer && !question.postedAt && toExperts && settled(question.askedAt))
      await postToExperts(work.knowledge, work.ask, question);
    else if (question.answer && !question.deliveredAt && settled(question.answer.at))
      await deliverAnswer(work.ask, question);
    else if (toExperts && dueForReminder(question, now)) await remind(work, question);
  }
  await summarise(work, now);
}
