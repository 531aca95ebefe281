import { namesSomething } from './reading-groups.js';
import type { Understanding } from './types.js';

/*
 * Intents of time read from how a question is phrased (intent-checks.ts), checked against its
 * words: deadlines passed or coming asked without a word of them, how long asked of a meeting.
 */

// the words of a deadline missed or passed
const deadlineWord =
  /^(deadline\w*|frist\w*|tidsfrist\w*|overdue|due|miss\w*|overskred\w*|forsinke\w*|late|behind|bagud|nået|naaet|passeret)$/;

// "er vi for sent ude med noget?", "anything we're late with?": what the asker is late with, asked
// of anything at all ("er det for sent at tilmelde sig?", "hvem kontakter vi, hvis vi er bagud med
// noget?", "vi er bagud med projektplanen" ask something else)
const lateWith = /\b(?:for\s+sent(?:\s+ude)?\s+(?:med|paa)|late\s+with|behind\s+(?:with|on)|bagud\s+med)\b/u;
const anything = /^(noget|nogen|nogle|anything|something)$/;
const otherAsking = /^(hvem|who|hvis|if|konsekvens\w*|consequence\w*|hjaelp\w*|help)$/;
// ("i" is as often the Danish preposition)
const asker = /^(vi|os|jeg|we|us)$/;

function asksWhatTheAskerIsLateWith(tokens: string[]): boolean {
  return (
    lateWith.test(tokens.join(' ')) &&
    tokens.some((token) => anything.test(token)) &&
    tokens.some((token) => asker.test(token)) &&
    !tokens.some((token) => otherAsking.test(token))
  );
}

/** The passed deadlines, where the question asks what the asker is late with and names nothing, no date or event. */
export function lateWithSomething(read: Understanding, tokens: string[]): Understanding {
  const { eventKinds, dates } = read.entities;
  if (!asksWhatTheAskerIsLateWith(tokens) || namesSomething(read.entities) || eventKinds.length > 0 || dates)
    return read;
  return { ...read, intent: 'deadline.overdue', confidence: 0.7 };
}

/**
 * "hvad var første skridt i BBR-opgaverne, der skulle gøres klar?": passed deadlines asked of a
 * step are that step, of a task its deadline; without a deadline's word ("which vendors have
 * passed the compliance test?") it is no question of deadlines.
 */
export function passedDeadlines(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'deadline.overdue') return read;
  if (read.entities.steps.length > 0) return { ...read, intent: 'task.steps' };
  if (read.entities.tasks.length > 0) return { ...read, intent: 'deadline.task' };
  if (!tokens.some((token) => deadlineWord.test(token)) && !asksWhatTheAskerIsLateWith(tokens))
    return { ...read, intent: 'unknown', confidence: 0 };
  return read;
}

// the words of what is coming, or when, or of what is to be done (beside a deadline's words)
const comingWord =
  /^(kommende|kommer|naeste|next|snart|soon|upcoming|coming|nu|now|dato\w*|dates?|hvornaar|when|senest|inden|before|foer|uge\w*|weeks?|maaned\w*|months?|dage|days|aflever\w*|naa|naar|forfald\w*|ahead|haster|hastende|urgent|presser|pressing|skal|must|need|mangler|missing|huske|vente\w*|venter|vej|forberede\w*|done)$/;
// "hvad er …", "what is …": a question of what a thing is, not of what is coming
const whatIs = (tokens: string[]): boolean =>
  (tokens.includes('hvad') && tokens.includes('er')) ||
  (tokens.includes('what') && (tokens.includes('is') || tokens.includes('s')));

/**
 * "hvad er et modtagersystem?": what is coming, read from "hvad er" alone, is no question of
 * deadlines; without a word of what is coming, when or what is to be done, it is not
 * understood, for the other readings (the material's passages, a word explained).
 */
export function comingDeadlines(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'deadline.upcoming' || read.entities.dates || !whatIs(tokens)) return read;
  if (tokens.some((token) => deadlineWord.test(token) || comingWord.test(token))) return read;
  return { ...read, intent: 'unknown', confidence: 0 };
}

// a meeting or an event named by its kind ("mødet", "webinaret", "the meeting")
const meetingWord = /^(moede\w*|programledermoede\w*|skypemoede\w*|meetings?|webinar\w*|kommunedag\w*)$/;

/**
 * "hvor lang tid varer mødet?": how long, asked of a meeting, is its times, not a strategy's
 * duration, where no strategy or support system is named.
 */
export function meetingDuration(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'strategy.describe' || read.entities.strategies.length > 0) return read;
  if (read.entities.supportSystems.length > 0 || !tokens.some((token) => meetingWord.test(token))) return read;
  const event = read.entities.eventKinds.some((kind) => kind !== 'meeting');
  return { ...read, intent: event ? 'event.list' : 'event.next-meeting' };
}

