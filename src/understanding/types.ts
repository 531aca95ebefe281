import type { Language } from '../core/types.js';

/**
 * What a person can ask klikbot. The part before the dot is the topic (what a follow-up
 * keeps); the part after it is the question about that topic.
 */
export const intents = [
  'deadline.task', // when is a named task (or dated fact) due: "hvornår er deadline for at udpege FK-ansvarlig?"
  'deadline.upcoming', // the next deadlines from today: "hvilke deadlines kommer nu?", "hvad er den næste deadline?"
  'deadline.range', // deadlines in a month, week or date range: "hvilke deadlines har vi i december?"
  'deadline.overdue', // deadlines already passed: "hvilke deadlines er overskredet?"
  'task.describe', // what a task is: "hvad går opgaven godkend initiale fordelingsregler ud på?"
  'task.steps', // a task's steps, or one step: "hvad er trinene i BBR?", "hvad er trin 3?"
  'task.kind', // basis / solution-specific / operations: "er verificer fordelingsregler en basisopgave?"
  'task.list', // tasks of a kind, of a support system, or coming up: "hvilke KLIK-opgaver kommer?"
  'role.describe', // what a role is or does: "hvad laver en superbruger?"
  'role.responsible', // who does a task: "hvem er ansvarlig for at godkende serviceaftalerne?"
  'role.competences', // the competences of a role: "hvilke kompetencer skal en programleder have?"
  'role.list', // roles by category or phase: "hvilke tekniske roller er der?"
  'status.national', // status counts across the 98 municipalities: "hvor mange er færdige med BBR trin 3?", "status BBR"
  'status.mine', // where my municipality stands: "status", "hvordan står vi?", "hvad mangler vi?"
  'status.missing', // the municipalities not done: "hvem mangler trin 3?"
  'status.history', // the recent status changes for my municipality: "historik BBR trin 3"
  'status.update', // a status reported for my municipality: "BBR trin 3 er fuldført", "vi er gået i gang med …"
  'membership.set', // joining a municipality: "vi er Aarhus Kommune", "jeg er fra Køge"
  'reminder.subscribe', // reminders before deadlines, all or one: "mind os om deadlines", "påmind os om BBR"
  'reminder.unsubscribe', // no more reminders, all or one: "stop påmindelserne", "ingen flere påmindelser om BBR"
  'reminder.list', // the reminders this conversation gets: "hvilke påmindelser får vi?"
  'reminder.snooze', // one reminder again later: "mind mig igen i morgen", "udsæt påmindelsen"
  'poll.create', // a poll in a sentence, or how to write one: "afstemning: Hvilken strategi? | A | B | C"
  'poll.close', // the conversation's open poll closed: "luk", "luk afstemningen"
  'poll.delete', // the conversation's poll deleted: "slet afstemningen"
  'overview.systems-using', // which IT systems use an interface or support system: "hvilke systemer bruger SF1511?"
  'overview.used-by', // which interfaces / support systems an IT system uses: "hvilke snitflader bruger DUBU?"
  'rollout.sapa', // when a municipality goes on SAPA: "hvornår skal Aarhus på SAPA?"
  'pilot.solution', // pilots and their solutions: "hvilken løsning bruger Gladsaxe i piloten?"
  'strategy.describe', // Organisation strategies A/B/C: list, steps, pros, cons, duration
  'event.list', // webinars, kick-off meetings, municipality days: "hvornår er der webinar?"
  'event.next-meeting', // the next programme leader meeting
  'agenda.today', // today's meeting agenda: "dagens program"
  'meeting.start', // a host starts running today's meeting here: "start møde", "start mødet 12. september"
  'meeting.next', // the host moves to the next agenda item: "næste punkt"
  'meeting.previous', // the host moves back one agenda item: "forrige punkt"
  'meeting.goto', // the host moves to a numbered agenda item: "gå til punkt 5"
  'meeting.pause', // the host announces a break: "pause 10"
  'meeting.end', // the host ends the meeting: "afslut møde"
  'meeting.here', // a participant answers the roll call: "jeg er her"
  'meeting.attendance', // the host asks for the roll call by municipality: "hvem er her?", "fremmøde"
  'meeting.remind', // reminders here before each meeting: "mind os om mødet"
  'meeting.remind-stop', // no more of them: "stop mødepåmindelser"
  'evaluation.start', // the host starts the end-of-meeting evaluation here: "start evaluering", "evaluering"
  'evaluation.answer', // the form to answer it: "svar på evalueringen"
  'evaluation.close', // the host closes it and shows the results: "luk evalueringen"
  'evaluation.results', // its results (while open, how many answered): "evalueringens resultat"
  'evaluation.csv', // its answers as CSV, for the host: "evaluering csv"
  'contact', // whom to write to: "hvem kan jeg skrive til om KIGO?"
  'news', // the news items: "hvad er der af nyheder?"
  'help', // what the bot can do
  'fact', // no dialog fits, but passages of the knowledge answer it: "hvem er KOMBITs eskalationspart?"
  'unknown', // out of scope or too unsure to answer
] as const;

