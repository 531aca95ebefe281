import type { DialogContext, RouteDeps, Routed } from '../src/core/dialog-registry.js';
import { languageOf, withLanguage } from '../src/core/language.js';
import type { ActionPayload, Reply, Turn } from '../src/core/types.js';
import { detectLanguage } from '../src/understanding/language.js';
import { queryWords } from '../src/understanding/query-words.js';
import { participantQuestion } from '../src/understanding/participant-questions.js';
import { onlyTells, splitQuestions } from '../src/understanding/split-questions.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from '../src/understanding/types.js';
import { seeAlso } from './answers/fact-answer.js';
import { help, notUnderstood, partNotUnderstood } from './answers/help.js';
import { actionsFor } from './intent-actions.js';
import { participantAction } from './meetings/participants.js';
import { ANSWER_DIALOGS, MEETING_DIALOGS, STATUS_DIALOGS } from './names.js';
import { answerDialog, isActionDialog, standInFor } from './registry.js';
import { shownText } from './shared/replies.js';
import { say } from './shared/say.js';

/**
 * "Jeg har ingen landsstatus for …" is an honest "I don't know", and is reported as one; what
 * it was about stays the topic a follow-up leans on.
 */
function reported(understanding: Understanding, replies: Reply[]): Pick<Routed, 'understanding' | 'topic'> {
  const knowsNothing = replies.length > 0 && replies.every((reply) => reply.notKnown);
  return knowsNothing
    ? { understanding: { ...understanding, intent: 'unknown' }, topic: understanding }
    : { understanding };
}

interface Read {
  understander: RouteDeps['understander'];
  context: DialogContext;
  understanding: Understanding;
  tokens: string[];
  actions: ActionPayload[];
}

function readText(turn: Turn, text: string, deps: RouteDeps): Read {
  const understanding = deps.understander.understand({
    text,
    now: turn.now,
    locale: turn.locale,
    previous: deps.previous,
  });
  const context: DialogContext = {
    turn: { ...turn, text },
    knowledge: deps.knowledge,
    language: understanding.language,
  };
  const { tokens } = queryWords(text);
  const actions = understanding.confidence >= CONFIDENCE_THRESHOLD ? actionsFor(understanding, tokens) : [];
  return { understander: deps.understander, context, understanding, tokens, actions };
}

function answerRead(read: Read): Routed {
  const { context, understanding, tokens, actions } = read;
  if (tokens.length === 0) return { replies: help(context, {}), understanding };
  const action = actions[0];
  if (!action) return { replies: notUnderstood(context, {}), understanding: { ...understanding, intent: 'unknown' } };
  const dialog = answerDialog(action.dialog);
  if (dialog) {
    // "forskellen på A og B": each of them, in the order named
    const answers = actions.flatMap((each) => dialog(context, each.args));
    const better = passagesInstead(read, answers);
    if (better) return better;
    const replies = withEvidence(context, answers, understanding);
    return { replies, ...reported(understanding, replies) };
  }
  const standIn = standInFor(action.dialog);
  if (standIn) {
    const replies = standIn(context, action.args);
    return { replies, ...reported(understanding, replies), action };
  }
  return { replies: isActionDialog(action.dialog) ? [] : notUnderstood(context, {}), understanding, action };
}

/**
 * The answer to one question. A participant's short one ("hvornår er der pause?") is the
 * meeting's to answer where one runs here, which only the core can tell: it runs the meeting's
 * dialog, which gives today's answer (the reading's dialog) where no meeting runs.
 */
function answerText(turn: Turn, text: string, deps: RouteDeps): Routed {
  const read = readText(turn, text, deps);
  const routed = answerRead(read);
  const asks = participantQuestion(read.tokens);
  if (!asks) return routed;
  return { ...routed, action: participantAction(MEETING_DIALOGS.participant, asks, read.actions[0]) };
}

/** The passages that say what was asked, where the intent's answer says little of it. */
function passagesInstead(read: Read, answers: Reply[]): Routed | undefined {
  const { context, understanding } = read;
  const knowsNothing = answers.length > 0 && answers.every((reply) => reply.notKnown);
  // (against the clause that asked, where a long message's question was read by itself)
  const asked = understanding.clause ?? context.turn.text;
  const fact = read.understander.check.reconsidered(asked, understanding, shownText(answers), knowsNothing);
  if (!fact) return undefined;
  if (fact.intent === 'unknown') return { replies: notUnderstood(context, {}), understanding: fact };
  const action = actionsFor(fact, read.tokens)[0];
  const dialog = action && answerDialog(action.dialog);
  return dialog ? { replies: dialog(context, action.args), understanding: fact } : undefined;
}