// the words of a meeting's end, and of asking when
const endWord = /^(slut|slutter|ender|end|ends|finish|finishes|over)$/;
const whenWord = /^(hvornaar|when|tid|time)$/;
const endsSure = 0.7;

/**
 * "hvornår er mødet slut?", "when does the afternoon session finish?": when a meeting ends is its
 * times (an event's, for a webinar or a municipality day), where the words alone read nothing
 * sure and nothing else is named ("hvornår er KIGO helt slut?" is no meeting's).
 */
export function meetingEnd(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'unknown' && read.confidence >= endsSure) return read;
  if (namesSomething(read.entities) || read.entities.dates) return read;
  const meeting = tokens.some((token) => meetingWord.test(token) || token === 'session');
  if (!meeting || !tokens.some((token) => endWord.test(token)) || !tokens.some((token) => whenWord.test(token)))
    return read;
  const event = read.entities.eventKinds.some((kind) => kind !== 'meeting');
  return { ...read, intent: event ? 'event.list' : 'event.next-meeting', confidence: endsSure };
}

// the deadline words, one or many
const deadlineNoun = /^(deadline\w*|frist\w*|tidsfrist\w*)$/;
// the readings such a question is given from its words alone
const misreadAs = new Set(['event.list', 'deadline.upcoming', 'deadline.range', 'unknown']);

/**
 * "hvornår er deadline for Fordelingskomponenten?", "FK deadline, hvilken dato?": the deadlines
 * of a support system, no task named, are those of its tasks, which its task list gives with
 * their dates; not the coming events nor everyone's coming deadlines. "… december-deadlines for
 * fordelings-komponenten" are its deadlines in that span.
 */
export function deadlinesOfASystem(read: Understanding, tokens: string[]): Understanding {
  const { supportSystems, tasks, steps, roles, dates } = read.entities;
  // (a role named beside it, "deadline for FK-ADM", is that role's task)
  if (!misreadAs.has(read.intent) || supportSystems.length !== 1) return read;
  if (tasks.length + steps.length + roles.length > 0) return read;
  // (who sets the deadlines asks for someone, not for them)
  if (!tokens.some((token) => deadlineNoun.test(token)) || tokens.some((token) => /^(hvem|who)$/.test(token)))
    return read;
  // (one day is often when a thing was said, "nævnt på mødet i dag", not the span of its deadlines)
  if (dates && dates.start === dates.end) return read;
  return {
    ...read,
    intent: dates ? 'deadline.range' : 'task.list',
    confidence: Math.max(read.confidence, 0.6),
    entities: { ...read.entities, aspect: undefined },
  };
}

// "to do", "at gøre", "at lave": something left to do ("how do we stand …?" asks the status)
const toWord = /^(to|at)$/;
const doWord = /^(do|goere|lave|klare|ordne)$/;
const leftToDo = (tokens: string[]) =>
  tokens.some((token, index) => doWord.test(token) && toWord.test(tokens[index - 1] ?? ''));

/**
 * "what deadlines are left this year?", "what's left for us to do before Christmas?": the
 * deadlines of a span, asked with a word of what is left (which also asks where a municipality
 * stands) and of deadlines or doing, are the deadlines in that span, where
 * no task or step is named to be the status of.
 */
export function deadlinesOfASpan(read: Understanding, tokens: string[]): Understanding {
  const { tasks, steps, municipalities, supportSystems, itSystems, dates } = read.entities;
  if (read.intent !== 'status.mine' || !dates || tasks.length + steps.length + municipalities.length > 0) return read;
  // ("what's left for us to do before Christmas?": what is left to do by a date is what falls due,
  // where no system is named whose own status it may be: "… for Fordelingskomponenten inden december?")
  const toDo = supportSystems.length + itSystems.length === 0 && leftToDo(tokens);
  if (!toDo && !tokens.some((token) => deadlineNoun.test(token))) return read;
  return { ...read, intent: 'deadline.range' };
}

// the words of tasks, one or many
const taskNoun = /^(\w*opgave\w*|tasks?|klik)$/;

/**
 * "hvilke frister er der de kommende uger?": the coming deadlines, read as the coming tasks
 * ("kommende" is the word of "Aktuelle og kommende KLIK-opgaver"), where no task, nor a support
 * system whose tasks have the deadlines, is named or asked for.
 */
export function deadlinesAskedAsTasks(read: Understanding, tokens: string[]): Understanding {
  const { tasks, supportSystems, roles, dates } = read.entities;
  if (read.intent !== 'task.list' || tasks.length + supportSystems.length + roles.length > 0) return read;
  if (!tokens.some((token) => deadlineNoun.test(token)) || tokens.some((token) => taskNoun.test(token))) return read;
  return { ...read, intent: dates ? 'deadline.range' : 'deadline.upcoming' };
}
