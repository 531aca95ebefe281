import { z } from 'zod';
import { textField, type Reply } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { ANSWER_MAX, type LearnedAnswer } from '../../src/state/kombit-questions.js';
import { factSearchFor } from '../../src/understanding/search/fact-search.js';
import { LearnedSearch } from '../../src/understanding/search/learned.js';
import { ASK_KOMBIT_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { variantLines } from './answer.js';
import { administers, dayText, nameOf, notHere, personOfTurn, questionIdArgs, unreadable } from './common.js';

type Learned = DeepReadonly<LearnedAnswer>;

/**
 * How alike a question must be to a way of asking a learned answer for it to take the place of
 * what the material answers, and how alike and how covered where the material has no answer.
 */
const TAKES_OVER = 0.75;
const WHERE_UNKNOWN = { alike: 0.35, covered: 0.5 };
/** How many learned answers `lærte svar` shows as cards, newest first. */
const SHOWN = 15;

// the search is built again only when the list changes (the state is replaced, never changed in place)
const searches = new WeakMap<readonly Learned[], { knowledge: Knowledge; search: LearnedSearch }>();

function searchOf(knowledge: Knowledge, learned: readonly Learned[]): LearnedSearch {
  const kept = searches.get(learned);
  if (kept?.knowledge === knowledge) return kept.search;
  const search = new LearnedSearch(
    learned.map((one) => ({ id: one.id, phrasings: [one.question, ...one.variants], answer: one.answer })),
    factSearchFor(knowledge),
  );
  searches.set(learned, { knowledge, search });
  return search;
}

/**
 * The learned answer for a question: one asked almost as it was learned takes the place of any
 * answer; one only like it, where the material has no answer.
 */
export function learnedFor(
  knowledge: Knowledge,
  learned: readonly Learned[],
  question: string,
  materialKnows: boolean,
): Learned | undefined {
  if (learned.length === 0 || question.trim() === '') return undefined;
  const fit = searchOf(knowledge, learned).best(question);
  if (!fit) return undefined;
  const fits = materialKnows
    ? fit.alike >= TAKES_OVER
    : fit.alike >= WHERE_UNKNOWN.alike && fit.covered >= WHERE_UNKNOWN.covered;
  return fits ? learned.find((one) => one.id === fit.id) : undefined;
}

/** A learned answer as klikbot gives it, with its source: "Svar fra KOMBIT, 6. december 2026". */
export function learnedReply(context: DialogContext, learned: Learned): Reply {
  const day = dayText(learned.editedAt ?? learned.at, context.language);
  const intro = say(context, 'KOMBIT har svaret på det før:', 'KOMBIT has answered this before:');
  return {
    intro,
    text: `${intro}\n\n${inert(learned.answer)}`,
    outro: inert(learned.answer),
    source: say(context, `Svar fra KOMBIT, ${day}`, `Answer from KOMBIT, ${day}`),
  };
}

function onlyAdministrators(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Kun en administrator kan se og ændre de lærte svar.',
      'Only an administrator can see and change the learned answers.',
    ),
  );
}

/** One learned answer as a card, with "Ret" and "Fjern". */
function learnedCard(context: DialogContext, learned: Learned): Reply {
  const heading = `»${inert(learned.question)}«`;
  const variants = learned.variants.length > 0 ? learned.variants.map((one) => inert(one)).join(' · ') : '–';
  const facts = [
    { label: say(context, 'Andre måder at spørge', 'Other ways of asking'), value: variants },
    {
      label: say(context, 'Svaret af', 'Answered by'),
      value: `${nameOf(learned.by)}, ${dayText(learned.at, context.language)}`,
    },
    ...(learned.editedBy && learned.editedAt
      ? [
          {
            label: say(context, 'Rettet af', 'Edited by'),
            value: `${nameOf(learned.editedBy)}, ${dayText(learned.editedAt, context.language)}`,
          },
        ]
      : []),
  ];
  const args = { id: learned.id };
  return {
    heading,
    text: `${heading}\n\n${inert(learned.answer)}\n\n${facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n')}`,
    intro: inert(learned.answer),
    facts,
    buttons: [
      dialogButton(say(context, 'Ret', 'Edit'), ASK_KOMBIT_DIALOGS.learnedEditForm, args),
      { ...dialogButton(say(context, 'Fjern', 'Remove'), ASK_KOMBIT_DIALOGS.learnedRemove, args), replacesCard: true },
    ],
  };
}