/** One of the intents above. */
export type Intent = (typeof intents)[number];

/** A calendar span in Denmark, both ends inclusive, YYYY-MM-DD. */
export interface DateSpan {
  start: string;
  end: string;
}

/** A status as KLIK has them. */
export type ReportedStatus = 'not-started' | 'started' | 'done';

/** What one status belongs to: a task, or one step of a task with steps. */
export interface StatusTarget {
  taskId: string;
  step?: number;
}

/** What a sentence reporting a status says ("BBR trin 3 er fuldført"). */
export interface StatusReport {
  status: ReportedStatus;
  /** The one task or step the sentence names; never inferred. */
  target?: StatusTarget;
  /** Without a target: what it may be about, to ask back (empty when nothing points anywhere). */
  candidates: StatusTarget[];
}

/** What a question is about, in the ids of the knowledge files. Empty lists when not named. */
export interface Entities {
  tasks: string[];
  /** Steps named by number ("trin 3") or title; `taskId` is the step's task. */
  steps: { taskId: string; number: number }[];
  roles: string[];
  itSystems: string[];
  interfaces: string[];
  supportSystems: string[];
  municipalities: string[];
  /** Organisation strategy ids (strategies.json). */
  strategies: string[];
  /** Deadline records (deadlines.json) named by title or alias. */
  deadlines: string[];
  /** Event kinds named: "webinar", "kick-off", "municipality-day", "meeting". */
  eventKinds: string[];
  /** A date or span named in the question ("i december", "uge 45", "1. november"). */
  dates?: DateSpan;
  /** The date said as a limit ("inden udgangen af september"): today up to it, for what falls due or happens before. */
  upTo?: DateSpan;
  /**
   * Which side of a topic is asked about, where the question says: "steps", "pros", "cons",
   * "duration", "kind", "competences", "responsibility", "count-done", "ways" (the strategies to choose between), ...
   */
  aspect?: string;
  /** A role category named ("tekniske roller"): organisational, project or technical. */
  roleCategory?: string;
  /** A phase named ("drift og forvaltning"): implementation or operations. */
  rolePhase?: string;
  /** For a status update only: the status reported and what it is about. */
  report?: StatusReport;
  /** For poll.create only: the poll sentence as written, for the poll dialog to read. */
  pollText?: string;
  /** For fact only: the passages that answer it, best first ("roles/kombit-programleder/profile.tasks.3"). */
  passages?: string[];
  /** Points of a meeting's programme asked about, as "meetingId#index". */
  agendaItems?: string[];
  /** Beside another intent's answer: passages that hold the whole question, and its terms they hold. */
  evidence?: { passages: string[]; terms: string[] };
  /** The question compares the things of its kind it names ("forskellen på A og B"): each is answered. */
  compared?: boolean;
}

/** Below this confidence the bot says it does not know rather than risk a confident wrong fact. */
export const CONFIDENCE_THRESHOLD = 0.5;

/** The reading of one question. */
export interface Understanding {
  intent: Intent;
  /** 0–1: how sure the reading is; below the router's threshold the bot says it did not understand. */
  confidence: number;
  entities: Entities;
  language: Language;
  /**
   * The question's words where the material's passages answered it: a follow-up that only
   * names another thing ("og KY?") asks the same of that thing.
   */
  asked?: string;
  /** The clause of a long message read as its question (asking-clauses.ts): what its answer is checked against. */
  clause?: string;
}

/** An Entities value with nothing named. */
export function noEntities(): Entities {
  return {
    tasks: [],
    steps: [],
    roles: [],
    itSystems: [],
    interfaces: [],
    supportSystems: [],
    municipalities: [],
    strategies: [],
    deadlines: [],
    eventKinds: [],
  };
}
