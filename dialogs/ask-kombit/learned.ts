import { concrete } from '../../src/knowledge/live.js';
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
import { notHere, questionIdArgs, unreadable } from './common.js';
import { dayText, nameOf, personOfTurn } from '../shared/people.js';
import { administers } from '../membership/acting-for.js';

type Learned = DeepReadonly<LearnedAnswer>;

/**
 * How alike a question must be to a way of asking a learned answer (and how much of it the
 * learned answer covers) for the answer to be given as the answer, and for it to be offered as
 * one to a similar question, shown with the question it answered so the asker can judge it.
 * Where the material answers, only a question asked almost as learned takes its place.
 */
const GIVEN = { known: { alike: 0.75, covered: 0 }, unknown: { alike: 0.35, covered: 0.5 } };
const OFFERED = { known: { alike: 0.65, covered: 0.6 }, unknown: { alike: 0.25, covered: 0.3 } };
/** How many learned answers `lærte svar` shows as cards, newest first. */
const SHOWN = 15;

// the search is built again only when the list changes (the state is replaced, never changed in place)
const searches = new WeakMap<readonly Learned[], { knowledge: Knowledge; search: LearnedSearch }>();

function searchOf(view: Knowledge, learned: readonly Learned[]): LearnedSearch {
  // the knowledge as it is now: a reload builds the search again
  const knowledge = concrete(view);
  const kept = searches.get(learned);
  if (kept?.knowledge === knowledge) return kept.search;
  const search = new LearnedSearch(
    learned.map((one) => ({ id: one.id, phrasings: [one.question, ...one.variants], answer: one.answer })),
    factSearchFor(knowledge),
  );
  searches.set(learned, { knowledge, search });
  return search;
}

/** A learned answer that fits a question: as the answer, or offered as the answer to a similar one. */
export interface LearnedFound {
  learned: Learned;
  how: 'given' | 'offered';
}

/**
 * The learned answer for a question, and how well it fits: given where it fits well, offered
 * beside the material's answer (or its "I don't know") where it fits less.
 */
export function learnedFor(
  knowledge: Knowledge,
  learned: readonly Learned[],
  question: string,
  materialKnows: boolean,
): LearnedFound | undefined {
  if (learned.length === 0 || question.trim() === '') return undefined;
  const fit = searchOf(knowledge, learned).best(question);
  const found = fit && learned.find((one) => one.id === fit.id);
  if (!fit || !found) return undefined;
  const side = materialKnows ? 'known' : 'unknown';
  const reaches = (bar: { alike: number; covered: number }) => fit.alike >= bar.alike && fit.covered >= bar.covered;
  if (reaches(GIVEN[side])) return { learned: found, how: 'given' };
  return reaches(OFFERED[side]) ? { learned: found, how: 'offered' } : undefined;
}

/**
 * A learned answer as klikbot gives it, with its source ("Svar fra KOMBIT, 6. december 2026");
 * offered for a similar question, it names the question it answered.
 */
export function learnedReply(context: DialogContext, found: LearnedFound): Reply {
  const { learned } = found;
  const day = dayText(learned.editedAt ?? learned.at, context.language);
  const asked = inert(learned.question);
  // asked in the other language, it was answered in that one
  const inOther = learned.language === context.language ? '' : say(context, ' (på engelsk)', ' (in Danish)');
  const intro =
    found.how === 'given'
      ? say(context, 'KOMBIT har svaret på det før:', 'KOMBIT has answered this before:')
      : say(
          context,
          `KOMBIT har svaret på et lignende spørgsmål${inOther}, »${asked}«:`,
          `KOMBIT has answered a similar question${inOther}, "${asked}":`,
        );
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
