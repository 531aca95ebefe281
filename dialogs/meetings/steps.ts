import type { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import type { Reply } from '../../src/core/types.js';
import { meetingInstant, type Meeting } from '../../src/knowledge/queries.js';
import type { DialogContext, ActionDialog } from '../types.js';
import {
  agendaButton,
  endButton,
  nextButton,
  previousButton,
  sessionKey,
  type Session,
  type WithMeetings,
} from './host.js';
import { DEFAULT_PAUSE_MINUTES, endPost, itemPost, pausePost } from './posts.js';
import { hostedSession, missingMeetingReply, noSessionReplyFor } from './run.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/** The longest break "pause N" takes, in minutes. */
export const MAX_PAUSE_MINUTES = 180;

const nextArgs = z.object({
  from: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .optional(),
});
const pauseArgs = z.object({
  minutes: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.int().min(1).max(MAX_PAUSE_MINUTES))
    .optional(),
});

/**
 * `minutes` from `now`, to the minute: a break announced at 11.10.40 for 10 minutes ends 11.20,
 * as people read the clock (rounding up said 11.21 where the next item starts 11.20).
 */
export function breakEnd(now: DateTime, minutes: number): DateTime {
  return now.setZone(ZONE).plus({ minutes }).startOf('minute');
}

/** How close by the clock to the agenda's own pause "pause 10" takes the meeting onto it. */
const AGENDA_BREAK_REACH_MINUTES = 10;

function minutesOf(time: string): number {
  const [hours = 0, mins = 0] = time.split('.').map(Number);
  return hours * 60 + mins;
}

/** How long the agenda gives a pause item: to the next item's start (the seed's ends can be wrong), else its end. */
export function agendaMinutes(meeting: Meeting, index: number): number {
  const item = meeting.agenda[index];
  if (!item) return DEFAULT_PAUSE_MINUTES;
  const until = meeting.agenda[index + 1]?.start ?? item.end;
  const length = minutesOf(until) - minutesOf(item.start);
  return length > 0 ? length : DEFAULT_PAUSE_MINUTES;
}

function isBreak(meeting: Meeting, index: number): boolean {
  const kind = meeting.agenda[index]?.kind;
  return kind === 'pause' || kind === 'buffer';
}

/**
 * The item a break called at `now` belongs to: the agenda's own pause right after the current
 * item when the clock is near it (or past its start), else the current item. Taken by order
 * alone, a break at 09.56 with the host ahead at the third item became the 10.40 pause.
 */
function breakItem(meeting: Meeting, current: number, now: DateTime): number {
  if (isBreak(meeting, current) || !isBreak(meeting, current + 1)) return current;
  const starts = meetingInstant(meeting, meeting.agenda[current + 1]!.start);
  return now >= starts.minus({ minutes: AGENDA_BREAK_REACH_MINUTES }) ? current + 1 : current;
}

export function movedOnAlready(context: DialogContext, meeting: Meeting, session: Session): Reply[] {
  const title = meeting.agenda[session.currentItem]?.title ?? '';
  return notice(
    say(
      context,
      `Mødet er allerede gået videre; nu: ${title}. Intet er ændret.`,
      `The meeting has already moved on; now: ${title}. Nothing was changed.`,
    ),
    {
      // a second press went further than meant: one step back is at hand
      buttons: [
        ...(session.currentItem > 0 ? [previousButton(context, session.currentItem)] : []),
        nextButton(context, session.currentItem),
        agendaButton(context),
      ],
    },
  );
}

function atLastItem(context: DialogContext, meeting: Meeting, index: number): Reply[] {
  const title = meeting.agenda[index]?.title ?? '';
  return notice(
    say(
      context,
      `Vi er ved sidste punkt: ${title}. Skriv 'afslut møde', når I er færdige.`,
      `This is the last item: ${title}. Type 'end meeting' when you are done.`,
    ),
    {
      buttons: [endButton(context), agendaButton(context)],
    },
  );
}

