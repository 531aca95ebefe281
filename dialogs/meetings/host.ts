import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import { addressOf } from '../../src/core/address.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { findMeeting, type Meeting } from '../../src/knowledge/queries.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import type { MeetingSession, MeetingSessionRepository, SessionKey } from '../../src/state/meeting-sessions.js';
import { isAdministrator } from '../membership/acting-for.js';
import type { DialogContext, ActionServices, MeetingServices } from '../types.js';
import { inert } from '../shared/text.js';
import { say } from '../shared/say.js';
import { MEETING_DIALOGS, EVALUATION_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { dialogButton } from '../shared/buttons.js';

/** The action services with the meeting part's field (`meetings`), which klikbot may run without. */
export type WithMeetings = ActionServices & { meetings?: MeetingServices };

/** A running session, as read from the state. */
export type Session = DeepReadonly<MeetingSession>;

/** The conversation's key for its session: the stored address. */
export function sessionKey(context: DialogContext): SessionKey {
  return addressOf(context.turn);
}

/**
 * The session running in this conversation today, if any. One left running from an earlier
 * day is over: nobody ended it, but it no longer says where a meeting is.
 */
export function activeSession(context: DialogContext, sessions: MeetingSessionRepository): Session | undefined {
  const session = sessions.running(sessionKey(context));
  if (!session) return undefined;
  const today = context.turn.now.setZone(ZONE).toISODate();
  return DateTime.fromISO(session.startedAt, { zone: ZONE }).toISODate() === today ? session : undefined;
}

/** Whether the person behind the turn runs this session: the one who started it, a co-host they let in, or an administrator. */
export function isHost(context: DialogContext, session: Session, services: ActionServices): boolean {
  const { turn } = context;
  const isThem = (person: { channel: string; userId: string }) =>
    person.channel === turn.conversation.channel && person.userId === turn.user.id;
  return isThem(session.startedBy) || session.coHosts.some(isThem) || isAdministrator(turn, services);
}

/** Whether the person behind the turn runs the meeting going on in this conversation today (its polls and evaluation are theirs to close too). */
export function runsMeetingHere(context: DialogContext, services: WithMeetings): boolean {
  const sessions = services.meetings?.sessions;
  const session = sessions ? activeSession(context, sessions) : undefined;
  return session !== undefined && isHost(context, session, services);
}

/** The refusal for someone who does not run the meeting: who does; nothing is written. */
export function notHostReply(context: DialogContext, session: Session): Reply[] {
  const host =
    session.startedBy.name !== undefined
      ? inert(session.startedBy.name)
      : say(context, 'den, der startede det', 'the person who started it');
  return notice(
    say(
      context,
      `Mødet her ledes af ${host}; kun værten, en medvært eller en administrator kan skifte punkt, holde pause, starte evalueringen eller afslutte. Intet er ændret.`,
      `This meeting is run by ${host}; only the host, a co-host or an administrator can move on or back, pause, start the evaluation or end it. Nothing was changed.`,
    ),
  );
}

/** Where klikbot runs without the meeting sessions. */
export function meetingsUnavailableReply(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Her kan jeg ikke køre møder. Spørg gerne om dagens program.',
      'I cannot run meetings here. Do ask for today’s agenda.',
    ),
  );
}

/** The meeting a session runs, from the knowledge (undefined if the data no longer has it). */
export function sessionMeeting(context: DialogContext, session: Session): Meeting | undefined {
  return findMeeting(context.knowledge, session.meetingId);
}

/** "Start møde". */
export function startButton(context: DialogContext, meetingId?: string): ReplyButton {
  return dialogButton(
    say(context, 'Start møde', 'Start meeting'),
    MEETING_DIALOGS.start,
    meetingId ? { meetingId } : {},
  );
}

/** "Næste punkt", moving on from `from` only (a second press of the same button moves no further). */
export function nextButton(context: DialogContext, from: number): ReplyButton {
  return dialogButton(say(context, 'Næste punkt', 'Next item'), MEETING_DIALOGS.next, { from: String(from) });
}

/** "Forrige punkt", moving back from `from` only (a second press of the same button moves no further). */
export function previousButton(context: DialogContext, from: number): ReplyButton {
  return dialogButton(say(context, 'Forrige punkt', 'Previous item'), MEETING_DIALOGS.previous, {
    from: String(from),
  });
}

/** "Pause 10 min". */
export function pauseButton(context: DialogContext, minutes: number): ReplyButton {
  return dialogButton(say(context, `Pause ${minutes} min`, `Break ${minutes} min`), MEETING_DIALOGS.pause, {
    minutes: String(minutes),
  });
}

/** "Afslut møde". */
export function endButton(context: DialogContext): ReplyButton {
  return dialogButton(say(context, 'Afslut møde', 'End meeting'), MEETING_DIALOGS.end);
}

/** "Dagens program", as the meeting run here has it. */
export function agendaButton(context: DialogContext): ReplyButton {
  return dialogButton(say(context, 'Dagens program', "Today's agenda"), MEETING_DIALOGS.agenda);
}

/** "Start evaluering": the evaluation part's dialog for this meeting. */
export function evaluationButton(context: DialogContext, meetingId: string): ReplyButton {
  return dialogButton(say(context, 'Start evaluering', 'Start evaluation'), EVALUATION_DIALOGS.start, { meetingId });
}