/** "lærte svar": the answers klikbot has learned from KOMBIT, newest first, each with "Ret" and "Fjern". */
export const askKombitLearned: ActionDialog = async (context, _args, services) => {
  if (!services.askKombit) return notHere(context);
  if (!administers(context, services)) return onlyAdministrators(context);
  const learned = [...services.askKombit.questions.learned()].reverse();
  if (learned.length === 0)
    return notice(
      say(
        context,
        'Jeg har ikke lært nogen svar endnu. Når en ekspert svarer på et spørgsmål og vælger "Gem som svar", kommer det her.',
        'I have not learned any answers yet. When an expert answers a question and chooses "Save as an answer", it shows here.',
      ),
    );
  const more = learned.length - SHOWN;
  const intro = say(
    context,
    `Jeg har lært ${learned.length} svar fra KOMBIT.`,
    `I have learned ${learned.length} answers from KOMBIT.`,
  );
  const tail = more > 0 ? say(context, ` Her er de ${SHOWN} nyeste.`, ` Here are the ${SHOWN} newest.`) : '';
  return [
    { text: `${intro}${tail}`, notice: true },
    ...learned.slice(0, SHOWN).map((one) => learnedCard(context, one)),
  ];
};

/** The learned answer a button names, for an administrator; else the refusal. */
function learnedOf(context: DialogContext, args: Record<string, string>, services: ActionServices): Learned | Reply[] {
  if (!services.askKombit) return notHere(context);
  if (!administers(context, services)) return onlyAdministrators(context);
  const parsed = questionIdArgs.safeParse({ id: args.id });
  if (!parsed.success) return unreadable(context);
  const learned = services.askKombit.questions.learned().find((one) => one.id === parsed.data.id);
  return (
    learned ?? notice(say(context, 'Det lærte svar findes ikke længere.', 'That learned answer no longer exists.'))
  );
}

/** The form to change a learned answer: a new text, other ways of asking; a field left empty stays as it is. */
export const askKombitLearnedEditForm: ActionDialog = async (context, args, services) => {
  const learned = learnedOf(context, args, services);
  if (Array.isArray(learned)) return learned;
  const card = learnedCard(context, learned);
  return [
    {
      ...card,
      buttons: [],
      form: {
        id: 'ask-kombit-learned-edit',
        title: say(context, 'Ret lært svar', 'Edit a learned answer'),
        submitLabel: say(context, 'Gem', 'Save'),
        fields: [
          textField({
            id: 'answer',
            label: say(context, 'Nyt svar (tomt: som nu)', 'New answer (empty: as it is)'),
            maxLength: ANSWER_MAX,
            optional: true,
            multiline: true,
          }),
          textField({
            id: 'variants',
            label: say(
              context,
              'Andre måder at spørge, én pr. linje (tomt: som nu)',
              'Other ways of asking, one a line (empty: as they are)',
            ),
            maxLength: 2000,
            optional: true,
            multiline: true,
          }),
        ],
        submit: { dialog: ASK_KOMBIT_DIALOGS.learnedEdit, args: { id: learned.id } },
        open: { dialog: ASK_KOMBIT_DIALOGS.learnedEditForm, args: { id: learned.id } },
      },
    },
  ];
};

const editArgs = z.object({
  answer: z.string().trim().max(20_000).optional(),
  variants: z.string().max(20_000).optional(),
});

/** Changes a learned answer: from the next question on, klikbot answers with the new text. */
export const askKombitLearnedEdit: ActionDialog = async (context, args, services) => {
  const learned = learnedOf(context, args, services);
  if (Array.isArray(learned)) return learned;
  const parsed = editArgs.safeParse(args);
  if (!parsed.success) return unreadable(context);
  const answer = parsed.data.answer || learned.answer;
  if (answer.length > ANSWER_MAX)
    return notice(
      say(
        context,
        `Svaret er på ${answer.length} tegn; der er plads til ${ANSWER_MAX}. Intet er ændret.`,
        `The answer is ${answer.length} characters; there is room for ${ANSWER_MAX}. Nothing was changed.`,
      ),
    );
  const variants = parsed.data.variants?.trim() ? variantLines(parsed.data.variants) : [...learned.variants];
  const changed = await services.askKombit!.questions.editLearned(
    learned.id,
    { answer, variants },
    personOfTurn(context.turn),
  );
  if (!changed)
    return notice(say(context, 'Det lærte svar findes ikke længere.', 'That learned answer no longer exists.'));
  const now = services.askKombit!.questions.learned().find((one) => one.id === learned.id)!;
  return [{ ...learnedCard(context, now), intro: say(context, 'Rettet.', 'Changed.') }];
};

/** Removes a learned answer: klikbot no longer gives it. */
export const askKombitLearnedRemove: ActionDialog = async (context, args, services) => {
  const learned = learnedOf(context, args, services);
  if (Array.isArray(learned)) return learned;
  await services.askKombit!.questions.removeLearned(learned.id);
  return [
    {
      text: say(
        context,
        `Fjernet: »${inert(learned.question)}«. Jeg svarer ikke længere med det.`,
        `Removed: "${inert(learned.question)}". I no longer give that answer.`,
      ),
    },
  ];
};