/**
 * Moves the meeting to its next agenda item and posts it. An agenda pause starts its break
 * (back at the clock plus its length); the last item says the evaluation starts, and starts it
 * when the services can. A button carries the item it was pressed on: a second press is refused.
 */
export const meetingNext: ActionDialog = async (context, args, services: WithMeetings) => {
  const hosted = hostedSession(context, services);
  if (Array.isArray(hosted)) return hosted;
  const { meetings, session, meeting } = hosted;
  if (!meeting) return missingMeetingReply(context);
  const parsed = nextArgs.safeParse(args);
  const from = parsed.success ? (parsed.data.from ?? session.currentItem) : session.currentItem;
  if (from !== session.currentItem) return movedOnAlready(context, meeting, session);
  const last = meeting.agenda.length - 1;
  if (from >= last) return atLastItem(context, meeting, last);
  const to = from + 1;
  const pauseUntil =
    meeting.agenda[to]?.kind === 'pause' ? breakEnd(context.turn.now, agendaMinutes(meeting, to)) : undefined;
  const moved = await meetings.sessions.moveTo(sessionKey(context), to, {
    from,
    ...(pauseUntil ? { pauseUntil } : {}),
  });
  if (!moved.moved)
    return moved.session ? movedOnAlready(context, meeting, moved.session) : noSessionReplyFor(context, meetings);
  if (pauseUntil) return [pausePost(context, meeting, to, pauseUntil)];
  if (to === last && meetings.startEvaluation) {
    const evaluation = await meetings.startEvaluation(context, meeting.id);
    return [itemPost(context, meeting, to, { evaluationStarted: true }), ...evaluation];
  }
  return [itemPost(context, meeting, to)];
};

/**
 * "pause 10": a break until the clock plus the minutes, to the minute, posted for everyone with
 * the item after it. At the agenda's own pause (or by the clock just before it) the meeting moves onto it;
 * without minutes the break is as long as that pause, else 10 minutes.
 */
export const meetingPause: ActionDialog = async (context, args, services: WithMeetings) => {
  const hosted = hostedSession(context, services);
  if (Array.isArray(hosted)) return hosted;
  const parsed = pauseArgs.safeParse(args);
  if (!parsed.success) {
    return notice(
      say(
        context,
        `Skriv pausens længde i minutter (højst ${MAX_PAUSE_MINUTES}), fx 'pause 10'. Intet er ændret.`,
        `Give the break's length in minutes (at most ${MAX_PAUSE_MINUTES}), e.g. 'pause 10'. Nothing was changed.`,
      ),
    );
  }
  const { meetings, session, meeting } = hosted;
  if (!meeting) return missingMeetingReply(context);
  const current = session.currentItem;
  const at = breakItem(meeting, current, context.turn.now);
  const minutes = parsed.data.minutes ?? (isBreak(meeting, at) ? agendaMinutes(meeting, at) : DEFAULT_PAUSE_MINUTES);
  const until = breakEnd(context.turn.now, minutes);
  const paused = await meetings.sessions.pause(sessionKey(context), until, at === current ? undefined : at);
  if (!paused) return noSessionReplyFor(context, meetings);
  return [pausePost(context, meeting, at, until)];
};

/** Ends the meeting run here and posts the follow-up: where questions, feedback and the slides go. */
export const meetingEnd: ActionDialog = async (context, _args, services: WithMeetings) => {
  const hosted = hostedSession(context, services);
  if (Array.isArray(hosted)) return hosted;
  const ended = await hosted.meetings.sessions.end(sessionKey(context));
  if (!ended) return noSessionReplyFor(context, hosted.meetings);
  if (!hosted.meeting)
    return [
      { text: say(context, 'Mødet er afsluttet. Tak for i dag!', 'The meeting has ended. Thank you for today!') },
    ];
  return [endPost(context, hosted.meeting)];
};
