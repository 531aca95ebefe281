import type { Reply } from '../../src/core/types.js';
import type { EvaluationAnswer } from '../../src/state/evaluations.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { evaluationsOf, evaluationsUnavailable, evaluationTitle, findEvaluation, mayManage } from './access.js';
import { say } from '../shared/say.js';
import { notice, privately } from '../shared/replies.js';
import { csvField } from '../../src/lib/csv.js';

// One chat message holds about this much CSV (Teams takes some 28 KB per message, Slack 40,000 characters).
const CSV_PART_MAX = 12_000;

/**
 * The answers as CSV rows: rating, worked, improve, in the order stored (which says nothing
 * about who answered when). A cell a spreadsheet would run as a formula gets a leading '.
 */
export function evaluationCsvRows(answers: readonly DeepReadonly<EvaluationAnswer>[]): string[] {
  const row = (cells: string[]) => cells.map(csvField).join(',');
  return [
    row(['rating', 'worked', 'improve']),
    ...answers.map((answer) => row([String(answer.rating), answer.worked ?? '', answer.improve ?? ''])),
  ];
}

/** Rows in parts of at most `max` characters each (a row is never split), every part ending in a line break. */
export function csvParts(rows: string[], max = CSV_PART_MAX): string[] {
  const parts: string[] = [];
  let current = '';
  for (const row of rows) {
    const line = `${row}\n`;
    if (current !== '' && current.length + line.length > max) {
      parts.push(current);
      current = '';
    }
    current += line;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function csvReplies(context: DialogContext, title: string, count: number, parts: string[]): Reply[] {
  return parts.map((part, index) => {
    const which =
      parts.length > 1
        ? say(context, `, del ${index + 1} af ${parts.length}`, `, part ${index + 1} of ${parts.length}`)
        : '';
    const intro = say(
      context,
      `CSV for evalueringen af ${title} (${count} svar${which}):`,
      `CSV for the evaluation of ${title} (${count} answers${which}):`,
    );
    // a backtick in an answer would end the code block early
    return { text: `${intro}\n\`\`\`\n${part.replace(/`/g, "'")}\`\`\``, notice: true, private: privately(context) };
  });
}

/**
 * 'evaluation-csv' {evaluationId?}: the closed evaluation's answers as CSV (rating, worked,
 * improve), for the host or an administrator only, as a private answer. Like every view of
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
  return Promise.resolve(
    csvReplies(context, evaluationTitle(context, evaluation), answers.length, csvParts(evaluationCsvRows(answers))),
  );
};
