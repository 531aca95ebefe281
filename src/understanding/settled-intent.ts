import { asksOneDeadline } from './follow-ups.js';
import { eventKindsOf, namesEventsInGeneral } from './keywords.js';
import type { Reading } from './reading.js';
import { asksAboutTheCountry, asksAboutUs } from './status-fillers.js';
import type { Intent } from './types.js';

/**
 * Nearby readings the examples cannot tell apart: "hvornår er fristen?" right after a task,
 * or "næste deadline for BBR", is that task's deadline; "hvem er FK-ansvarlig?" asks what
 * the role is.
 */
export function settledIntent(intent: Intent, reading: Reading, inherited: boolean): Intent {
  return (
    askedOfADeadline(intent, reading, inherited) ??
    askedOfTasks(intent, reading, inherited) ??
    askedOfEvents(intent, reading) ??
    askedOfStepsOrStatus(intent, reading) ??
    intent
  );
}

/** A task's or a dated fact's deadline, and a role asked alone. */
function askedOfADeadline(intent: Intent, reading: Reading, inherited: boolean): Intent | undefined {
  const { entities } = reading;
  if (
    intent === 'deadline.upcoming' &&
    ((inherited && asksOneDeadline(reading.tokens)) || (!inherited && entities.tasks.length > 0))
  )
    return 'deadline.task';
  // "og hvornår?" right after a task asks for its deadline, not for the calendar of events;
  // so does "hvornår bliver det for sent at lukke BBRs egen adgangsstyring?", where no event is named
  const asksWhenOfIt =
    inherited ||
    (reading.tokens.some((token) => /^(hvornaar|when)$/.test(token)) &&
      !reading.tokens.some((token) => eventWord.test(token)));
  if (
    intent === 'event.list' &&
    asksWhenOfIt &&
    entities.tasks.length + entities.deadlines.length > 0 &&
    entities.eventKinds.length === 0 &&
    !entities.dates
  )
    return 'deadline.task';
  // "deadline to approve the message distributor service agreements?": a deadline asked of a
  // named task or dated fact is its date, though the words also say who does it
  if (
    (intent === 'role.responsible' || intent === 'role.describe') &&
    entities.tasks.length + entities.deadlines.length > 0 &&
    reading.tokens.some((token) => deadlineWord.test(token)) &&
    !reading.tokens.some((token) => whoWord.test(token))
  )
    return 'deadline.task';
  const onlyARole =
    entities.roles.length > 0 &&
    entities.tasks.length === 0 &&
    entities.deadlines.length === 0 &&
    entities.municipalities.length === 0;
  if (intent === 'role.responsible' && onlyARole) return 'role.describe';
  // "hvad er den kritiske deadline for BBR?" names a deadline: its date is the news asked for
  if (
    intent === 'news' &&
    entities.deadlines.length > 0 &&
    reading.tokens.some((token) => /^(deadline|frist|tidsfrist|due)/.test(token))
  )
    return 'deadline.task';
  return undefined;
}

/** One task or several, asked as one thing or another. */
function askedOfTasks(intent: Intent, reading: Reading, inherited: boolean): Intent | undefined {
  const { entities } = reading;
  // "er den opgave publiceret endnu?", "hvornår kommer den i KLIK?" right after one task: that task, not all of them
  if (
    intent === 'task.list' &&
    inherited &&
    entities.tasks.length === 1 &&
    reading.tokens.some((token) => /^(den|det|denne|dette|it|that|this)$/.test(token)) &&
    !reading.tokens.some((token) => pluralTasks.test(token))
  )
    return 'task.describe';
  // "list the steps for strategy A for Organisation": a strategy's own steps, not the system's tasks
  if (
    intent === 'task.list' &&
    entities.strategies.length > 0 &&
    entities.tasks.length === 0 &&
    !reading.tokens.some((token) => pluralTasks.test(token))
  )
    return 'strategy.describe';
  // "hvad er basisopgaverne for FK?": several tasks of a kind, not the kind of one task only hinted at
  if (
    intent === 'task.kind' &&
    (entities.tasks.length === 0 || inherited) &&
    reading.tokens.some((token) => pluralTasks.test(token))
  )
    return 'task.list';
  if (intent === 'deadline.task' && asksWhenCounted(reading.tokens)) return 'status.national';
  // "bbr step 3 status?": the status of the step, not what the step is
  if (
    (intent === 'task.steps' || intent === 'task.describe') &&
    entities.tasks.length > 0 &&
    reading.tokens.some((token) => statusNoun.test(token))
  ) {
    return asksAboutUs(reading.tokens) ? 'status.mine' : 'status.national';
  }
  return undefined;
}

