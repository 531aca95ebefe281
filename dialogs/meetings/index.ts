import type { ActionDialog } from '../registry.js';
import { MEETING_COHOST_DIALOGS, meetingCohostApprove, meetingCohostRequest } from './cohost.js';
import { MEETING_DIALOGS } from './host.js';
import { meetingAgenda, meetingStart } from './run.js';
import { meetingEnd, meetingNext, meetingPause } from './steps.js';

export { EVALUATION_START_DIALOG, MEETING_DIALOGS, type MeetingServices } from './host.js';

/**
 * The dialogs that run a meeting in a conversation, by name: the agenda as it stands there,
 * and the host's start, next item, pause and end. They read `services.meetings`.
 */
export const meetingDialogsByName: Record<string, ActionDialog> = {
  [MEETING_DIALOGS.agenda]: meetingAgenda,
  [MEETING_DIALOGS.start]: meetingStart,
  [MEETING_DIALOGS.next]: meetingNext,
  [MEETING_DIALOGS.pause]: meetingPause,
  [MEETING_DIALOGS.end]: meetingEnd,
  [MEETING_COHOST_DIALOGS.request]: meetingCohostRequest,
  [MEETING_COHOST_DIALOGS.approve]: meetingCohostApprove,
};
