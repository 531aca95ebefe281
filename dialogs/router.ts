import { MEETING_DIALOGS } from './meetings/host.js';
import type { ActionPayload, Language, Reply, Turn } from '../src/core/types.js';
import type { Knowledge } from '../src/knowledge/registry.js';
import { detectLanguage } from '../src/understanding/language.js';
import { queryWords } from '../src/understanding/query-words.js';
import { splitQuestions } from '../src/understanding/split-questions.js';
import type { Understander } from '../src/understanding/understand.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from '../src/understanding/types.js';
import { isActionDialog } from './registry.js';
import { say, type Dialog, type DialogContext } from './types.js';
import { contacts } from './answers/contacts.js';
import { datedFact } from './answers/dated-fact.js';
import { deadlineSpan, overdue } from './answers/deadline-span.js';
import { upcoming } from './answers/deadlines.js';
import { FACT_DIALOGS, factAnswer, factRecord, seeAlso } from './answers/fact-answer.js';
import { TIMELINE_DIALOG, timeline } from './answers/timeline.js';
import { MEETING_ITEMS_DIALOG, meetingItems } from './answers/meeting-items.js';
import { agendaToday, events, nextMeeting } from './answers/events.js';
import { help, notUnderstood, partNotUnderstood } from './answers/help.js';
import { actionFor, statusDialogs } from './intent-dialogs.js';
import { news } from './answers/news.js';
import { overview } from './answers/overview.js';
import { responsible } from './answers/responsible.js';
import { roleList } from './answers/role-list.js';
import { role, roleCompetences } from './answers/role.js';
import { pilots, rollout } from './answers/rollout.js';
import { STATUS_ASK_BACK_DIALOG, statusAskBack } from './status/ask-back.js';
import { status } from './status/extract.js';
import { strategies } from './answers/strategies.js';
import { taskDeadline } from './answers/task-deadline.js';
import { taskInfo, taskList } from './answers/task-info.js';
import { taskSteps } from './answers/task-steps.js';
import { welcome } from './answers/welcome.js';

/** Every dialog, by the name buttons and the intent table use. `ask` runs its `text` as if typed. */
const dialogsByName: Record<string, Dialog> = {
  help,
  welcome,
  upcoming,
  'task-deadline': taskDeadline,
  'dated-fact': datedFact,
  'task-steps': taskSteps,
  'task-info': taskInfo,
  'task-list': taskList,
  role,
  'role-competences': roleCompetences,
  'role-list': roleList,
  responsible,
  status,
  overview,
  rollout,
  pilots,
  strategies,
  events,
  'next-meeting': nextMeeting,
  'agenda-today': agendaToday,
  contacts,
  news,
  'deadline-span': deadlineSpan,
  overdue,
  [STATUS_ASK_BACK_DIALOG]: statusAskBack,
  [FACT_DIALOGS.answer]: factAnswer,
  [FACT_DIALOGS.record]: factRecord,
  [TIMELINE_DIALOG]: timeline,
  [MEETING_ITEMS_DIALOG]: meetingItems,
};

/**
 * What can be said for an action dialog without running it: the seed's national table for
 * status-national (which adds the updates reported since from the state). It is the answer
 * where there is no state, and what `answer()` shows for measuring.
 */
// action dialogs whose plain answer, without state, is a read-only dialog's
const standIns: Record<string, string> = { [statusDialogs.national]: 'status', [MEETING_DIALOGS.agenda]: 'agenda-today' };

/** Whether a button naming this dialog can be answered (`ask` runs its text as if typed; action dialogs run in the core). */
export function knowsDialog(name: string): boolean {
  return name === 'ask' || Object.hasOwn(dialogsByName, name) || isActionDialog(name);
}


/** What the router needs: the knowledge, the understanding over it, and the conversation's last topic. */
export interface RouteDeps {
  knowledge: Knowledge;
  understander: Understander;
  previous?: Understanding;
}

/** The answer, and how the question was read (kept as the conversation's topic for follow-ups). */
export interface Routed {
  replies: Reply[];
  understanding?: Understanding;
  /**
   * Set when the text asks for an action dialog (one that reads or writes the state): the
   * router does not run it, the core does (`handle`). `replies` are then what can be said
   * without it: a stand-in's answer, the not-understood answer when the dialog is not
   * registered, or nothing.
   */
  action?: ActionPayload;
}

