import { CONVERSATION_SCOPE } from '../src/understanding/status-fillers.js';
import type { ActionPayload } from '../src/core/types.js';
import type { Entities, Intent, StatusReport, Understanding } from '../src/understanding/types.js';
import { isStopword } from '../src/understanding/stopwords.js';
import { agendaItemOf, asksForNames, pauseMinutesOf } from '../src/understanding/meeting-requests.js';
import { contactTopicOfReading } from './answers/contact-topic.js';
import { asksTheClock } from './answers/event-clock.js';
import { asksForTheGallery } from '../src/understanding/gallery-asked.js';
import { newsTopicOf, statusAspect, strategyAspect, taskListArgs } from './intent-args.js';
import {
  POLL_DIALOGS,
  REMINDER_DIALOGS,
  EVALUATION_DIALOGS,
  ANSWER_DIALOGS,
  MEETING_DIALOGS,
  STATUS_DIALOGS,
  MEMBERSHIP_DIALOGS,
} from './names.js';
import { encodeCandidates } from './status/ask-back.js';

/** The one task or deadline a reminder sentence names (the understanding leaves at most one). */
function reminderItem(e: Entities): string | undefined {
  return e.tasks[0] ?? e.deadlines[0];
}

function stepArg(e: Entities): string | undefined {
  return e.steps[0] ? String(e.steps[0].number) : undefined;
}

function reportArgs(report: StatusReport | undefined): Record<string, string | undefined> {
  const target = report?.target;
  return {
    taskId: target?.taskId,
    step: target?.step === undefined ? undefined : String(target.step),
    status: report?.status,
  };
}

type ArgsOf = (entities: Entities, tokens: string[]) => Record<string, string | undefined>;

