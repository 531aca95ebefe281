import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import { EVALUATION_TEXT_MAX } from '../../src/state/evaluations.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { evaluationsOf, evaluationsUnavailable, findEvaluation } from './access.js';
import { cannotAnswer, improveLabel, workedLabel } from './start.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

// Channels read back at most this much text per field; anything longer is not an answer from a form.
const TEXT_READ_MAX = 10_000;

const answerArgs = z.object({
  evaluationId: z.uuid(),
  rating: z.enum(['1', '2', '3', '4', '5']).optional(),
  worked: z.string().max(TEXT_READ_MAX).optional(),
  improve: z.string().max(TEXT_READ_MAX).optional(),
});

function thousands(context: DialogContext, count: number): string {
  return count.toLocaleString(context.language === 'da' ? 'da-DK' : 'en-GB');
}

/** What is wrong with the answer, in a sentence per problem; empty when nothing is. */
function problemsWith(context: DialogContext, answer: z.infer<typeof answerArgs>): string[] {
  const problems: string[] = [];
  if (answer.rating === undefined)
    problems.push(say(context, 'Vælg en karakter fra 1 til 5.', 'Choose a rating from 1 to 5.'));
  const limit = thousands(context, EVALUATION_TEXT_MAX);
  for (const [text, label] of [
    [answer.worked, workedLabel(context)],
    [answer.improve, improveLabel(context)],
  ] as const) {
    const length = text?.trim().length ?? 0;
    if (length <= EVALUATION_TEXT_MAX) continue;
    problems.push(
      say(
        context,
        `Dit svar på »${label}« er ${thousands(context, length)} tegn; der er plads til ${limit}. Forkort det, og send igen.`,
        `Your answer to "${label}" is ${thousands(context, length)} characters; there is room for ${limit}. Shorten it and send it again.`,
      ),
    );
  }
  return problems;
}

/**
 * 'evaluation-answer' {evaluationId, rating, worked?, improve?}: the form's submission. The
 * answer is checked (a rating, each text at most 2,000 characters) and stored anonymously,
 * once per person; a refusal writes nothing and leaves the form as it was.
 */
export const evaluationAnswer: ActionDialog = async (context, args, services) => {
  const repository = evaluationsOf(services);
  if (!repository) return evaluationsUnavailable(context);
  const parsed = answerArgs.safeParse(args);
  if (!parsed.success)
    return notice(
      say(
        context,
        'Det svar kan jeg ikke læse. Åbn evalueringen igen, og send dit svar derfra.',
        'I cannot read that answer. Open the evaluation again and send your answer from there.',
      ),
    );
  const found = findEvaluation(context, repository, { evaluationId: parsed.data.evaluationId }, 'open', 'anywhere');
  if (!found.ok) return found.replies;
  const refused = cannotAnswer(context, repository, found.evaluation);
  if (refused) return refused;
  const problems = problemsWith(context, parsed.data);
  const { rating, worked, improve } = parsed.data;
  if (problems.length > 0 || rating === undefined) return notice(problems.join(' '));
  const outcome = await repository.answer(
    found.evaluation.id,
    { channel: context.turn.conversation.channel, userId: context.turn.user.id },
    { rating, worked, improve },
  );
  if (!outcome.ok) {
    // the evaluation closed, or the same person answered from another window, while this one was filled in
    const again = repository.get(found.evaluation.id);
    return (
      (again && cannotAnswer(context, repository, again)) ??
      notice(say(context, 'Den evaluering kender jeg ikke.', "I don't know that evaluation."))
    );
  }
  return [thanks(context)];
};

function thanks(context: DialogContext): Reply {
  return {
    text: say(
      context,
      'Tak for dit svar! Det er gemt uden dit navn, og intet i klikbot knytter det til dig.',
      'Thank you for your answer! It is stored without your name, and nothing in klikbot links it to you.',
    ),
  };
}
