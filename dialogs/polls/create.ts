import type { DateTime } from 'luxon';
import { z } from 'zod';
import { addressOf } from '../../src/core/address.js';
import type { Reply, ReplyFormField } from '../../src/core/types.js';
import { MAX_OPEN_MINUTES } from '../../src/polls/poll-flags.js';
import {
  MAX_SENTENCE_LENGTH,
  parsePollSentence,
  type PollDraft,
  type PollProblem,
} from '../../src/polls/parse-poll.js';
import { MAX_OPTION_LENGTH, MAX_OPTIONS, MAX_QUESTION_LENGTH } from '../../src/state/polls.js';
import { actorOf } from '../membership/acting-for.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { pollsOf, pollsUnavailable, quoted } from './access.js';
import { pollCard } from './card.js';
import { POLL_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/**
 * The longest argument a button or a form carries back in every channel (Teams' and Slack's
 * payload checks): a longer sentence travels in pieces of this size (`text`, `text2`, …).
 */
export const FORM_ARG_MAX = 500;

/** The arguments a sentence's pieces travel under, in order: room for MAX_SENTENCE_LENGTH and to spare. */
const SENTENCE_KEYS = ['text', 'text2', 'text3', 'text4'] as const;

const argsSchema = z.object({
  /** The sentence, or its first piece; typed text of any length comes here whole. */
  text: z.string().optional(),
  text2: z.string().max(FORM_ARG_MAX).optional(),
  text3: z.string().max(FORM_ARG_MAX).optional(),
  text4: z.string().max(FORM_ARG_MAX).optional(),
  choice: z.enum(['single', 'multiple']).optional(),
  identity: z.enum(['anonymous', 'named']).optional(),
  results: z.enum(['hidden', 'live']).optional(),
  /** "manual", "as-written" (the sentence's closing time) or minutes from now. */
  closes: z.union([z.enum(['manual', 'as-written']), z.string().regex(/^\d{1,4}$/)]).optional(),
});

type Args = z.infer<typeof argsSchema>;

/**
 * The sentence as a form's or button's arguments: in pieces of at most FORM_ARG_MAX
 * characters, none cut inside a character written as two (an emoji). Only a sentence that
 * parsePollSentence took (at most MAX_SENTENCE_LENGTH) is offered a form, so all of it fits.
 */
export function sentenceArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  let rest = text;
  for (const key of SENTENCE_KEYS) {
    if (rest === '') break;
    let cut = Math.min(FORM_ARG_MAX, rest.length);
    if (cut < rest.length && /[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    args[key] = rest.slice(0, cut);
    rest = rest.slice(cut);
  }
  return args;
}

/** The sentence put together again from its pieces (a typed sentence is its `text`). */
function sentenceOf(args: Args): string | undefined {
  if (args.text === undefined) return undefined;
  return SENTENCE_KEYS.map((key) => args[key] ?? '').join('');
}

const EXAMPLE = 'afstemning: Hvilken strategi vælger I? | A Integration | B STS ORG GUI | C Interim';

/** How to write a poll, for "afstemning" with nothing after it or a sentence without a question. */
function howTo(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      `Skriv afstemningen i én besked: spørgsmålet og 2–${MAX_OPTIONS} svarmuligheder, adskilt af |, fx »${EXAMPLE}«. ` +
        'Før kolon kan du skrive »flere valg«, »navngiven«, »vis resultat« og »lukker kl. 11.30« eller »lukker om 10 min«; ' +
        'skriv »indstillinger« for at vælge dem i en formular. Ellers er afstemningen anonym med ét valg, og resultatet vises, når den lukkes.',
      `Write the poll in one message: the question and 2–${MAX_OPTIONS} options, separated by |, e.g. "poll: Which strategy do you choose? | A | B | C". ` +
        'Before the colon you can write "multiple", "named", "live" and "closes at 11:30" or "closes in 10 min"; write "settings" to choose them in a form. ' +
        'Otherwise the poll is anonymous with one choice, and the results are shown when it closes.',
    ),
  );
}

