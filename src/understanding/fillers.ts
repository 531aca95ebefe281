import { datedItems, findTask, inSpan } from '../knowledge/queries.js';
import type { EntityMatch } from './entity-index.js';
import { ASKERS_ROLE } from './entity-forms.js';
import type { Reading } from './reading.js';
import { reminderRequest } from './reminder-requests.js';
import { asksForChanges, asksWhoIsMissing, statusReport } from './status-fillers.js';
import type { Entities, Intent, Understanding } from './types.js';

/**
 * What each intent needs from a reading, filled from the question or the conversation's last
 * topic; undefined where the reading does not meet it, so the next intent is tried.
 */
export type Filled = Entities | undefined;

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

// the words of how far the municipalities are with a task
const progressWord =
  /^(status\w*|stade\w*|faerdig\w*|fuldfoert\w*|paabegynd\w*|begyndt|startet|started|gang|igang|mangler|missing|done|completed?|finished|progress|langt|far|klar|ready|trin\w*|steps?|udtraek\w*|tal|tallene|figures|numbers|ryddet|logger|logget|lukket|slukket)$/;

// … and what a count of the municipalities' progress counts ("hvor mange kommuner er …", "how many have …")
const countedMunicipalities = /^(kommun\w*|municipalit\w*|er|har|af|of|are|have|has|is|der|there)$/;

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

/**
 * Whether a task has a date in the span the question asks about, or any date where it asks
 * none: "december-deadlines for FK" is not FK-ADM's task, due in November. (One day is often
 * when a thing was said, "nævnt på mødet i dag", not when it is due.)
 */
function datedInAskedSpan(reading: Reading): (taskId: string) => boolean {
  const asked = reading.entities.dates;
  const span = asked && asked.start !== asked.end ? asked : undefined;
  const items = datedItems(reading.knowledge);
  return (taskId) => items.some((item) => item.taskId === taskId && (!span || inSpan(item, span.start, span.end)));
}

/** Whether the national status table is of a task on this IT system (BBR's steps are). */
function hasNationalStatus(knowledge: Reading['knowledge'], systemId: string): boolean {
  const name = knowledge.itSystems.find((system) => system.id === systemId)?.name.toLowerCase();
  const withStatus = new Set(knowledge.bbrStatus.map((row) => row.task));
  return knowledge.tasks.some(
    (task) => withStatus.has(task.id) && task.itSystems.some((system) => system.toLowerCase() === name),
  );
}

// Words of a question about tasks or reasons, which the list of systems using a support system does not answer
const notAboutUsers = /^(opgave\w*|basisopgave\w*|task|tasks|hvorfor|why)$/;
const whyWord = /^(hvorfor|why)$/;
// … unless the systems are asked for outright: "the upcoming tasks mention Fjernprint - which systems are those for?"
const whichWord = /^(which|hvilke|hvilket|hvilken)$/;
const systemWord = /^(system|systems|systemer|systemerne|fagsystem\w*)$/;
function aboutUsers(tokens: string[]): boolean {
  if (tokens.some((token) => whyWord.test(token))) return false;
  // ("which systems", "hvilke it-systemer", "which of the systems")
  const whichSystems = tokens.some(
    (token, index) => whichWord.test(token) && tokens.slice(index + 1, index + 4).some((next) => systemWord.test(next)),
  );
  return whichSystems || !tokens.some((token) => notAboutUsers.test(token));
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
  // "the first step of strategy A", "trin 1 for Fordelingskomponenten" are not of the one task that has steps
  const namesAnother = [entities.strategies, entities.supportSystems, entities.interfaces, entities.roles].some(
    (list) => list.length > 0,
  );
  if (!taskId && namesAnother) return undefined;
  const onlyTaskWithSteps = reading.knowledge.tasks.filter((task) => task.steps.length > 0);
  const stepTask = taskId ?? (onlyTaskWithSteps.length === 1 ? onlyTaskWithSteps[0]!.id : undefined);
  if (!stepTask) return undefined;
  const lastStep = reading.knowledge.tasks.find((task) => task.id === stepTask)?.steps.at(-1)?.number ?? 0;
  const number = stepNumber === -1 ? lastStep : stepNumber;
  const named = number !== undefined ? [{ taskId: stepTask, number }] : entities.steps;
  return { ...entities, tasks: [stepTask], steps: named };
}

