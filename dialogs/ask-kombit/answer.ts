import { z } from 'zod';
import { textField, type Reply } from '../../src/core/types.js';
import { ANSWER_MAX, QUESTION_MAX, type QuestionStep } from '../../src/state/kombit-questions.js';
import { samePerson } from '../../src/state/person.js';
import { ASK_KOMBIT_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionDialog, ActionServices, AskKombitServices, DialogContext } from '../types.js';
import { expertCard } from './card.js';
import { actsAsExpert, notAnExpert, notHere, questionIdArgs, unreadable, type StoredQuestion } from './common.js';
import { momentText, nameOf, personOfTurn } from '../shared/people.js';
import { deliverAnswer, rewriteExpertCard } from './delivery.js';

/** How many other ways of asking an answer keeps, and how long the field for them is. */
const VARIANTS_MAX = 20;
const VARIANTS_FIELD_MAX = 2000;

const answerArgs = z.object({
  id: z.uuid(),
  answer: z.string().trim().max(20_000).optional(),
  save: z.enum(['yes', 'no']).optional(),
  variants: z.string().max(20_000).optional(),
});

/** Why an expert's step was not taken, or undefined when it was. */
function stepRefusal(context: DialogContext, step: QuestionStep): Reply[] | undefined {
  if (step.outcome === 'done') return undefined;
  if (step.outcome === 'gone')
    return notice(say(context, 'Det spørgsmål findes ikke længere.', 'That question no longer exists.'));
  const question = step.question;
  if (step.outcome === 'answered') {
    const by = nameOf(question.answer!.by);
    const at = momentText(question.answer!.at, context.language);
    return notice(
      say(context, `Det er allerede besvaret af ${by} ${at}.`, `It was already answered by ${by} on ${at}.`),
    );
  }
  const by = nameOf(question.takenBy!);
  const at = momentText(question.takenBy!.at, context.language);
  return notice(
    say(
      context,
      `${by} har taget det ${at}, så I ikke begge svarer. Intet er ændret.`,
      `${by} took it on ${at}, so that you do not both answer. Nothing was changed.`,
    ),
  );
}

/** The question a button names, where the presser may act on it as an expert; else the refusal. */
function expertQuestion(
  context: DialogContext,
  args: Record<string, string>,
  services: ActionServices,
): { ask: AskKombitServices; question: StoredQuestion } | { refused: Reply[] } {
  const ask = services.askKombit;
  if (!ask) return { refused: notHere(context) };
  const parsed = questionIdArgs.safeParse({ id: args.id });
  if (!parsed.success) return { refused: unreadable(context) };
  const question = ask.questions.get(parsed.data.id);
  if (!question) return stepRefusalOrNothing(context, { outcome: 'gone' });
  if (!actsAsExpert(context, services, question)) return { refused: notAnExpert(context) };
  return { ask, question };
}

function stepRefusalOrNothing(context: DialogContext, step: QuestionStep): { refused: Reply[] } {
  return { refused: stepRefusal(context, step) ?? [] };
}

/** An expert's step on the card ("take" or "release"): the card as it now stands, here and where it was posted. */
function expertStep(step: 'take' | 'release'): ActionDialog {
  return async (context, args, services) => {
    const found = expertQuestion(context, args, services);
    if ('refused' in found) return found.refused;
    const done = await found.ask.questions[step](found.question.id, personOfTurn(context.turn));
    const refused = stepRefusal(context, done);
    if (refused || done.outcome === 'gone') return refused ?? [];
    // the posted card too, where this press was not on it (an administrator's own chat)
    await rewriteExpertCard(context.knowledge, found.ask, done.question);
    return [expertCard(context, done.question)];
  };
}

/** "Jeg tager den": the card shows who took it, and no other expert can answer it. */
export const askKombitTake: ActionDialog = expertStep('take');

/** "Slip den": the question is open to every expert again. */
export const askKombitRelease: ActionDialog = expertStep('release');