function problemText(context: DialogContext, problem: PollProblem): string {
  switch (problem.kind) {
    case 'empty':
      return '';
    case 'too-long':
      return say(
        context,
        `Afstemningen er for lang (${problem.length} tegn; højst ${MAX_SENTENCE_LENGTH}): spørgsmålet må have højst ${MAX_QUESTION_LENGTH} tegn og hver svarmulighed højst ${MAX_OPTION_LENGTH}.`,
        `The poll is too long (${problem.length} characters; at most ${MAX_SENTENCE_LENGTH}): the question may have at most ${MAX_QUESTION_LENGTH} characters and each option at most ${MAX_OPTION_LENGTH}.`,
      );
    case 'question-too-long':
      return say(
        context,
        `Spørgsmålet er for langt (${problem.length} tegn; højst ${MAX_QUESTION_LENGTH}).`,
        `The question is too long (${problem.length} characters; at most ${MAX_QUESTION_LENGTH}).`,
      );
    case 'too-few-options':
      return say(
        context,
        `En afstemning skal have mindst 2 svarmuligheder, adskilt af | (jeg fandt ${problem.count}), fx »${EXAMPLE}«.`,
        `A poll needs at least 2 options, separated by | (I found ${problem.count}), e.g. "poll: Which strategy? | A | B | C".`,
      );
    case 'too-many-options':
      return say(
        context,
        `En afstemning kan have højst ${MAX_OPTIONS} svarmuligheder (jeg fandt ${problem.count}).`,
        `A poll can have at most ${MAX_OPTIONS} options (I found ${problem.count}).`,
      );
    case 'option-too-long':
      return say(
        context,
        `Svarmuligheden ${quoted(context, problem.label)} er for lang (${problem.label.length} tegn): højst ${MAX_OPTION_LENGTH} tegn, så den kan stå på en knap.`,
        `The option ${quoted(context, problem.label)} is too long (${problem.label.length} characters): at most ${MAX_OPTION_LENGTH} characters, to fit on a button.`,
      );
    case 'duplicate-option':
      return say(
        context,
        `Svarmuligheden ${quoted(context, problem.label)} står der to gange.`,
        `The option ${quoted(context, problem.label)} appears twice.`,
      );
    case 'closes-past':
      return say(
        context,
        'Det tidspunkt er allerede passeret i dag: skriv et senere, fx »lukker om 10 min«.',
        'That time has already passed today: write a later one, e.g. "closes in 10 min".',
      );
    case 'closes-unreadable':
      return say(
        context,
        'Jeg kunne ikke læse, hvornår afstemningen skal lukke: skriv fx »lukker kl. 11.30« eller »lukker om 10 min«.',
        'I could not read when the poll should close: write e.g. "closes at 11:30" or "closes in 10 min".',
      );
    case 'closes-too-late':
      return say(context, 'En afstemning kan højst være åben i et døgn.', 'A poll can be open for one day at most.');
    case 'contradiction':
      return say(
        context,
        'Afstemningen kan ikke både være anonym og navngiven, have ét og flere valg eller vise resultatet løbende og først til sidst: vælg én af dem.',
        'A poll cannot be both anonymous and named, single and multiple choice, or live and hidden: choose one.',
      );
  }
}

function hasFormAnswers(args: Args): boolean {
  return (
    args.choice !== undefined || args.identity !== undefined || args.results !== undefined || args.closes !== undefined
  );
}

/** The draft with the form's answers in place of the sentence's settings. */
function withFormAnswers(draft: PollDraft, args: Args, now: DateTime): PollDraft {
  const { closesAt: written, ...rest } = draft;
  const minutes =
    args.closes !== undefined && /^\d+$/.test(args.closes)
      ? Math.min(Number(args.closes), MAX_OPEN_MINUTES)
      : undefined;
  const closesAt =
    minutes !== undefined && minutes > 0
      ? (now.plus({ minutes }).toISO() ?? undefined)
      : args.closes === 'manual'
        ? undefined
        : written;
  return {
    ...rest,
    multiple: args.choice === undefined ? draft.multiple : args.choice === 'multiple',
    anonymous: args.identity === undefined ? draft.anonymous : args.identity === 'anonymous',
    live: args.results === undefined ? draft.live : args.results === 'live',
    ...(closesAt !== undefined ? { closesAt } : {}),
  };
}

/** A field's options with the sentence's choice first, so it is the one already picked. */
function firstChosen(options: { value: string; label: string }[], chosen: string): { value: string; label: string }[] {
  return [
    ...options.filter((option) => option.value === chosen),
    ...options.filter((option) => option.value !== chosen),
  ];
}