export const fillers: Partial<Record<Intent, Filler>> = {
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
    const datedThen = datedInAskedSpan(reading);
    const hintedTask = hinted(reading, 'task').find((taskId) => datedThen(taskId) && aboutNamedSystem(taskId));
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
    const task = entities.tasks[0];
    // a step's word ("jobfunktionsroller") says what about, not whose task: where the task names no
    // one, a role whose described duties fit the question answers who (a task named itself keeps its "no one")
    const byStepOnly = task !== undefined && !reading.named.some((match) => match.kind === 'task' && match.id === task);
    const nobody = knowledge.tasks.find((item) => item.id === task)?.responsibleRoles.length === 0;
    if (byStepOnly && nobody && reading.describedRole)
      return { ...entities, tasks: [], steps: [], roles: [reading.describedRole] };
    if (task) return withTaskRoles(task);
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
    const roleId = reading.entities.roles[0] ?? previous?.entities.roles[0] ?? ASKERS_ROLE;
    return { ...reading.entities, roles: [roleId] };
  },
  // the national table says nothing about one municipality: that is not this question
  'status.national': (reading, previous) => {
    if (reading.entities.municipalities.length > 0) return undefined;
    // "er DAR færdig med adgangsstyring?": the national table is of a task on another system
    const systems = reading.entities.itSystems;
    if (systems.length > 0 && !systems.some((id) => hasNationalStatus(reading.knowledge, id))) return undefined;
    // "hvor mange webinarer er der?": a count of other things than municipalities, where no task,
    // step or word of progress is said
    const { tasks, steps: named } = reading.entities;
    const ofProgress = reading.tokens.some((token) => progressWord.test(token));
    const hintsATask = reading.hints.some((match) => match.kind === 'task' || match.kind === 'step');
    const countsOther = reading.tokens.some(
      (token, index) => /^(mange|many)$/.test(token) && !countedMunicipalities.test(reading.tokens[index + 1] ?? ''),
    );
    const about = tasks.length + named.length + systems.length > 0 || hintsATask || ofProgress;
    // (… after a status or a task, "hvor mange i alt?" counts that)
    const afterAStatus =
      previous !== undefined &&
      (previous.intent.startsWith('status.') ||
        previous.entities.tasks.length + previous.entities.itSystems.length > 0);
    if (!about && countsOther && !afterAStatus) return undefined;
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
  // "hvilke systemer bruger SF1511?": not a question of tasks ("hvilke opgaver … hver gang et nyt
  // system …") or of why ("hvorfor skal org-løsningerne igennem en compliancetest?")
  'overview.systems-using': (reading) =>
    (reading.entities.interfaces.length > 0 || reading.entities.supportSystems.length > 0) && aboutUsers(reading.tokens)
      ? reading.entities
      : undefined,
  'overview.used-by': (reading) => {
    const systemId = reading.entities.itSystems[0] ?? hinted(reading, 'itSystem')[0];
    return systemId ? { ...reading.entities, itSystems: [systemId] } : undefined;
  },
  'rollout.sapa': (reading, previous) => {
    // the rollout plan is SAPA's: "hvornår går KY i luften i Aarhus?" is not in it
    // … nor is a step of a task, or a task of another system ("hvornår er det for sent for Gentofte at lukke BBRs egen adgangsstyring?")
    const { itSystems: systems, steps, tasks } = reading.entities;
    if (systems.length > 0 && !systems.includes('sapa')) return undefined;
    const ofSapa = (id: string) => findTask(reading.knowledge, id)?.itSystems.includes('SAPA') ?? false;
    if (steps.length > 0 || tasks.some((id) => !ofSapa(id))) return undefined;
    const municipality =
      reading.entities.municipalities[0] ?? hinted(reading, 'municipality')[0] ?? previous?.entities.municipalities[0];
    return { ...reading.entities, municipalities: municipality ? [municipality] : [] };
  },
  'pilot.solution': (reading, previous) =>
    mentionsAny(reading.tokens, pilotWords) || previous?.intent === 'pilot.solution' ? reading.entities : undefined,
  unknown: () => undefined,
};