/**
 * A pressed button carries no text to tell the language by, so each button remembers the
 * language of the answer it sits on (`lang`); the next answer keeps it.
 */
export function languageOf(turn: Turn): Language {
  const remembered = turn.action?.args.lang;
  if (remembered === 'da' || remembered === 'en') return remembered;
  return detectLanguage(turn.text, turn.locale);
}

/** Each button remembers the language of the answer it sits on. */
export function withLanguage(replies: Reply[], language: Language): Reply[] {
  return replies.map((reply) =>
    reply.buttons ? { ...reply, buttons: reply.buttons.map((b) => ({ ...b, action: { ...b.action, args: { ...b.action.args, lang: language } } })) } : reply,
  );
}

/** "Jeg har ingen landsstatus for …" is an honest "I don't know", and is reported as one. */
function reported(understanding: Understanding, replies: Reply[]): Understanding {
  const knowsNothing = replies.length > 0 && replies.every((reply) => reply.notKnown);
  return knowsNothing ? { ...understanding, intent: 'unknown' } : understanding;
}

function answerText(turn: Turn, text: string, deps: RouteDeps): Routed {
  const understanding = deps.understander.understand({ text, now: turn.now, locale: turn.locale, previous: deps.previous });
  const context: DialogContext = { turn: { ...turn, text }, knowledge: deps.knowledge, language: understanding.language };
  const { tokens } = queryWords(text);
  if (tokens.length === 0) return { replies: help(context, {}), understanding };
  const action = understanding.confidence >= CONFIDENCE_THRESHOLD ? actionFor(understanding, tokens) : undefined;
  if (!action) return { replies: notUnderstood(context, {}), understanding: { ...understanding, intent: 'unknown' } };
  const dialog = dialogsByName[action.dialog];
  if (dialog) {
    const replies = withEvidence(context, dialog(context, action.args), understanding);
    return { replies, understanding: reported(understanding, replies) };
  }
  const standIn = dialogsByName[standIns[action.dialog] ?? ''];
  if (standIn) {
    const replies = standIn(context, action.args);
    return { replies, understanding: reported(understanding, replies), action };
  }
  return { replies: isActionDialog(action.dialog) ? [] : notUnderstood(context, {}), understanding, action };
}

/** The dialog's answer, and beside it what the knowledge says in the question's own words, if the answer lacks it. */
function withEvidence(context: DialogContext, replies: Reply[], understanding: Understanding): Reply[] {
  const evidence = understanding.entities.evidence;
  if (!evidence) return replies;
  const also = seeAlso(context, evidence.passages, evidence.terms, replies);
  return also ? [...replies, also] : replies;
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
  let previous = deps.previous;
  for (const part of parts) {
    const routed = answerText(turn, part, { ...deps, previous });
    if (routed.action || !routed.understanding) return answerText(turn, text, deps);
    answers.push(routed);
    if (routed.understanding.intent !== 'unknown') previous = routed.understanding;
  }
  const understood = answers.filter((answer) => answer.understanding?.intent !== 'unknown');
  if (understood.length === 0) return answerText(turn, text, deps);
  // a part klikbot cannot answer says so where it stands, and the others are still answered
  const replies = answers.flatMap((answer, index) => {
    if (answer.understanding?.intent !== 'unknown') return answer.replies;
    const context = { turn, knowledge: deps.knowledge, language: answer.understanding.language };
    // a dialog's own "I don't know" ("Jeg har ingen landsstatus for …") says more than the general one
    const general = notUnderstood(context, {})[0]?.text;
    if (answer.replies.some((reply) => reply.text !== general)) return answer.replies;
    return partNotUnderstood(context, { part: parts[index]! });
  });
  return { replies, understanding: understood.at(-1)?.understanding };
}

/** Answers one turn: a button runs the dialog it names; text is understood, then answered. */
export function routeTurn(turn: Turn, deps: RouteDeps): Routed {
  const action = turn.action;
  if (!action || action.dialog === 'ask') {
    const text = action ? (action.args.text ?? '') : turn.text;
    const routed = answerMessage(turn, text, deps);
    return { ...routed, replies: withLanguage(routed.replies, routed.understanding?.language ?? languageOf(turn)) };
  }
  const language = languageOf(turn);
  const dialog = dialogsByName[action.dialog];
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
      "I don't recognise that button (the card may come from an older klikbot). Type your question instead, or type \"help\".",
    ),
  };
}
