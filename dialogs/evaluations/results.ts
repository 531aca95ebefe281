import { z } from 'zod';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { EvaluationRepository, EvaluationSummary } from '../../src/state/evaluations.js';
import type { DialogContext, ActionDialog } from '../types.js';
import {
  evaluationsOf,
  evaluationsUnavailable,
  evaluationTitle,
  findEvaluation,
  mayManage,
  meetingOf,
  shortDay,
  type StoredEvaluation,
} from './access.js';
import { improveLabel, workedLabel } from './start.js';
import { rewriteClosedCard } from './posted.js';
import { joinAnd, textBar } from '../shared/text.js';
import { say } from '../shared/say.js';
import { EVALUATION_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { dialogButton } from '../shared/buttons.js';

// A card must stay well inside what Teams and Slack take in one message.
const SHOWN_ANSWER_MAX = 400;
const SHOWN_TEXT_BUDGET = 8000;
// The earlier evaluations a trend shows.
const TREND_LENGTH = 6;

/** Where the closing was pressed: `card` for the evaluation card's own button, which takes its place. */
const closedFrom = z.object({ from: z.literal('card').optional() });
/** "4,2" / "4.2": an average to one decimal. */
export function decimal(context: DialogContext, value: number): string {
  const fixed = value.toFixed(1);
  return context.language === 'da' ? fixed.replace('.', ',') : fixed;
}

/** Free text as one line in a list: no markup it could carry (links, emphasis, code, mentions), long ones cut. */
export function shownAnswer(text: string): string {
  const plain = text
    .replace(/[[\]*_`<>~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > SHOWN_ANSWER_MAX ? `${plain.slice(0, SHOWN_ANSWER_MAX)}…` : plain;
}

/** "5 ████████░░ 8" per rating, best first. */
function distributionLines(summary: EvaluationSummary): string[] {
  return [5, 4, 3, 2, 1].map((rating) => {
    const count = summary.distribution[rating - 1] ?? 0;
    return `${rating} ${textBar(count, summary.answers, 10)} ${count}`;
  });
}

/** "Fordeling: 1 gav 5, 2 gav 4, 0 gav 3, 0 gav 2 og 0 gav 1.": the bars in words, for notifications and screen readers. */
function distributionSentence(context: DialogContext, summary: EvaluationSummary): string {
  const counts = [5, 4, 3, 2, 1].map((rating) => {
    const count = summary.distribution[rating - 1] ?? 0;
    return say(context, `${count} gav ${rating}`, `${count} gave ${rating}`);
  });
  return `${say(context, 'Fordeling', 'Ratings')}: ${joinAnd(counts, context.language)}.`;
}

/** A question's answers as a bold line and bullets, within what is left of the budget; the rest counted. */
function answerSection(context: DialogContext, label: string, texts: string[], budget: { left: number }): string[] {
  if (texts.length === 0) return [];
  const lines = [`**${label}**`];
  let shown = 0;
  for (const text of texts) {
    const line = `- ${shownAnswer(text)}`;
    if (line.length > budget.left) break;
    budget.left -= line.length;
    lines.push(line);
    shown += 1;
  }
  const rest = texts.length - shown;
  if (rest > 0)
    lines.push(
      say(
        context,
        `… og ${rest} svar mere (alle står i CSV-udtrækket).`,
        `… and ${rest} more answers (all are in the CSV export).`,
      ),
    );
  return lines;
}

/** Earlier closed evaluations in this conversation, of the same meeting series (or, without a meeting, without one), with answers. */
function earlier(
  context: DialogContext,
  repository: EvaluationRepository,
  evaluation: StoredEvaluation,
): StoredEvaluation[] {
  const series = meetingOf(context, evaluation)?.series;
  const all = repository.allIn({ channel: evaluation.channel, conversationId: evaluation.conversationId });
  const before = all.slice(
    0,
    all.findIndex((candidate) => candidate.id === evaluation.id),
  );
  return before.filter(
    (candidate) =>
      candidate.closedAt !== undefined &&
      meetingOf(context, candidate)?.series === series &&
      repository.summary(candidate.id).answers > 0,
  );
}

/** "Udvikling: 6. sep 4,2 · 12. sep 3,8 · 14. sep 4,5 (denne)", oldest first; undefined without earlier ones to compare with. */
function trendLine(
  context: DialogContext,
  repository: EvaluationRepository,
  evaluation: StoredEvaluation,
  summary: EvaluationSummary,
): string | undefined {
  const previous = earlier(context, repository, evaluation).slice(-TREND_LENGTH);
  if (previous.length === 0 || summary.average === undefined) return undefined;
  const points = previous.map(
    (candidate) => `${shortDay(context, candidate)} ${decimal(context, repository.summary(candidate.id).average ?? 0)}`,
  );
  points.push(
    `${shortDay(context, evaluation)} ${decimal(context, summary.average)} (${say(context, 'denne', 'this one')})`,
  );
  return `${say(context, 'Udvikling', 'Trend')}: ${points.join(' · ')}`;
}

function csvButton(context: DialogContext, evaluation: StoredEvaluation): ReplyButton {
  return dialogButton(say(context, 'Hent CSV', 'Download CSV'), EVALUATION_DIALOGS.csv, {
    evaluationId: evaluation.id,
  });
}

/** The results of a closed evaluation: count, average, distribution, the written answers and the trend. */
export function resultsReply(
  context: DialogContext,
  repository: EvaluationRepository,
  evaluation: StoredEvaluation,
): Reply {
  const summary = repository.summary(evaluation.id);
  const title = evaluationTitle(context, evaluation);
  const heading = say(context, `Resultat af evalueringen af ${title}`, `Results of the evaluation of ${title}`);
  if (summary.average === undefined) {
    return {
      heading,
      text: say(
        context,
        `Evalueringen af ${title} er lukket. Ingen svarede.`,
        `The evaluation of ${title} is closed. Nobody answered.`,
      ),
    };
  }
  const average = say(
    context,
    `${decimal(context, summary.average)} af 5`,
    `${decimal(context, summary.average)} out of 5`,
  );
  const intro = say(
    context,
    `${summary.answers} svar, gennemsnit ${average}.`,
    `${summary.answers} answers, average ${average}.`,
  );
  const answers = repository.answers(evaluation.id);
  const budget = { left: SHOWN_TEXT_BUDGET };
  const written = [
    ...answerSection(
      context,
      workedLabel(context),
      answers.flatMap((answer) => (answer.worked ? [answer.worked] : [])),
      budget,
    ),
    ...answerSection(
      context,
      improveLabel(context),
      answers.flatMap((answer) => (answer.improve ? [answer.improve] : [])),
      budget,
    ),
  ];
  const trend = trendLine(context, repository, evaluation, summary);
  const after = [...written, ...(trend ? [trend] : [])];
  const list = distributionLines(summary);
  return {
    heading,
    text: [intro, distributionSentence(context, summary), ...after].join('\n'),
    // the count and average once, in the intro: the same as facts beside it said it twice on the card
    intro,
    list,
    ...(after.length > 0 ? { outro: after.join('\n') } : {}),
    buttons: [csvButton(context, evaluation)],
  };
}

/** 'evaluation-close' {evaluationId?}: the host (or an administrator) closes it; the results are shown to everyone. */
export const evaluationClose: ActionDialog = async (context, args, services) => {
  const repository = evaluationsOf(services);
  if (!repository) return evaluationsUnavailable(context);
  const found = findEvaluation(context, repository, args, 'open');
  if (!found.ok) return found.replies;
  const { evaluation } = found;
  if (!mayManage(context, evaluation, services)) {
    const host = evaluation.startedBy?.name;
    return notice(
      host
        ? say(
            context,
            `Kun værten (${host}) eller en administrator kan lukke evalueringen.`,
            `Only the host (${host}) or an administrator can close the evaluation.`,
          )
        : say(
            context,
            'Kun værten eller en administrator kan lukke evalueringen.',
            'Only the host or an administrator can close the evaluation.',
          ),
    );
  }
  const outcome = await repository.close(evaluation.id);
  const closed = outcome.ok ? outcome.evaluation : (outcome.evaluation ?? evaluation);
  // closed by typing (or from elsewhere than its card): the posted card must not go on asking for answers
  const fromCard = closedFrom.safeParse(args).data?.from === 'card';
  if (outcome.ok && !fromCard) await rewriteClosedCard(context, repository, closed, services);
  // the results are for everyone in the conversation, however the closing was asked for
  return [{ ...resultsReply(context, repository, closed), broadcast: true }];
};

/** 'evaluation-results' {evaluationId?}: the results once closed; while open, only how many have answered. */
export const evaluationResults: ActionDialog = (context, args, services) => {
  const repository = evaluationsOf(services);
  if (!repository) return Promise.resolve(evaluationsUnavailable(context));
  const found = findEvaluation(context, repository, args, 'latest');
  if (!found.ok) return Promise.resolve(found.replies);
  const { evaluation } = found;
  if (evaluation.closedAt !== undefined) return Promise.resolve([resultsReply(context, repository, evaluation)]);
  const count = repository.summary(evaluation.id).answers;
  const title = evaluationTitle(context, evaluation);
  return Promise.resolve([
    {
      text: say(
        context,
        `Evalueringen af ${title} er åben: ${count} svar indtil videre. Resultatet vises, når værten lukker den.`,
        `The evaluation of ${title} is open: ${count} answers so far. The results are shown when the host closes it.`,
      ),
    },
  ]);
};
