import { ANSWER_DIALOGS } from '../names.js';
import type { Dialog } from '../types.js';
import { contacts } from './contacts.js';
import { datedFact } from './dated-fact.js';
import { deadlineSpan, overdue } from './deadline-span.js';
import { upcoming } from './deadlines.js';
import { agendaToday, events, nextMeeting } from './events.js';
import { factAnswer, factRecord } from './fact-answer.js';
import { help } from './help.js';
import { meetingItems } from './meeting-items.js';
import { news } from './news.js';
import { overview } from './overview.js';
import { responsible } from './responsible.js';
import { roleList } from './role-list.js';
import { role, roleCompetences } from './role.js';
import { rollout } from './rollout.js';
import { pilots } from './pilots.js';
import { strategies } from './strategies.js';
import { taskDeadline } from './task-deadline.js';
import { taskInfo, taskList } from './task-info.js';
import { taskSteps } from './task-steps.js';
import { timeline } from './timeline.js';
import { welcome } from './welcome.js';

/** The dialogs that answer from the knowledge alone, by the names buttons and the intent table use. */
export const answersByName: Record<string, Dialog> = {
  [ANSWER_DIALOGS.help]: help,
  [ANSWER_DIALOGS.welcome]: welcome,
  [ANSWER_DIALOGS.upcoming]: upcoming,
  [ANSWER_DIALOGS.taskDeadline]: taskDeadline,
  [ANSWER_DIALOGS.datedFact]: datedFact,
  [ANSWER_DIALOGS.taskSteps]: taskSteps,
  [ANSWER_DIALOGS.taskInfo]: taskInfo,
  [ANSWER_DIALOGS.taskList]: taskList,
  [ANSWER_DIALOGS.role]: role,
  [ANSWER_DIALOGS.roleCompetences]: roleCompetences,
  [ANSWER_DIALOGS.roleList]: roleList,
  [ANSWER_DIALOGS.responsible]: responsible,
  [ANSWER_DIALOGS.overview]: overview,
  [ANSWER_DIALOGS.rollout]: rollout,
  [ANSWER_DIALOGS.pilots]: pilots,
  [ANSWER_DIALOGS.strategies]: strategies,
  [ANSWER_DIALOGS.events]: events,
  [ANSWER_DIALOGS.nextMeeting]: nextMeeting,
  [ANSWER_DIALOGS.agendaToday]: agendaToday,
  [ANSWER_DIALOGS.contacts]: contacts,
  [ANSWER_DIALOGS.news]: news,
  [ANSWER_DIALOGS.deadlineSpan]: deadlineSpan,
  [ANSWER_DIALOGS.overdue]: overdue,
  [ANSWER_DIALOGS.factAnswer]: factAnswer,
  [ANSWER_DIALOGS.factRecord]: factRecord,
  [ANSWER_DIALOGS.timeline]: timeline,
  [ANSWER_DIALOGS.meetingItems]: meetingItems,
};
