import { datedItems } from '../knowledge/queries.js';
import type { EntityMatch } from './entity-index.js';
import {
  asksAnew,
  asksOneDeadline,
  changesState,
  inheritTopic,
  isFollowUp,
  namedKinds,
  namesNothing,
  refersBack,
} from './follow-ups.js';
import { comparison } from './comparisons.js';
import { evaluationCommand } from './evaluation-requests.js';
import { meetingCommand, meetingIntents } from './meeting-requests.js';
import type { Reading } from './reading.js';
import { reminderRequest, withReminderReadings } from './reminder-requests.js';
import {
  asksAboutUs,
  asksForChanges,
  asksWhoIsMissing,
  membershipStatement,
  statusReport,
  withoutMisreadStatements,
} from './status-fillers.js';
import type { Entities, Intent, Understanding } from './types.js';

// Below this share of known words the question is about something klikbot does not know.
const minimumKnownShare = 0.6;
// Intents within this share of the best score are tried when the best lacks what it needs.
const candidateShare = 0.55;

type Filled = Entities | undefined;

// A question about the pilots says so; "hvilken IdP bruger Aarhus?" is not about them.
const pilotWords = [
  'pilot',
  'piloter',
  'piloten',
  'piloterne',
  'pilotkommune',
  'pilotkommuner',
  'praepilot',
  'praepiloter',
  'pilotafproevning',
  'pilotafproevningen',
  'organisationsloesning',
  'organisationsloesningen',
  'loesning',
  'loesningen',
  'leverandoer',
  'leverandoeren',
  'vendor',
  'solution',
  'pilots',
];

function mentionsAny(tokens: string[], wanted: string[]): boolean {
  return tokens.some((token) => wanted.includes(token));
}
type Filler = (reading: Reading, previous: Understanding | undefined) => Filled;

function hinted(reading: Reading, kind: EntityMatch['kind']): string[] {
  return reading.hints.filter((match) => match.kind === kind).map((match) => match.id);
}

/** The task a question means: named, else hinted, else the conversation's last one. */
function taskOf(
  reading: Reading,
  previous: Understanding | undefined,
  accept: (taskId: string) => boolean = () => true,
): string | undefined {
  const fromSteps = reading.entities.steps.map((step) => step.taskId);
  const candidates = [
    ...reading.entities.tasks,
    ...fromSteps,
    ...hinted(reading, 'task'),
    ...(previous?.entities.tasks ?? []),
  ];
  return candidates.find(accept);
}

function hasDeadline(reading: Reading): (taskId: string) => boolean {
  const dated = new Set(datedItems(reading.knowledge).map((item) => item.taskId));
  return (taskId) => dated.has(taskId);
}

/** Whether the national status table is of a task on this IT system (BBR's steps are). */
function hasNationalStatus(knowledge: Reading['knowledge'], systemId: string): boolean {
  const name = knowledge.itSystems.find((system) => system.id === systemId)?.name.toLowerCase();
  const withStatus = new Set(knowledge.bbrStatus.map((row) => row.task));
  return knowledge.tasks.some(
    (task) => withStatus.has(task.id) && task.itSystems.some((system) => system.toLowerCase() === name),
  );
}

function withTask(entities: Entities, taskId: string | undefined): Filled {
  return taskId ? { ...entities, tasks: [taskId, ...entities.tasks.filter((id) => id !== taskId)] } : undefined;
}