/** Events, and the timeline of a span. */
function askedOfEvents(intent: Intent, reading: Reading): Intent | undefined {
  const { entities } = reading;
  // "hvilke webinarer er der for nye?", "… i november?": a kind of event named, and no task, deadline or word for one, lists events
  // (but what must be done before the event is the timeline up to it: "hvad skal vi nå inden kommunedagene?")
  const beforeTheEvent = reading.tokens.some(
    (token, index) => beforeWord.test(token) && eventKindsOf(reading.tokens.slice(index + 1, index + 3)).length > 0,
  );
  if (
    (intent === 'task.list' || intent === 'deadline.upcoming' || (intent === 'deadline.range' && !beforeTheEvent)) &&
    entities.eventKinds.length > 0 &&
    entities.tasks.length + entities.deadlines.length === 0 &&
    !reading.tokens.some((token) => taskOrDeadlineWord.test(token))
  )
    return 'event.list';
  // "hvad ligger der af dl og møder i november?": the deadlines and the meetings of a span are its timeline
  // (not "hvilke frister skal vi nå inden møderne i november?": the deadlines before them)
  const beforeEvents = reading.tokens.some(
    (token, index) => beforeWord.test(token) && namesEventsInGeneral(reading.tokens.slice(index + 1, index + 5)),
  );
  if (intent === 'deadline.range' && entities.dates && namesEventsInGeneral(reading.tokens) && !beforeEvents)
    return 'event.list';
  // "when are the programme leader meetings?": the meeting's sessions and the next one, which the
  // events (the meetings announced, not the sessions of the one held now) do not show
  const onlyMeetings = entities.eventKinds.length === 1 && entities.eventKinds[0] === 'meeting';
  if (intent === 'event.list' && onlyMeetings && !entities.dates) return 'event.next-meeting';
  return undefined;
}

/** A task's steps themselves, a support system's coming tasks, a date's timeline and whose status. */
function askedOfStepsOrStatus(intent: Intent, reading: Reading): Intent | undefined {
  const { entities } = reading;
  // "how many BBR steps are there?", "what are the BBR steps?": the steps themselves, when
  // nothing asks how far the municipalities are or when something is due
  if (
    stepsAnswer.has(intent) &&
    entities.aspect === 'steps' &&
    entities.tasks.length > 0 &&
    entities.steps.length === 0 &&
    !reading.tokens.some((token) => progressOrDue.test(token))
  )
    return 'task.steps';
  // "is anything coming up that involves ØiR?": a support system's coming tasks, where no deadline is asked for
  if (
    intent === 'deadline.upcoming' &&
    entities.supportSystems.length > 0 &&
    entities.tasks.length + entities.deadlines.length === 0 &&
    !reading.tokens.some((token) => /^(deadline\w*|frist\w*|due)$/.test(token))
  )
    return 'task.list';
  // "anything I need to know about 1 November?": what the asker must do or know by a date is the
  // timeline, not the role's duties, where no role is named
  // ("i dag" is as often "currently": "hvilke støttesystemer findes der i dag?")
  const today = reading.tokens.some((token) => /^(idag|today|nu|now|dag)$/.test(token));
  const ofRoles = reading.tokens.some((token) => /^(rolle\w*|roles?|rollegalleri\w*)$/.test(token));
  if (roleAnswers.has(intent) && entities.roles.length === 0 && entities.dates && !today && !ofRoles)
    return 'event.list';
  // "hvor langt er vi med BBR?": the asker's municipality, not the country
  if (intent === 'status.national' && asksAboutUs(reading.tokens)) return 'status.mine';
  // … and "status på BBR for alle kommuner" the country's, whoever asks
  if (intent === 'status.mine' && entities.municipalities.length === 0 && asksAboutTheCountry(reading.tokens))
    return 'status.national';
  return undefined;
}

const pluralTasks = /(opgaver|opgaverne|tasks)$/;
// a meeting or an event of any kind, said in the singular too ("when is the meeting about …?")
const eventWord = /^(moed\w*|meeting\w*|arrangement\w*|begivenhed\w*|events?|webinar\w*|kommunedag\w*)$/;
const beforeWord = /^(inden|foer|before|until|indtil)$/;
const roleAnswers = new Set<Intent>(['role.competences', 'role.list']);
const deadlineWord = /^(deadline\w*|frist\w*|tidsfrist\w*|due)$/;
const whoWord = /^(hvem|who|whom|whose|ansvarlig\w*|responsible)$/;
const taskOrDeadlineWord = /(opgave|task|deadline|frist|trin|step)/;
/**
 * "hvornår er BBR-status trukket fra KLIK?": when the status counts were taken is the extract's
 * date, which the national status gives, not the task's deadline.
 */
export function asksWhenCounted(tokens: string[]): boolean {
  return tokens.some((token) => statusNoun.test(token)) && tokens.some((token) => extractWord.test(token));
}

// the words of taking the counts out of KLIK
const extractWord = /^(trukket|traekkes|udtrukket|udtraek\w*|opgjort|opgoeres|pulled|extracted|extract|taken)$/;
// the word that asks how far the municipalities are, not what a task is
const statusNoun = /^(status|statussen|stade|stadet|progress)$/;

// Intents that answer a question about a task's steps with something else
const stepsAnswer = new Set<Intent>(['deadline.task', 'task.describe', 'status.national']);
// words that ask how far the municipalities are, or by when
const progressOrDue =
  /^(kommuner\w*|municipalit\w*|f(æ|ae)rdig\w*|done|fuldf(ø|oe)rt|p(å|aa)begyndt|started|completed|status|progress|mangler|missing|hvorn(å|aa)r|when|deadline\w*|frist\w*|due|inden|senest|by)$/;
