import type { EvaluationAnswer } from '../../src/state/evaluations.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import type { DialogContext, ActionDialog } from '../types.js';
import {
  evaluationDay,
  evaluationsOf,
  evaluationsUnavailable,
  evaluationTitle,
  findEvaluation,
  mayManage,
  meetingOf,
} from './access.js';
import { improveLabel, workedLabel } from './start.js';
import { EVALUATION_DIALOGS } from '../names.js';
import { exportFile } from '../shared/export-file.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';
import { fileNamePart, spreadsheetCsv } from '../../src/lib/csv.js';

/**
 * The answers as a spreadsheet's rows under the form's own questions: rating, what worked,
 * what could be better, in the order stored (which says nothing about who answered when).
 */
export function evaluationRows(
  context: Pick<DialogContext, 'language'>,
  answers: readonly DeepReadonly<EvaluationAnswer>[],
): string[][] {
  return [
    [say(context, 'Bedømmelse (1–5)', 'Rating (1–5)'), workedLabel(context), improveLabel(context)],
    ...answers.map((answer) => [String(answer.rating), answer.worked ?? '', answer.improve ?? '']),
  ];
}

/**
 * 'evaluation-csv' {evaluationId?}: the closed evaluation's answers as a CSV file (rating,
 * worked, improve), for the host or an administrator only, sent to them alone. Like every view of
 * the answers, it says nothing about who answered.
 */
export const evaluationCsv: ActionDialog = (context, args, services) => {
  const repository = evaluationsOf(services);
  if (!repository) return Promise.resolve(evaluationsUnavailable(context));
  const found = findEvaluation(context, repository, args, 'latest');
  if (!found.ok) return Promise.resolve(found.replies);
  const { evaluation } = found;
  if (!mayManage(context, evaluation, services)) {
    return Promise.resolve(
      notice(
        say(
          context,
          'Kun værten eller en administrator kan hente evalueringens svar som CSV.',
          "Only the host or an administrator can download the evaluation's answers as CSV.",
        ),
      ),
    );
  }
  if (evaluation.closedAt === undefined) {
    return Promise.resolve(
      notice(
        say(
          context,
          'Svarene kan hentes som CSV, når evalueringen er lukket.',
          'The answers can be downloaded as CSV once the evaluation is closed.',
        ),
      ),
    );
  }
  const answers = repository.answers(evaluation.id);
  const title = evaluationTitle(context, evaluation);
  const text = say(
    context,
    `Svarene på evalueringen af ${title} som CSV-fil (${answers.length} svar).`,
    `The answers to the evaluation of ${title} as a CSV file (${answers.length} answers).`,
  );
  const name = `${say(context, 'evaluering', 'evaluation')}-${fileNamePart(meetingOf(context, evaluation)?.title ?? say(context, 'moede', 'meeting'))}-${evaluationDay(context, evaluation)}.csv`;
  const again = { dialog: EVALUATION_DIALOGS.csv, args: { evaluationId: evaluation.id } };
  return Promise.resolve([
    exportFile(context, text, { name, content: spreadsheetCsv(evaluationRows(context, answers)), again }),
  ]);
};