/** For each intent, the dialog that answers it and how its arguments come from the entities. */
export const intentDialogs: Record<Exclude<Intent, 'unknown'>, { dialog: string; args: ArgsOf }> = {
  'deadline.task': {
    dialog: ANSWER_DIALOGS.taskDeadline,
    args: (e) => ({ taskId: e.tasks[0] }),
  },
  'deadline.upcoming': { dialog: ANSWER_DIALOGS.upcoming, args: () => ({}) },
  'deadline.range': {
    dialog: ANSWER_DIALOGS.deadlineSpan,
    args: (e) => ({
      start: (e.upTo ?? e.dates)?.start,
      end: (e.upTo ?? e.dates)?.end,
      system: e.supportSystems[0] ?? e.itSystems[0],
    }),
  },
  'deadline.overdue': { dialog: ANSWER_DIALOGS.overdue, args: () => ({}) },
  'task.describe': { dialog: ANSWER_DIALOGS.taskInfo, args: (e) => ({ taskId: e.tasks[0] }) },
  'task.kind': { dialog: ANSWER_DIALOGS.taskInfo, args: (e) => ({ taskId: e.tasks[0] }) },
  'task.steps': {
    dialog: ANSWER_DIALOGS.taskSteps,
    args: (e) => ({ taskId: e.tasks[0], step: e.steps[0] ? String(e.steps[0].number) : undefined }),
  },
  'task.list': { dialog: ANSWER_DIALOGS.taskList, args: taskListArgs },
  'role.describe': { dialog: ANSWER_DIALOGS.role, args: (e) => ({ roleId: e.roles[0] }) },
  'role.responsible': {
    dialog: ANSWER_DIALOGS.responsible,
    args: (e) => ({ taskId: e.tasks[0], deadlineId: e.tasks[0] ? undefined : e.deadlines[0] }),
  },
  'role.competences': { dialog: ANSWER_DIALOGS.roleCompetences, args: (e) => ({ roleId: e.roles[0] }) },
  'role.list': {
    dialog: ANSWER_DIALOGS.roleList,
    args: (e, tokens) => ({
      category: e.roleCategory,
      phase: e.rolePhase,
      supportSystemId: e.supportSystems.length === 1 ? e.supportSystems[0] : undefined,
      gallery: asksForTheGallery(tokens) ? 'true' : undefined,
    }),
  },
  'status.national': {
    dialog: STATUS_DIALOGS.national,
    args: (e) => ({
      taskId: e.tasks[0],
      step: stepArg(e),
      aspect: statusAspect(e.aspect),
      // a support system or interface named where no task is ("status på Beskedfordeleren")
      about: e.tasks.length === 0 ? (e.supportSystems[0] ?? e.interfaces[0]) : undefined,
    }),
  },
  'status.mine': { dialog: STATUS_DIALOGS.mine, args: (e) => ({ municipality: e.municipalities[0] }) },
  'status.missing': { dialog: STATUS_DIALOGS.missing, args: (e) => ({ taskId: e.tasks[0], step: stepArg(e) }) },
  'status.history': {
    dialog: STATUS_DIALOGS.history,
    args: (e) => ({ taskId: e.tasks[0], step: stepArg(e), municipality: e.municipalities[0] }),
  },
  // a municipality named in the sentence ("Aarhus har fuldført BBR trin 3") is the one meant:
  // status-update lets members set only their own, administrators any
  'status.update': {
    dialog: STATUS_DIALOGS.update,
    args: (e) => ({ ...reportArgs(e.report), municipality: e.municipalities[0] }),
  },
  // "vi er …" said for the group: the dialog links the conversation too when it is one
  'membership.set': {
    dialog: MEMBERSHIP_DIALOGS.set,
    args: (e) => ({
      municipality: e.municipalities[0],
      ...(e.aspect === CONVERSATION_SCOPE ? { scope: 'conversation' } : {}),
    }),
  },
  'reminder.subscribe': { dialog: REMINDER_DIALOGS.subscribe, args: (e) => ({ itemId: reminderItem(e) }) },
  'reminder.unsubscribe': { dialog: REMINDER_DIALOGS.unsubscribe, args: () => ({}) },
  'reminder.list': { dialog: REMINDER_DIALOGS.list, args: () => ({}) },
  // "mind mig igen på mandag": the day named, else the snooze dialog takes the next working day
  'reminder.snooze': {
    dialog: REMINDER_DIALOGS.snooze,
    args: (e) => ({ itemId: reminderItem(e), date: e.dates?.start }),
  },
  'poll.create': { dialog: POLL_DIALOGS.create, args: (e) => ({ text: e.pollText }) },
  'poll.close': { dialog: POLL_DIALOGS.close, args: () => ({}) },
  'poll.delete': { dialog: POLL_DIALOGS.delete, args: () => ({}) },
  'overview.systems-using': {
    dialog: ANSWER_DIALOGS.overview,
    args: (e) =>
      e.aspect === 'support-systems'
        ? { list: 'support-systems' }
        : e.interfaces[0]
          ? { interfaceId: e.interfaces[0] }
          : { supportSystemId: e.supportSystems[0] },
  },
  'overview.used-by': { dialog: ANSWER_DIALOGS.overview, args: (e) => ({ itSystemId: e.itSystems[0] }) },
  'rollout.sapa': { dialog: ANSWER_DIALOGS.rollout, args: (e) => ({ municipalityId: e.municipalities[0] }) },
  'pilot.solution': { dialog: ANSWER_DIALOGS.pilots, args: (e) => ({ municipalityId: e.municipalities[0] }) },
  'strategy.describe': {
    dialog: ANSWER_DIALOGS.strategies,
    // (several named, "strategi A, B og C": each of them)
    args: (e) =>
      e.strategies.length > 1
        ? { strategyIds: e.strategies.join(','), aspect: strategyAspect(e.aspect) }
        : { strategyId: e.strategies[0], aspect: strategyAspect(e.aspect) },
  },
  'event.list': {
    dialog: ANSWER_DIALOGS.events,
    args: (e, tokens) => ({
      kinds: e.eventKinds.length > 0 ? e.eventKinds.join(',') : undefined,
      start: (e.upTo ?? e.dates)?.start,
      end: (e.upTo ?? e.dates)?.end,
      municipalityId: e.municipalities[0],
      topic: tokens.filter((token) => !isStopword(token)).join(' ') || undefined,
      clock: asksTheClock(tokens) ? 'true' : undefined,
    }),
  },
  'event.next-meeting': { dialog: ANSWER_DIALOGS.nextMeeting, args: () => ({}) },
  'agenda.today': {
    dialog: MEETING_DIALOGS.agenda,
    args: (e) => ({
      start: e.dates?.start,
      end: e.dates?.end,
      ...(e.aspect === 'practical' ? { aspect: 'practical' } : {}),
    }),
  },
  // a host running a meeting here: the dialogs check who may
  'meeting.start': { dialog: MEETING_DIALOGS.start, args: (e) => ({ date: e.dates?.start }) },
  'meeting.next': { dialog: MEETING_DIALOGS.next, args: () => ({}) },
  'meeting.previous': { dialog: MEETING_DIALOGS.previous, args: () => ({}) },
  'meeting.goto': { dialog: MEETING_DIALOGS.goto, args: (_e, tokens) => ({ item: agendaItemOf(tokens)?.toString() }) },
  'meeting.pause': {
    dialog: MEETING_DIALOGS.pause,
    args: (_e, tokens) => ({ minutes: pauseMinutesOf(tokens)?.toString() }),
  },
  'meeting.end': { dialog: MEETING_DIALOGS.end, args: () => ({}) },
  'meeting.here': { dialog: MEETING_DIALOGS.here, args: () => ({}) },
  'meeting.remind': { dialog: MEETING_DIALOGS.remind, args: () => ({}) },
  'meeting.remind-stop': { dialog: MEETING_DIALOGS.remindStop, args: () => ({}) },
  'meeting.attendance': {
    dialog: MEETING_DIALOGS.attendance,
    args: (_e, tokens) => ({ names: asksForNames(tokens) ? '1' : undefined }),
  },
  // the evaluation's dialogs check who may, and find the conversation's evaluation themselves
  'evaluation.start': { dialog: EVALUATION_DIALOGS.start, args: () => ({}) },
  'evaluation.answer': { dialog: EVALUATION_DIALOGS.form, args: () => ({}) },
  'evaluation.close': { dialog: EVALUATION_DIALOGS.close, args: () => ({}) },
  'evaluation.results': { dialog: EVALUATION_DIALOGS.results, args: () => ({}) },
  'evaluation.csv': { dialog: EVALUATION_DIALOGS.csv, args: () => ({}) },
  contact: {
    dialog: ANSWER_DIALOGS.contacts,
    args: (e, tokens) => ({ topic: contactTopicOfReading(tokens, [...e.itSystems, ...e.deadlines, ...e.roles]) }),
  },
  news: { dialog: ANSWER_DIALOGS.news, args: (e, tokens) => ({ topic: newsTopicOf(tokens, e) }) },
  // "hvordan starter jeg mødet?": the command asked for (meeting-requests.ts)
  help: { dialog: ANSWER_DIALOGS.help, args: (e) => ({ topic: e.aspect }) },
  fact: { dialog: ANSWER_DIALOGS.factAnswer, args: (e) => ({ passages: e.passages?.join('|') }) },
};