function steps(reading: Reading, previous: Understanding | undefined): Filled {
  const { entities, stepNumber } = reading;
  const withSteps = (taskId: string) =>
    (reading.knowledge.tasks.find((task) => task.id === taskId)?.steps.length ?? 0) > 0;
  // a step number belongs to a task that has steps, never to one without ("status på trin 5")
  const taskId =
    taskOf(reading, previous, withSteps) ?? (stepNumber === undefined ? taskOf(reading, previous) : undefined);
  if (!taskId && entities.steps.length === 0 && stepNumber === undefined) return undefined;
  const onlyTaskWithSteps = reading.knowledge.tasks.filter((task) => task.steps.length > 0);
  const stepTask = taskId ?? (onlyTaskWithSteps.length === 1 ? onlyTaskWithSteps[0]!.id : undefined);
  if (!stepTask) return undefined;
  const lastStep = reading.knowledge.tasks.find((task) => task.id === stepTask)?.steps.at(-1)?.number ?? 0;
  const number = stepNumber === -1 ? lastStep : stepNumber;
  const named = number !== undefined ? [{ taskId: stepTask, number }] : entities.steps;
  return { ...entities, tasks: [stepTask], steps: named };
}

const fillers: Partial<Record<Intent, Filler>> = {
  'deadline.task': (reading, previous) => {
    // one municipality's progress is not in the material ("hvornår er Aarhus færdig med BBR?")
    if (reading.entities.municipalities.length > 0) return undefined;
    // named beats hinted: a named dated fact wins over a task only hinted at ("godkendes")
    const { tasks, deadlines } = reading.entities;
    // a date of another IT system's task is not the answer ("hvornår er DAR færdig med adgangsstyring?")
    const namedSystems = new Set(reading.entities.itSystems);
    const aboutNamedSystem = (taskId: string) =>
      namedSystems.size === 0 ||
      (reading.knowledge.tasks.find((task) => task.id === taskId)?.itSystems ?? []).some((system) =>
        namedSystems.has(system.toLowerCase()),
      );
    const named = tasks.find(hasDeadline(reading)) ?? tasks[0];
    if (named) return withTask(reading.entities, named);
    const fitsNamedSystem = (deadlineId: string) => {
      const taskId = reading.knowledge.deadlines.find((item) => item.id === deadlineId)?.relatedTask;
      return !taskId || aboutNamedSystem(taskId);
    };
    const namedDeadline = deadlines.find(fitsNamedSystem);
    if (namedDeadline) return { ...reading.entities, deadlines: [namedDeadline] };
    const hintedTask = hinted(reading, 'task').find(
      (taskId) => hasDeadline(reading)(taskId) && aboutNamedSystem(taskId),
    );
    if (hintedTask) return withTask(reading.entities, hintedTask);
    const hintedDeadline = hinted(reading, 'deadline').find(fitsNamedSystem);
    if (hintedDeadline) return { ...reading.entities, deadlines: [hintedDeadline] };
    const earlier = previous?.entities.tasks[0];
    if (earlier) return withTask(reading.entities, earlier);
    return previous?.entities.deadlines[0]
      ? { ...reading.entities, deadlines: [previous.entities.deadlines[0]] }
      : undefined;
  },
  'deadline.range': (reading) => (reading.entities.dates ? reading.entities : undefined),
  'task.describe': (reading, previous) => withTask(reading.entities, taskOf(reading, previous)),
  'task.kind': (reading, previous) => withTask(reading.entities, taskOf(reading, previous)),
  'task.steps': steps,
  'role.describe': (reading, previous) => {
    const roleId = reading.entities.roles[0] ?? hinted(reading, 'role')[0] ?? previous?.entities.roles[0];
    return roleId ? { ...reading.entities, roles: [roleId] } : undefined;
  },
  'role.responsible': (reading, previous) => {
    // the roles in the reading are the answer: those the seed names responsible. Named
    // things first, then a role whose described duties fit, then things only hinted at.
    const { knowledge, entities } = reading;
    const withTaskRoles = (taskId: string): Entities => ({
      ...entities,
      tasks: [taskId],
      roles: [...(knowledge.tasks.find((task) => task.id === taskId)?.responsibleRoles ?? [])],
    });
    const withDeadlineRoles = (deadlineId: string): Entities => ({
      ...entities,
      deadlines: [deadlineId],
      roles: [...(knowledge.deadlines.find((item) => item.id === deadlineId)?.responsibleRoles ?? [])],
    });
    // "hvem er FK-ansvarlig?" asks what the role is, not who is responsible for a task
    if (entities.roles.length > 0 && entities.tasks.length === 0 && entities.deadlines.length === 0) return undefined;
    if (entities.tasks[0]) return withTaskRoles(entities.tasks[0]);
    if (entities.deadlines[0]) return withDeadlineRoles(entities.deadlines[0]);
    // who holds a role in one municipality is not in the material ("hvem er FK-ansvarlig i Vejle?")
    if (entities.municipalities.length > 0) return undefined;
    if (reading.describedRole) return { ...entities, roles: [reading.describedRole] };
    // a task only hinted at is too weak to answer "who" for: the conversation's task, or nothing
    const taskId = previous?.entities.tasks[0];
    if (taskId) return withTaskRoles(taskId);
    return previous?.entities.deadlines[0] ? withDeadlineRoles(previous.entities.deadlines[0]) : undefined;
  },
  'role.competences': (reading, previous) => {
    // "hvad skal man gøre i strategi B?" is about the strategy, not the programme leader's role
    const { entities } = reading;
    const namesOther = [
      entities.strategies,
      entities.tasks,
      entities.itSystems,
      entities.supportSystems,
      entities.interfaces,
    ].some((list) => list.length > 0);
    if (entities.roles.length === 0 && namesOther) return undefined;
    const roleId = reading.entities.roles[0] ?? previous?.entities.roles[0] ?? 'kombit-programleder';
    return { ...reading.entities, roles: [roleId] };
  },
  // the national table says nothing about one municipality: that is not this question
  'status.national': (reading, previous) => {
    if (reading.entities.municipalities.length > 0) return undefined;
    // "er DAR færdig med adgangsstyring?": the national table is of a task on another system
    const systems = reading.entities.itSystems;
    if (systems.length > 0 && !systems.some((id) => hasNationalStatus(reading.knowledge, id))) return undefined;
    return steps(reading, previous) ?? reading.entities;
  },
  'status.missing': (reading, previous) =>
    reading.entities.municipalities.length > 0 || !asksWhoIsMissing(reading.tokens)
      ? undefined
      : (steps(reading, previous) ?? reading.entities),
  'status.history': (reading, previous) =>
    asksForChanges(reading.tokens) ? (steps(reading, previous) ?? reading.entities) : undefined,
  'status.update': (reading) => statusReport(reading),
  // recognised by how the sentence opens (membershipStatement), never by resemblance alone
  'membership.set': () => undefined,
  'reminder.subscribe': (reading) => reminderRequest('reminder.subscribe', reading),
  'reminder.unsubscribe': (reading) => reminderRequest('reminder.unsubscribe', reading),
  'reminder.list': (reading) => reminderRequest('reminder.list', reading),
  'reminder.snooze': (reading) => reminderRequest('reminder.snooze', reading),
  // recognised by how the sentence opens (pollRequest), never by resemblance or as a follow-up
  'poll.create': () => undefined,
  'poll.close': () => undefined,
  'poll.delete': () => undefined,
  // recognised by their whole wording (evaluationCommand), never by resemblance or as a follow-up
  'evaluation.start': () => undefined,
  'evaluation.answer': () => undefined,
  'evaluation.close': () => undefined,
  'evaluation.results': () => undefined,
  'evaluation.csv': () => undefined,
  'overview.systems-using': (reading) =>
    reading.entities.interfaces.length > 0 || reading.entities.supportSystems.length > 0 ? reading.entities : undefined,
  'overview.used-by': (reading) => {
    const systemId = reading.entities.itSystems[0] ?? hinted(reading, 'itSystem')[0];
    return systemId ? { ...reading.entities, itSystems: [systemId] } : undefined;
  },
  'rollout.sapa': (reading, previous) => {
    // the rollout plan is SAPA's: "hvornår går KY i luften i Aarhus?" is not in it
    const systems = reading.entities.itSystems;
    if (systems.length > 0 && !systems.includes('sapa')) return undefined;
    const municipality =
      reading.entities.municipalities[0] ?? hinted(reading, 'municipality')[0] ?? previous?.entities.municipalities[0];
    return { ...reading.entities, municipalities: municipality ? [municipality] : [] };
  },
  'pilot.solution': (reading, previous) =>
    mentionsAny(reading.tokens, pilotWords) || previous?.intent === 'pilot.solution' ? reading.entities : undefined,
  unknown: () => undefined,
};