/** The dialog's answer, and beside it what the knowledge says in the question's own words, if the answer lacks it. */
function withEvidence(context: DialogContext, replies: Reply[], understanding: Understanding): Reply[] {
  const evidence = understanding.entities.evidence;
  if (!evidence) return replies;
  const also = seeAlso(context, evidence.passages, evidence.terms, replies);
  return also ? [...replies, also] : replies;
}

// A meeting's practical side asked beside another question ("hvornår tester vi lyd, og hvornår
// er deadline for BBR?") is the same however far a meeting run here has got; the programme
// itself needs the whole message.
function answeredInPart(action: ActionPayload): boolean {
  return action.dialog === MEETING_DIALOGS.agenda && action.args.aspect === 'practical';
}

// Dialogs that only read the state answer their part of a message ("hvor mange er færdige med
// BBR trin 1, og hvornår er …?"); one that changes something needs the whole message, read alone.
const readingDialogs = new Set<string>([
  STATUS_DIALOGS.national,
  STATUS_DIALOGS.mine,
  STATUS_DIALOGS.missing,
  STATUS_DIALOGS.history,
]);

// "… og hvor mange dage er der til?": the days to what the other part dates, which its answer
// counts; only a part that asks that and nothing else ("hvor mange dage varer webinaret?" asks more)
const daysLeftWords =
  /^(og|and|hvor|mange|dage|how|many|days|er|der|til|tilbage|left|until|are|there|is|it|do|we|have|har|vi|det|den|dem|them|to|go|saa|then|so|igen|endnu|mangler|away|remaining)$/;
const asksTheDaysLeft = (part: string) => {
  const tokens = queryWords(part).tokens;
  return (
    /\b(hvor mange dage|how many days)\b/.test(tokens.join(' ')) && tokens.every((token) => daysLeftWords.test(token))
  );
};
const countsTheDays = (answer: Routed) =>
  answer.replies.some((reply) => /\((om \d+ dage|in \d+ days|i morgen|tomorrow|i dag|today)\)/u.test(reply.text ?? ''));

const pointsBack = (part: string) => /(?<!\p{L})(it|that|them|det|den|dem|dette)(?!\p{L})/iu.test(part);

/** Whether a part of a message reports a status of a step ("BBR trin 3 er fuldført"), set or asked back. */
function reportsAStep(routed: Routed): boolean {
  if (routed.understanding?.intent !== 'status.update') return false;
  const action = routed.action;
  if (action) return action.dialog === STATUS_DIALOGS.update && action.args.step !== undefined;
  return routed.understanding.entities.steps.length > 0;
}

/**
 * Whether the statuses a message reports, if any, are one status of several steps of one task
 * and nothing else: "vi har fuldført trin 2 og 3 i BBR" is two reports; a report beside a
 * question, or of two tasks, is read whole.
 */
function reportsAlike(answers: Routed[]): boolean {
  const reports = answers.filter(reportsAStep);
  if (reports.length === 0) return true;
  const key = (answer: Routed) =>
    answer.action ? `${answer.action.args.taskId}|${answer.action.args.status}` : 'asked back';
  return reports.length === answers.length && reports.every((answer) => key(answer) === key(reports[0]!));
}

/**
 * Whether two parts of a message got the same answer: the same dialog run alike, or the same
 * words (an "I don't know" is each part's own, said with its words).
 */
function sameAnswer(one: Routed, other: Routed): boolean {
  if (one.understanding?.intent === 'unknown' || other.understanding?.intent === 'unknown') return false;
  const run = (routed: Routed) => routed.action && !answeredInPart(routed.action);
  if (run(one) || run(other)) return JSON.stringify(one.action) === JSON.stringify(other.action);
  return shownText(one.replies) === shownText(other.replies);
}

/** Whether two parts of a message say the same words ("hvad er flurbo? hvad er flurbo?"). */
function sameWords(one: string, other: string): boolean {
  return queryWords(one).tokens.join(' ') === queryWords(other).tokens.join(' ');
}

/**
 * A part klikbot cannot answer says so where it stands, and the others are still answered; a
 * part that only tells why the message asks, or asks the days the other parts count, says nothing.
 */