// Words that ask for deadlines only ("hvilke frister har vi i december?").
const deadlineWords = new Set([
  'deadline',
  'deadlines',
  'deadlinen',
  'frist',
  'frister',
  'fristen',
  'fristerne',
  'due',
  'senest',
  'afleveres',
]);

// "vi i Vejen", "jeg er fra Køge", "we in Odense", "I'm from Aarhus": the asker's own, not where things are
const firstPerson = new Set(['vi', 'jeg', 'we']);
const fromWord = new Set(['i', 'fra', 'in', 'from', 'at']);

function saysWhereFrom(tokens: string[]): boolean {
  return tokens.some((token, index) => {
    const [next = '', after = ''] = tokens.slice(index + 1, index + 3);
    if (firstPerson.has(token)) return fromWord.has(next) || (/^(er|are)$/.test(next) && fromWord.has(after));
    // (the Danish "i" is "in": only the English "I am from", "I'm from")
    return token === 'i' && /^(am|m)$/.test(next) && fromWord.has(after);
  });
}

/** A dated question that names no one kind of thing: every kind of dated thing in the span answers it. */
function asksForEverythingDated(understanding: Understanding, tokens: string[]): boolean {
  const { intent, entities } = understanding;
  if (!entities.dates) return false;
  // a municipality is where an event is, unless it is the asker's own ("vi i Vejen er med d. 12.")
  // (the programme leader meetings of a day are on the timeline, not among the events announced)
  if (intent === 'event.list')
    return (
      entities.eventKinds.every((kind) => kind === 'meeting') &&
      (entities.municipalities.length === 0 || saysWhereFrom(tokens))
    );
  // "hvad skete der i august?": the news of a month is among everything dated in it
  if (intent === 'news') return true;
  return intent === 'deadline.range' && !tokens.some((token) => deadlineWords.has(token));
}

/** The dialog and arguments that answer an understood question (undefined args are left out). */
export function actionFor(understanding: Understanding, tokens: string[]): ActionPayload | undefined {
  if (understanding.intent === 'unknown') return undefined;
  const { entities } = understanding;
  if (understanding.intent === 'deadline.task' && !entities.tasks[0] && entities.deadlines[0]) {
    return { dialog: ANSWER_DIALOGS.datedFact, args: { deadlineId: entities.deadlines[0] } };
  }
  // "hvem er KOMBITs eskalationspart?": no task, the role whose duties fit is the answer
  if (
    understanding.intent === 'role.responsible' &&
    !entities.tasks[0] &&
    !entities.deadlines[0] &&
    entities.roles[0]
  ) {
    return { dialog: ANSWER_DIALOGS.role, args: { roleId: entities.roles[0] } };
  }
  // a status typed in words whose task or step is not certain is asked back, never guessed
  if (understanding.intent === 'status.update' && entities.report && !entities.report.target) {
    return {
      dialog: STATUS_DIALOGS.askBack,
      args: { status: entities.report.status, candidates: encodeCandidates(entities.report.candidates) },
    };
  }
  // "hvem præsenterer Organisation på onsdagsmødet?": the point of the programme, not all of it
  if (entities.agendaItems?.length)
    return { dialog: ANSWER_DIALOGS.meetingItems, args: { items: entities.agendaItems.join('|') } };
  // "hvad sker der i november?" asks for everything dated then, not one kind of thing
  if (asksForEverythingDated(understanding, tokens)) {
    const span = entities.upTo ?? entities.dates!;
    return { dialog: ANSWER_DIALOGS.timeline, args: { start: span.start, end: span.end } };
  }
  // "stop påmindelserne om BBR" stops that one; without a name, all of them
  const itemId = reminderItem(entities);
  if (understanding.intent === 'reminder.unsubscribe' && itemId)
    return { dialog: REMINDER_DIALOGS.mute, args: { itemId } };
  const { dialog, args } = intentDialogs[understanding.intent];
  const defined = Object.entries(args(understanding.entities, tokens)).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return { dialog, args: Object.fromEntries(defined) };
}
