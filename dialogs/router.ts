import type { Language, Reply, Turn } from '../src/core/types.js';
import type { Knowledge } from '../src/knowledge/registry.js';
import { findDeadlines, findRoles, findTasks } from '../src/knowledge/queries.js';
import { words } from '../src/knowledge/text.js';
import { detectLanguage } from '../src/understanding/language.js';
import { say, type Dialog, type DialogContext } from './context.js';
import { datedFact } from './dated-fact.js';
import { upcoming } from './deadlines.js';
import { taskDeadline } from './task-deadline.js';
import { help, notUnderstood } from './help.js';
import { role, roleCompetences } from './role.js';
import { taskSteps } from './task-steps.js';

/** Dialogs a button may name. `ask` runs its `text` argument as if it had been typed. */
const dialogsByName: Record<string, Dialog> = {
  help,
  upcoming,
  'task-deadline': taskDeadline,
  'dated-fact': datedFact,
  'task-steps': taskSteps,
  role,
  'role-competences': roleCompetences,
};

// Keyword lists in folded form (æ/ø/å as ae/oe/aa, see words()); real language understanding replaces these later.
const helpPhrases = ['hjaelp', 'help', 'hej', 'hi', 'hello', 'goddag', 'start', 'hvad kan du', 'hvad kan du hjaelpe med', 'what can you do'];
const stepWords = new Set(['trin', 'trinene', 'trinnene', 'step', 'steps', 'skridt', 'fremgangsmaade']);
// "deadline" asks for dates on its own; "hvornår" only together with a task it names
// ("hvornår er kommunedagene?" is not a question about deadlines).
const deadlineWords = new Set(['deadline', 'deadlines', 'deadlinen', 'frist', 'fristen', 'frister', 'fristerne', 'due', 'senest']);
const whenWords = new Set(['hvornaar', 'when']);

const mentionsAny = (found: string[], wanted: Set<string>) => found.some((word) => wanted.has(word));

/** Chooses the dialog for typed text by keywords and the entities found in the knowledge base. */
function routeText(context: DialogContext): Reply[] {
  const found = words(context.turn.text);
  if (found.length === 0 || helpPhrases.includes(found.join(' '))) return help(context, {});
  const [task] = findTasks(context.knowledge, context.turn.text);
  const [foundRole] = findRoles(context.knowledge, context.turn.text);
  const asksDeadline = mentionsAny(found, deadlineWords);
  if (task && mentionsAny(found, stepWords)) return taskSteps(context, { taskId: task.id });
  const asksWhen = asksDeadline || mentionsAny(found, whenWords);
  if (task && asksWhen) return taskDeadline(context, { taskId: task.id });
  const [dated] = asksWhen ? findDeadlines(context.knowledge, context.turn.text) : [];
  if (dated) return datedFact(context, { deadlineId: dated.id });
  if (asksDeadline) return upcoming(context, {});
  if (foundRole) return role(context, { roleId: foundRole.id });
  if (task) return taskDeadline(context, { taskId: task.id });
  return notUnderstood(context, {});
}

/**
 * A pressed button carries no text to tell the language by, so each button remembers the
 * language of the answer it sits on (`lang`); the next answer keeps it.
 */
function languageOf(turn: Turn, text: string): Language {
  const remembered = turn.action?.args.lang;
  if (remembered === 'da' || remembered === 'en') return remembered;
  return detectLanguage(text, turn.locale);
}

function withLanguage(replies: Reply[], language: Language): Reply[] {
  return replies.map((reply) =>
    reply.buttons ? { ...reply, buttons: reply.buttons.map((b) => ({ ...b, action: { ...b.action, args: { ...b.action.args, lang: language } } })) } : reply,
  );
}

/** Answers one turn: a button runs the dialog it names; text is routed by keywords. */
export function routeTurn(turn: Turn, deps: { knowledge: Knowledge }): Reply[] {
  const action = turn.action;
  const typed = action?.dialog === 'ask' ? { ...turn, text: action.args.text ?? '' } : turn;
  const language = action?.dialog === 'ask' ? detectLanguage(typed.text, turn.locale) : languageOf(turn, typed.text);
  const context: DialogContext = { turn: typed, knowledge: deps.knowledge, language };
  if (!action || action.dialog === 'ask') return withLanguage(routeText(context), language);
  const dialog = dialogsByName[action.dialog];
  return dialog ? withLanguage(dialog(context, action.args), language) : [unknownButtonReply(turn)];
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