function withPartsNotUnderstood(turn: Turn, deps: RouteDeps, answers: Routed[], asked: string[]): Routed[] {
  return answers.flatMap((answer, index): Routed[] => {
    if (answer.understanding?.intent !== 'unknown') return [answer];
    // words that only tell why the message asks are no question klikbot failed ("…? min chef spurgte")
    if (onlyTells(asked[index]!)) return [];
    if (asksTheDaysLeft(asked[index]!) && answers.some(countsTheDays)) return [];
    const context = { turn, knowledge: deps.knowledge, language: answer.understanding.language };
    // a dialog's own "I don't know" ("Jeg har ingen landsstatus for …") says more than the general one
    const general = notUnderstood(context, {})[0]?.text;
    if (answer.replies.some((reply) => reply.text !== general)) return [answer];
    return [{ replies: partNotUnderstood(context, { part: asked[index]! }) }];
  });
}

/**
 * Every question in a message answered: "hvornår er deadline for BBR, og hvem er ansvarlig?"
 * gets two answers, each part read after the one before it (so the second may lean on the
 * first's topic). A part that asks for an action or is not understood leaves the whole
 * message to be read as one.
 */
function answerMessage(turn: Turn, text: string, deps: RouteDeps): Routed {
  const parts = splitQuestions(text);
  if (parts.length < 2) return answerText(turn, text, deps);
  const answers: Routed[] = [];
  // (the part each answer answers: a part said once or skipped has none)
  const asked: string[] = [];
  let previous = deps.previous;
  for (const part of parts) {
    const routed = answerText(turn, part, { ...deps, previous });
    const action = routed.action;
    // (a status said of several steps of a task is one report a step, "BBR trin 2 og 3 er fuldført";
    // any other status said in a longer message is read whole, as the status dialog asks back)
    const stepReport = reportsAStep(routed);
    const reports = routed.understanding?.intent === 'status.update';
    const acts = action && !answeredInPart(action) && !readingDialogs.has(action.dialog) && !stepReport;
    if (acts || !routed.understanding || (reports && !stepReport)) return answerText(turn, text, deps);
    // (what klikbot can do is no part of a longer question that points back at the rest of it:
    // "… and what are you planning to add to it?"; "… og hvad kan du hjælpe med?" is asked)
    if (routed.understanding.intent === 'help' && pointsBack(part)) continue;
    // a part answered as another was ("hvem er ansvarlig for trin 4 og 5?": the task's one role),
    // or asked again in the same words, is said once
    if (answers.some((earlier) => sameAnswer(earlier, routed)) || asked.some((earlier) => sameWords(earlier, part)))
      continue;
    answers.push(routed);
    asked.push(part);
    if (routed.understanding.intent !== 'unknown') previous = routed.understanding;
  }
  if (!reportsAlike(answers)) return answerText(turn, text, deps);
  const understood = answers.filter((answer) => answer.understanding?.intent !== 'unknown');
  if (understood.length === 0) return answerText(turn, text, deps);
  const answered = withPartsNotUnderstood(turn, deps, answers, asked);
  const replies = answered.flatMap((answer) => answer.replies);
  const understanding = understood.at(-1)?.understanding;
  // a part that reads the state is run by the core, each part in its turn
  const reads = answered.some((answer) => answer.action && !answeredInPart(answer.action));
  if (!reads) return { replies, understanding };
  // each part's buttons keep its language, as routeTurn gives the whole answer's
  const shown = answered.map((answer) => {
    const inLanguage = withLanguage(answer.replies, answer.understanding?.language ?? languageOf(turn));
    return answer.action && answeredInPart(answer.action)
      ? { replies: inLanguage }
      : { ...answer, replies: inLanguage };
  });
  return { replies, understanding, parts: shown };
}

/** Answers one turn: a button runs the dialog it names; text is understood, then answered. */
export function routeTurn(turn: Turn, deps: RouteDeps): Routed {
  const action = turn.action;
  if (!action || action.dialog === ANSWER_DIALOGS.ask) {
    const text = action ? (action.args.text ?? '') : turn.text;
    const routed = answerMessage(turn, text, deps);
    return { ...routed, replies: withLanguage(routed.replies, routed.understanding?.language ?? languageOf(turn)) };
  }
  const language = languageOf(turn);
  const dialog = answerDialog(action.dialog);
  if (!dialog) return { replies: [unknownButtonReply(turn)] };
  return { replies: withLanguage(dialog({ turn, knowledge: deps.knowledge, language }, action.args), language) };
}

/** A button klikbot cannot read: say so plainly, nothing else happens. */
export function unknownButtonReply(turn: Turn): Reply {
  const context = { language: detectLanguage(turn.text, turn.locale) };
  return {
    text: say(
      context,
      'Den knap kender jeg ikke (måske er kortet fra en ældre udgave af klikbot). Skriv dit spørgsmål i stedet, eller skriv "hjælp".',
      'I don\'t recognise that button (the card may come from an older klikbot). Type your question instead, or type "help".',
    ),
  };
}