function formFields(context: DialogContext, draft: PollDraft): ReplyFormField[] {
  const closing = [
    ...(draft.closesAt !== undefined
      ? [{ value: 'as-written', label: say(context, 'Som skrevet', 'As written') }]
      : []),
    { value: 'manual', label: say(context, 'Når jeg lukker den', 'When I close it') },
    ...[5, 10, 15, 30, 60].map((minutes) => ({
      value: String(minutes),
      label: say(context, `Om ${minutes} min`, `In ${minutes} min`),
    })),
  ];
  return [
    {
      id: 'choice',
      label: say(context, 'Svar', 'Answers'),
      options: firstChosen(
        [
          { value: 'single', label: say(context, 'Ét valg', 'One choice') },
          { value: 'multiple', label: say(context, 'Flere valg', 'Multiple choice') },
        ],
        draft.multiple ? 'multiple' : 'single',
      ),
    },
    {
      id: 'identity',
      label: say(context, 'Stemmer', 'Votes'),
      options: firstChosen(
        [
          { value: 'anonymous', label: say(context, 'Anonyme', 'Anonymous') },
          { value: 'named', label: say(context, 'Med navn', 'Named') },
        ],
        draft.anonymous ? 'anonymous' : 'named',
      ),
    },
    {
      id: 'results',
      label: say(context, 'Resultat', 'Results'),
      options: firstChosen(
        [
          { value: 'hidden', label: say(context, 'Vises, når den lukkes', 'Shown when it closes') },
          { value: 'live', label: say(context, 'Vises løbende', 'Shown as votes come in') },
        ],
        draft.live ? 'live' : 'hidden',
      ),
    },
    { id: 'closes', label: say(context, 'Lukker', 'Closes'), options: closing },
  ];
}

function formReply(context: DialogContext, text: string, draft: PollDraft): Reply[] {
  const title = say(context, 'Ny afstemning', 'New poll');
  return [
    {
      heading: title,
      text: say(
        context,
        `Vælg, hvordan afstemningen ${quoted(context, draft.question)} skal køre, og opret den.`,
        `Choose how the poll ${quoted(context, draft.question)} should run, then create it.`,
      ),
      form: {
        id: POLL_DIALOGS.create,
        title,
        submitLabel: say(context, 'Opret afstemning', 'Create poll'),
        fields: formFields(context, draft),
        submit: { dialog: POLL_DIALOGS.create, args: { ...sentenceArgs(text), lang: context.language } },
        open: { dialog: POLL_DIALOGS.create, args: sentenceArgs(text) },
      },
    },
  ];
}

/**
 * Creates a poll from a sentence ("afstemning: Hvilken strategi vælger I? | A | B | C", flags
 * in it) and answers with its card; with "indstillinger" in the sentence, first a form for the
 * settings, which submits back here. A sentence that breaks a rule gets a notice saying
 * which, and nothing is written.
 */
export const pollCreate: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsedArgs = argsSchema.safeParse(args);
  const text = parsedArgs.success ? sentenceOf(parsedArgs.data) : undefined;
  if (!parsedArgs.success || text === undefined || text.trim() === '') return howTo(context);
  const now = context.turn.now;
  const parsed = parsePollSentence(text, now);
  if (!parsed.ok) {
    if (parsed.problem.kind === 'empty') return howTo(context);
    return notice(
      `${problemText(context, parsed.problem)} ${say(context, 'Intet er oprettet.', 'Nothing was created.')}`,
    );
  }
  if (!hasFormAnswers(parsedArgs.data) && parsed.draft.form) return formReply(context, text, parsed.draft);
  const draft = withFormAnswers(parsed.draft, parsedArgs.data, now);
  const address = addressOf(context.turn);
  const poll = await polls.create({
    channel: address.channel,
    conversationId: address.conversationId,
    question: draft.question,
    options: draft.options,
    multiple: draft.multiple,
    anonymous: draft.anonymous,
    live: draft.live,
    ...(draft.closesAt !== undefined ? { closesAt: draft.closesAt } : {}),
    createdBy: actorOf(context.turn),
    language: context.language,
  });
  const results = polls.results(poll.id) ?? {
    voters: 0,
    options: poll.options.map((option) => ({ ...option, votes: 0, percent: 0 })),
  };
  return [pollCard(context, poll, results, now)];
};
