/**
 * Every dialog's name, once: buttons, forms, typed commands, the intent table and the
 * registry all name dialogs through these. A name is stored in cards already posted, so a
 * name, once used, stays.
 */

/** The dialogs that answer from the knowledge alone (no state). */
export const ANSWER_DIALOGS = {
  /** {text}: runs the text as if typed. */
  ask: 'ask',
  help: 'help',
  welcome: 'welcome',
  upcoming: 'upcoming',
  taskDeadline: 'task-deadline',
  datedFact: 'dated-fact',
  taskSteps: 'task-steps',
  taskInfo: 'task-info',
  taskList: 'task-list',
  role: 'role',
  roleCompetences: 'role-competences',
  roleList: 'role-list',
  responsible: 'responsible',
  overview: 'overview',
  rollout: 'rollout',
  pilots: 'pilots',
  strategies: 'strategies',
  events: 'events',
  nextMeeting: 'next-meeting',
  agendaToday: 'agenda-today',
  contacts: 'contacts',
  news: 'news',
  deadlineSpan: 'deadline-span',
  overdue: 'overdue',
  factAnswer: 'fact-answer',
  factRecord: 'fact-record',
  timeline: 'timeline',
  /** {items}: the points of a meeting's programme a question asked about. */
  meetingItems: 'meeting-items',
} as const;

/** The status dialogs: the seed's extract, and what municipalities report (the state). */
export const STATUS_DIALOGS = {
  /** The national table of the seed's KLIK extract (no state). */
  extract: 'status',
  national: 'status-national',
  mine: 'my-status',
  missing: 'status-missing',
  history: 'status-history',
  update: 'status-update',
  undo: 'status-undo',
  form: 'status-form',
  /** A status typed in words whose task or step is not certain: asked back, never guessed. */
  askBack: 'status-update-ask',
} as const;

/** The membership dialogs: who speaks for which municipality, and which conversation is whose. */
export const MEMBERSHIP_DIALOGS = {
  set: 'membership-set',
  approve: 'membership-approve',
  decline: 'membership-decline',
  members: 'members',
  end: 'membership-end',
  roster: 'roster-import',
  /** Links the whole conversation (a channel, a group chat) to a municipality. */
  conversationLink: 'conversation-link',
} as const;

/** The reminder dialogs. */
export const REMINDER_DIALOGS = {
  subscribe: 'reminder-subscribe',
  unsubscribe: 'reminder-unsubscribe',
  list: 'reminder-list',
  snooze: 'reminder-snooze',
  mute: 'reminder-mute',
  failures: 'reminder-failures',
} as const;

/** The poll dialogs. */
export const POLL_DIALOGS = {
  /** {text?, choice?, identity?, results?, closes?}: a poll from a sentence, or its settings form. */
  create: 'poll-create',
  /** {pollId, option}: a press of an option's button. */
  vote: 'poll-vote',
  /** {pollId?}: the poll closed (the conversation's newest open one when no id). */
  close: 'poll-close',
  /** {pollId?}: the poll deleted (the conversation's newest one when no id). */
  delete: 'poll-delete',
  /** {pollId}: the results as CSV, privately. */
  csv: 'poll-csv',
} as const;

/** The dialogs that run a meeting in a conversation. */
export const MEETING_DIALOGS = {
  agenda: 'meeting-agenda',
  start: 'meeting-start',
  next: 'meeting-next',
  /** Back one agenda item. */
  previous: 'meeting-previous',
  /** To a numbered agenda item ("gå til punkt 5"). */
  goto: 'meeting-goto',
  pause: 'meeting-pause',
  end: 'meeting-end',
  /** A person asks the host to let them co-host. */
  cohostRequest: 'meeting-cohost-request',
  /** "medvært @navn": the host names a co-host. */
  cohostAppoint: 'meeting-cohost-appoint',
  /** The host lets them in. */
  cohostApprove: 'meeting-cohost-approve',
  /** A participant answers the roll call ("jeg er her"). */
  here: 'meeting-here',
  /** {names?}: the roll call by municipality, for the host. */
  attendance: 'meeting-attendance',
  /** Reminders in this conversation before each meeting ("mind os om mødet"). */
  remind: 'meeting-remind',
  /** No more of them ("stop mødepåmindelser"). */
  remindStop: 'meeting-remind-stop',
  /** {asks, then?, thenArgs?}: a participant's short question, answered where a meeting runs, else as `then`. */
  participant: 'meeting-participant',
} as const;

/** The evaluation dialogs (a meeting's short evaluation). */
export const EVALUATION_DIALOGS = {
  start: 'evaluation-start',
  form: 'evaluation-form',
  answer: 'evaluation-answer',
  close: 'evaluation-close',
  results: 'evaluation-results',
  csv: 'evaluation-csv',
} as const;

/** The dashboard dialogs: a link to the overview in the browser, and closing the links handed out. */
export const DASHBOARD_DIALOGS = {
  link: 'dashboard-link',
  /** {all?}: closes one's own links, or (an administrator) every link. */
  revoke: 'dashboard-revoke',
} as const;

/** Ask KOMBIT: a question klikbot could not answer handed to KOMBIT's experts, their answer back, and what klikbot learns from it. */
export const ASK_KOMBIT_DIALOGS = {
  /** {q, a, id}: the form where the asker may add a line. */
  open: 'ask-kombit-open',
  /** {q, a, id, note?}: hands the question over. */
  send: 'ask-kombit-send',
  /** {off?}: "eksperter her" / "eksperter ingen" (administrators). */
  experts: 'ask-kombit-experts',
  /** {id}: an expert takes the question, so no other answers it. */
  take: 'ask-kombit-take',
  /** {id}: lets go of a taken question. */
  release: 'ask-kombit-release',
  /** {id}: the answer form. */
  answerForm: 'ask-kombit-answer-form',
  /** {id, answer, save, variants?}: the answer, sent back to the asker. */
  answer: 'ask-kombit-answer',
  /** "ubesvarede spørgsmål" (administrators). */
  openQuestions: 'ask-kombit-open-questions',
  /** Every handed-over question with its outcome, as CSV (administrators). */
  csv: 'ask-kombit-csv',
  /** "lærte svar" (administrators). */
  learned: 'ask-kombit-learned',
  /** {id}: the form to change a learned answer. */
  learnedEditForm: 'ask-kombit-learned-edit-form',
  /** {id, answer, variants?}: changes a learned answer. */
  learnedEdit: 'ask-kombit-learned-edit',
  /** {id}: removes a learned answer. */
  learnedRemove: 'ask-kombit-learned-remove',
} as const;

/** KOMBIT's news sent through klikbot: written in a form, previewed, sent, reported. */
export const BROADCAST_DIALOGS = {
  /** "ny nyhed": the form (administrators). */
  compose: 'broadcast-compose',
  /** The form's submit: the draft, previewed. */
  draft: 'broadcast-draft',
  /** {id}: sends the draft. */
  send: 'broadcast-send',
  /** {id}: cancels a draft, or what is not yet sent. */
  cancel: 'broadcast-cancel',
  /** "nyheder": the news sent, with their delivery (administrators); the news for everyone else. */
  list: 'broadcast-list',
  /** {id}: one news item's delivery report as CSV. */
  csv: 'broadcast-csv',
} as const;

/** The quarterly refresh: the knowledge read again without a restart. */
export const REFRESH_DIALOGS = {
  /** "genindlæs data" (administrators). */
  reload: 'knowledge-reload',
} as const;
