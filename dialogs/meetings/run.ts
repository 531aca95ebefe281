import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import type { Reply } from '../../src/core/types.js';
import { isoDate } from '../../src/knowledge/common.js';
import { findMeeting, meetingInstant, upcomingMeetings, type Meeting } from '../../src/knowledge/queries.js';
import { actorOf } from '../membership/acting-for.js';
import type { DialogContext, ActionDialog, MeetingServices } from '../types.js';
import { agendaToday } from '../answers/events.js';
import { shortDate } from '../shared/text.js';
import { agendaCard, clockIndex } from '../answers/agenda.js';
import {
  activeSession,
  agendaButton,
  endButton,
  isHost,
  meetingsUnavailableReply,
  nextButton,
  notHostReply,
  sessionKey,
  sessionMeeting,
  startButton,
  type Session,
  type WithMeetings,
} from './host.js';
import { etiquetteCard, itemPost } from './posts.js';
import { rollCallCard } from './roll-call.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/** The meeting's agenda where it is run: the host's item (and a pause in progress), else today's by the clock. */
export const meetingAgenda: ActionDialog = async (context, args, services: WithMeetings) => {
  const session = services.meetings ? activeSession(context, services.meetings.sessions) : undefined;
  const meeting = session ? sessionMeeting(context, session) : undefined;
  // another day named ("programmet den 14. september") is that day's programme, not the one running here
  const otherDay =
    args.start !== undefined && meeting && (meeting.date < args.start || meeting.date > (args.end ?? ''));
  // "hvornår tester vi lyd?", "hvem står bag mødet?": the practical side, however far the host has got
  if (!session || !meeting || otherDay || args.aspect === 'practical') return agendaToday(context, args);
  const until = session.pauseUntil ? DateTime.fromISO(session.pauseUntil, { zone: ZONE }) : undefined;
  const pauseUntil = until && until > context.turn.now ? until : undefined;
  return [agendaCard(context, { meeting, current: session.currentItem, ...(pauseUntil ? { pauseUntil } : {}) })];
};

const startArgs = z.object({ meetingId: z.string().min(1).max(100).optional(), date: isoDate.optional() });

function today(context: DialogContext): string {
  return context.turn.now.setZone(ZONE).toISODate() ?? '';
}

/** Today's meeting, or the one named by id or date; the notice saying why there is none. */
function meetingToStart(context: DialogContext, named: z.infer<typeof startArgs>): Meeting | Reply[] {
  const day = named.date ?? today(context);
  const meeting = named.meetingId
    ? findMeeting(context.knowledge, named.meetingId)
    : context.knowledge.meetings.find((candidate) => candidate.date === day);
  if (meeting) return meeting;
  const [next] = upcomingMeetings(context.knowledge, context.turn.now);
  const none =
    named.meetingId || named.date
      ? say(context, 'Det møde kender jeg ikke.', 'I do not know that meeting.')
      : say(context, 'Der er intet programledermøde i dag.', 'There is no programme leader meeting today.');
  if (!next) return notice(none);
  const when = shortDate(next.date, context.language);
  const hint = say(
    context,
    ` Det næste er ${when}; vil du starte det?`,
    ` The next one is on ${when}; do you want to start it?`,
  );
  return notice(`${none}${hint}`, {
    buttons: [
      { ...startButton(context, next.id), title: say(context, `Start mødet ${when}`, `Start the meeting on ${when}`) },
    ],
  });
}

function alreadyRunning(context: DialogContext, meeting: Meeting, session: Session): Reply[] {
  const item = meeting.agenda[session.currentItem];
  const text = say(
    context,
    `**${meeting.title}** kører allerede her${item ? ` (nu: ${item.title})` : ''}. Skriv 'afslut møde' for at afslutte det.`,
    `**${meeting.title}** is already running here${item ? ` (now: ${item.title})` : ''}. Type 'end meeting' to end it.`,
  );
  return notice(text, {
    buttons: [nextButton(context, session.currentItem), endButton(context), agendaButton(context)],
  });
}

/**
 * Starts running today's meeting (or a named one) in a group conversation, at the item the
 * clock is at, and posts the practicalities and the roll call. The person who starts it is its host.
 */
export const meetingStart: ActionDialog = async (context, args, services: WithMeetings) => {
  if (!services.meetings) return meetingsUnavailableReply(context);
  if (!context.turn.conversation.isGroup) {
    const text = say(
      context,
      'Et møde køres i den gruppesamtale eller kanal, hvor deltagerne er. Her kan du se dagens program.',
      'A meeting is run in the group chat or channel where its participants are. Here you can see today’s agenda.',
    );
    return notice(text, { buttons: [agendaButton(context)] });
  }
  const parsed = startArgs.safeParse(args);
  if (!parsed.success) return notice(say(context, 'Det møde kender jeg ikke.', 'I do not know that meeting.'));
  const found = meetingToStart(context, parsed.data);
  if (Array.isArray(found)) return found;
  const meeting = found;
  const running = activeSession(context, services.meetings.sessions);
  if (running && !isHost(context, running, services)) return notHostReply(context, running);
  if (running?.meetingId === meeting.id) return alreadyRunning(context, meeting, running);
  const byClock = meeting.date === today(context) ? clockIndex(meeting, context.turn.now) : -1;
  const at = Math.max(0, byClock);
  // started in the middle of an item, the item began when the programme has it begin
  const itemSince = byClock >= 0 ? meetingInstant(meeting, meeting.agenda[byClock]!.start) : undefined;
  await services.meetings.sessions.start(sessionKey(context), meeting.id, at, actorOf(context.turn), {
    language: context.language,
    ...(itemSince ? { itemSince } : {}),
  });
  // the roll call on a card of its own: Teams shows no more than the start card's six buttons
  return [etiquetteCard(context, meeting, at), itemPost(context, meeting, at), rollCallCard(context)];
};

/** A hosted session: the services, the session and its meeting (undefined if the data no longer has it). */
export interface Hosted {
  meetings: MeetingServices;
  session: Session;
  meeting: Meeting | undefined;
}

/** The session when the person may run it, else the notices that say why not (no session, not the host). */
export function hostedSession(context: DialogContext, services: WithMeetings): Hosted | Reply[] {
  if (!services.meetings) return meetingsUnavailableReply(context);
  const session = activeSession(context, services.meetings.sessions);
  if (!session) return noSessionReplyFor(context, services.meetings);
  if (!isHost(context, session, services)) return notHostReply(context, session);
  return { meetings: services.meetings, session, meeting: sessionMeeting(context, session) };
}

/** The meeting run here is gone from the data (replaced since it started): only ending it makes sense. */
export function missingMeetingReply(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      "Mødet, der kører her, findes ikke længere i mine data. Skriv 'afslut møde'.",
      "The meeting running here is no longer in my data. Type 'end meeting'.",
    ),
    {
      buttons: [endButton(context)],
    },
  );
}

/** No session runs here (or it has ended today): how to start one; nothing is written. */
export function noSessionReplyFor(context: DialogContext, meetings: MeetingServices): Reply[] {
  const ended = meetings.sessions.get(sessionKey(context));
  if (ended?.endedAt && DateTime.fromISO(ended.endedAt, { zone: ZONE }).toISODate() === today(context)) {
    return notice(say(context, 'Mødet her er afsluttet.', 'The meeting here has ended.'), {
      buttons: [startButton(context)],
    });
  }
  return notice(
    say(
      context,
      "Der kører intet møde her. Skriv 'start møde' for at starte dagens møde.",
      "No meeting is running here. Type 'start meeting' to start today's meeting.",
    ),
    { buttons: [startButton(context)] },
  );
}