type NamedKind = (typeof namedKinds)[number];

/**
 * Intents that need nothing named, and the kinds of thing they can be about. A question
 * naming only other things ("forskellen på FK-ADM og FK-ANSV" is about roles) is not one of them.
 */
const relatedKinds: Partial<Record<Intent, NamedKind[]>> = {
  'strategy.describe': ['strategies', 'supportSystems'],
  'status.national': ['tasks', 'itSystems', 'supportSystems'],
  'status.missing': ['tasks', 'itSystems', 'supportSystems'],
  'status.history': ['tasks', 'itSystems', 'supportSystems', 'municipalities'],
  'status.mine': ['municipalities', 'tasks', 'itSystems', 'supportSystems'],
  'rollout.sapa': ['municipalities', 'itSystems'],
  'pilot.solution': ['municipalities', 'itSystems', 'strategies'],
  'task.list': ['supportSystems', 'itSystems', 'tasks'],
  'role.list': ['roles'],
  // "kan du vise mig BBR-trinene?" is a question about BBR, not a request for help
  help: [],
};

function aboutOtherThings(intent: Intent, entities: Entities): boolean {
  const related = relatedKinds[intent];
  if (!related) return false;
  const named = namedKinds.filter((kind) => entities[kind].length > 0);
  return named.length > 0 && !named.some((kind) => related.includes(kind));
}

