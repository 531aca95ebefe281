import { meetingCohostApprove, meetingCohostAppoint, meetingCohostRequest } from './cohost.js';
import { meetingAgenda, meetingStart } from './run.js';
import { meetingEnd, meetingNext, meetingPause } from './steps.js';
import { meetingGoTo, meetingPrevious } from './moves.js';
import { meetingAttendance, meetingHere } from './roll-call.js';
import { meetingRemind, meetingRemindStop } from './remind.js';
import type { ActionDialog } from '../types.js';
import { MEETING_DIALOGS } from '../names.js';

/**
 * The dialogs that run a meeting in a conversation, by name: the agenda as it stands there,
 * and the host's start, next item, previous item, go to item N, pause and end, the roll call, and reminders before meetings. They read `services.meetings`.
 */
export const meetingDialogsByName: Record<string, ActionDialog> = {
  [MEETING_DIALOGS.agenda]: meetingAgenda,
  [MEETING_DIALOGS.start]: meetingStart,
  [MEETING_DIALOGS.next]: meetingNext,
  [MEETING_DIALOGS.previous]: meetingPrevious,
  [MEETING_DIALOGS.goto]: meetingGoTo,
  [MEETING_DIALOGS.pause]: meetingPause,
  [MEETING_DIALOGS.end]: meetingEnd,
  [MEETING_DIALOGS.cohostRequest]: meetingCohostRequest,
  [MEETING_DIALOGS.cohostApprove]: meetingCohostApprove,
  [MEETING_DIALOGS.cohostAppoint]: meetingCohostAppoint,
  [MEETING_DIALOGS.here]: meetingHere,
  [MEETING_DIALOGS.attendance]: meetingAttendance,
  [MEETING_DIALOGS.remind]: meetingRemind,
  [MEETING_DIALOGS.remindStop]: meetingRemindStop,
};