/** "Svar": the question with a form for the answer, whether to keep it, and other ways of asking it. */
export const askKombitAnswerForm: ActionDialog = async (context, args, services) => {
  const found = expertQuestion(context, args, services);
  if ('refused' in found) return found.refused;
  const { question } = found;
  const taken = question.takenBy !== undefined && !samePerson(question.takenBy, personOfTurn(context.turn));
  if (question.answer || taken)
    return stepRefusal(context, { outcome: question.answer ? 'answered' : 'taken', question }) ?? [];
  const { buttons: _buttons, ...card } = expertCard(context, question);
  const yes = say(
    context,
    'Ja, gem som svar: klikbot svarer selv næste gang',
    'Yes, save it: klikbot answers it itself next time',
  );
  return [
    {
      ...card,
      form: {
        id: 'ask-kombit-answer',
        title: say(context, 'Svar til spørgeren', 'Answer the asker'),
        submitLabel: say(context, 'Send svaret', 'Send the answer'),
        fields: [
          textField({
            id: 'answer',
            label: say(context, 'Dit svar', 'Your answer'),
            maxLength: ANSWER_MAX,
            multiline: true,
          }),
          {
            id: 'save',
            label: say(context, 'Gem som svar?', 'Save as an answer?'),
            options: [
              { value: 'no', label: say(context, 'Nej, kun til spørgeren', 'No, for the asker only') },
              { value: 'yes', label: yes },
            ],
          },
          textField({
            id: 'variants',
            label: say(
              context,
              'Andre måder at spørge om det samme (én pr. linje)',
              'Other ways of asking the same (one a line)',
            ),
            maxLength: VARIANTS_FIELD_MAX,
            optional: true,
            multiline: true,
          }),
        ],
        submit: { dialog: ASK_KOMBIT_DIALOGS.answer, args: { id: question.id } },
        open: { dialog: ASK_KOMBIT_DIALOGS.answerForm, args: { id: question.id } },
      },
    },
  ];
};

/** The other ways of asking, a line each, as many as are kept. */
export function variantLines(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .map((line) => line.slice(0, QUESTION_MAX)),
    ),
  ].slice(0, VARIANTS_MAX);
}

/** Why an answer's text cannot be taken, or undefined when it can. */
function answerTextRefusal(context: DialogContext, text: string | undefined): Reply[] | undefined {
  if (!text)
    return notice(
      say(
        context,
        'Skriv et svar, før du sender. Intet er sendt.',
        'Write an answer before sending. Nothing was sent.',
      ),
    );
  if (text.length > ANSWER_MAX)
    return notice(
      say(
        context,
        `Svaret er på ${text.length} tegn; der er plads til ${ANSWER_MAX}. Intet er sendt: gør det kortere, og send igen.`,
        `The answer is ${text.length} characters; there is room for ${ANSWER_MAX}. Nothing was sent: shorten it and send again.`,
      ),
    );
  return undefined;
}

/**
 * The expert's answer: stored first (refused when another expert took or answered it), kept as a
 * learned answer when ticked, then sent to the asker where they asked; the card shows who
 * answered when. What did not arrive is sent by the timed work.
 */
export const askKombitAnswer: ActionDialog = async (context, args, services) => {
  const parsed = answerArgs.safeParse(args);
  if (!parsed.success) return unreadable(context);
  const found = expertQuestion(context, args, services);
  if ('refused' in found) return found.refused;
  const { ask } = found;
  const text = parsed.data.answer;
  const refusedText = answerTextRefusal(context, text);
  if (refusedText) return refusedText;
  const by = personOfTurn(context.turn);
  const saved = parsed.data.save === 'yes';
  const saveWith = saved ? variantLines(parsed.data.variants) : undefined;
  const step = await ask.questions.answer(found.question.id, by, text!, saveWith);
  const refused = stepRefusal(context, step);
  if (refused || step.outcome !== 'done') return refused ?? [];
  const question = step.question;
  const delivered = await deliverAnswer(ask, question);
  await rewriteExpertCard(context.knowledge, ask, question);
  const outcome = delivered
    ? say(context, 'Svaret er sendt til spørgeren.', 'The answer has been sent to the asker.')
    : say(
        context,
        'Svaret er gemt, men nåede ikke frem til spørgeren endnu; jeg prøver igen.',
        'The answer is stored but has not reached the asker yet; I will try again.',
      );
  const card = expertCard(context, question);
  return [{ ...card, text: `${card.text}\n\n${outcome}`, outro: `${card.outro ?? ''}\n\n${outcome}` }];
};