function fill(intent: Intent, reading: Reading, previous: Understanding | undefined): Filled {
  if (aboutOtherThings(intent, reading.entities)) return undefined;
  const filler = fillers[intent];
  return filler ? filler(reading, previous) : reading.entities;
}

/**
 * Nearby readings the examples cannot tell apart: "hvornår er fristen?" right after a task,
 * or "næste deadline for BBR", is that task's deadline; "hvem er FK-ansvarlig?" asks what
 * the role is.
 */
function settledIntent(intent: Intent, reading: Reading, inherited: boolean): Intent {
  const { entities } = reading;
  if (
    intent === 'deadline.upcoming' &&
    ((inherited && asksOneDeadline(reading.tokens)) || (!inherited && entities.tasks.length > 0))
  )
    return 'deadline.task';
  // "og hvornår?" right after a task asks for its deadline, not for the calendar of events
  if (
    intent === 'event.list' &&
    inherited &&
    entities.tasks.length + entities.deadlines.length > 0 &&
    entities.eventKinds.length === 0 &&
    !entities.dates
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
  // "hvad er basisopgaverne for FK?": several tasks of a kind, not the kind of one task only hinted at
  if (intent === 'task.kind' && entities.tasks.length === 0 && reading.tokens.some((token) => pluralTasks.test(token)))
    return 'task.list';
  // "bbr step 3 status?": the status of the step, not what the step is
  if (
    (intent === 'task.steps' || intent === 'task.describe') &&
    entities.tasks.length > 0 &&
    reading.tokens.some((token) => statusNoun.test(token))
  ) {
    return asksAboutUs(reading.tokens) ? 'status.mine' : 'status.national';
  }
  // "hvilke webinarer er der for nye?": a kind of event named, and no task, deadline or word for one, lists events
  if (
    (intent === 'task.list' || intent === 'deadline.upcoming') &&
    entities.eventKinds.length > 0 &&
    entities.tasks.length + entities.deadlines.length === 0 &&
    !reading.tokens.some((token) => taskOrDeadlineWord.test(token))
  )
    return 'event.list';
  // "hvor langt er vi med BBR?": the asker's municipality, not the country
  if (intent === 'status.national' && asksAboutUs(reading.tokens)) return 'status.mine';
  return intent;
}

const pluralTasks = /(opgaver|opgaverne|tasks)$/;
const taskOrDeadlineWord = /(opgave|task|deadline|frist|trin|step)/;
// the word that asks how far the municipalities are, not what a task is
const statusNoun = /^(status|statussen|stade|stadet|progress)$/;

/** The best-scoring intent whose needs this reading meets, or undefined. */
function bestFilled(
  reading: Reading,
  inherited: boolean,
  previous: Understanding | undefined,
): Understanding | undefined {
  const { ranked } = reading.classification;
  const best = ranked[0];
  if (!best || reading.knownShare < minimumKnownShare) return undefined;
  const candidates = ranked.filter((candidate) => candidate.score >= best.score * candidateShare).slice(0, 4);
  for (const [position, candidate] of candidates.entries()) {
    if (candidate.intent === 'unknown') return undefined;
    const intent = settledIntent(candidate.intent, reading, inherited);
    const entities = fill(intent, reading, previous);
    if (!entities) continue;
    const runnerUp = ranked.find((other) => other.intent !== candidate.intent);
    const margin = runnerUp ? Math.max(0, (candidate.score - runnerUp.score) / candidate.score) : 1;
    // a name and nothing else ("og KY?") says what about, not what is asked
    const asks = reading.asksSomething || inherited ? 1 : 0.6;
    const confidence = reading.knownShare * (0.6 + 0.4 * margin) * (position === 0 ? 1 : 0.9) * asks;
    return { intent, confidence, entities, language: reading.language };
  }
  return undefined;
}

/**
 * Settles the intent: the best-scoring one whose needs the question meets. The last topic
 * is used only when the question leans on it (a follow-up, a word pointing back) or cannot
 * be answered without it ("hvem er ansvarlig?"): a complete new question starts afresh.
 */
export function resolveIntent(read: Reading, previous: Understanding | undefined): Understanding {
  const joined = membershipStatement(read);
  if (joined) return joined;
  const command = meetingCommand(read);
  if (command) return command;
  const evaluation = evaluationCommand(read);
  if (evaluation) return evaluation;
  const compared = comparison(read);
  if (compared) return compared;
  // a host's command is no topic a follow-up could lean on
  if (previous && meetingIntents.includes(previous.intent)) return resolveIntent(read, undefined);
  const original = withReminderReadings(withoutMisreadStatements(read));
  const unknown: Understanding = {
    intent: 'unknown',
    confidence: 1 - original.knownShare,
    entities: original.entities,
    language: original.language,
  };
  if (!previous) return bestFilled(original, false, undefined) ?? unknown;
  const inherited = inheritTopic(original, previous);
  if (refersBack(original)) {
    // "og trin 4?" keeps the question; "og hvem bruger SF1514?" names another kind of thing and asks anew
    const sameKinds = namedKinds.every(
      (kind) => original.entities[kind].length === 0 || previous.entities[kind].length > 0,
    );
    // a change is made once, by its own sentence: "og trin 4?" after one is a question
    const repeatable =
      isFollowUp(original.tokens) && !asksAnew(original.tokens) && sameKinds && !changesState(previous.intent);
    const entities = repeatable ? fill(previous.intent, inherited, previous) : undefined;
    if (entities) return { intent: previous.intent, confidence: 0.7, entities, language: original.language };
    return bestFilled(inherited, true, previous) ?? bestFilled(original, false, undefined) ?? unknown;
  }
  const fresh = bestFilled(original, false, undefined);
  if (fresh) return fresh;
  return (
    (namesNothing(original) && original.tokens.length <= 7 ? bestFilled(inherited, true, previous) : undefined) ??
    unknown
  );
}
