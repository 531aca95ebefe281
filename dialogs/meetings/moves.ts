import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import type { DateTime } from 'luxon';
import { meetingInstant, type Meeting } from '../../src/knowledge/queries.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { agendaButton, sessionKey, type WithMeetings } from './host.js';
import { itemPost, pausePost } from './posts.js';
import { hostedSession, missingMeetingReply, noSessionReplyFor, type Hosted } from './run.js';
import { agendaMinutes, breakEnd, movedOnAlready } from './steps.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/**
 * The host's ways back and across the agenda: "forrige punkt" undoes a mistaken "næste punkt",
 * "gå til punkt 5" jumps to a numbered item. Both post the item for everyone, as moving on does.
 */

const itemNumber = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number);
const previousArgs = z.object({ from: itemNumber.optional() });
const gotoArgs = z.object({ item: itemNumber, from: itemNumber.optional() });

function noSuchItem(context: DialogContext, meeting: Meeting): Reply[] {
  const count = meeting.agenda.length;
  return notice(
    say(
      context,
      `Skriv et punkt fra 1 til ${count}, fx 'gå til punkt 5'. Intet er ændret.`,
      `Give an item from 1 to ${count}, e.g. 'go to item 5'. Nothing was changed.`,
    ),
    { buttons: [agendaButton(context)] },
  );
}

/**
 * When a break at the agenda's pause `index` ends, reached by going back or across: where the
 * agenda ends it while that is still ahead (back at 10.45 to the 10.40–10.50 pause is back at
 * 10.50, not 10.55), else its length from now.
 */
function breakUntil(context: DialogContext, meeting: Meeting, index: number): DateTime {
  const now = context.turn.now;
  const ends = meeting.agenda[index + 1]?.start ?? meeting.agenda[index]?.end;
  const planned = ends ? meetingInstant(meeting, ends) : undefined;
  return planned && planned > now ? planned : breakEnd(now, agendaMinutes(meeting, index));
}

/**
 * Moves the hosted meeting to `to` and posts where it now is. An agenda pause starts its
 * break; the last item offers the evaluation rather than starting it, since going back and
 * forth must not send it out twice.
 */
async function moveAcross(context: DialogContext, hosted: Hosted, meeting: Meeting, to: number): Promise<Reply[]> {
  const { meetings, session } = hosted;
  const from = session.currentItem;
  const pauseUntil = meeting.agenda[to]?.kind === 'pause' ? breakUntil(context, meeting, to) : undefined;
  const moved = await meetings.sessions.moveTo(sessionKey(context), to, {
    from,
    ...(pauseUntil ? { pauseUntil } : {}),
  });
  if (!moved.moved)
    return moved.session ? movedOnAlready(context, meeting, moved.session) : noSessionReplyFor(context, meetings);
  return [pauseUntil ? pausePost(context, meeting, to, pauseUntil) : itemPost(context, meeting, to)];
}

/** "Forrige punkt": back one item; at the first item nothing changes. A button carries the item it was pressed on. */
export const meetingPrevious: ActionDialog = async (context, args, services: WithMeetings) => {
  const hosted = hostedSession(context, services);
  if (Array.isArray(hosted)) return hosted;
  const { session, meeting } = hosted;
  if (!meeting) return missingMeetingReply(context);
  const parsed = previousArgs.safeParse(args);
  const from = parsed.success ? (parsed.data.from ?? session.currentItem) : session.currentItem;
  if (from !== session.currentItem) return movedOnAlready(context, meeting, session);
  if (from === 0) {
    const title = meeting.agenda[0]?.title ?? '';
    return notice(
      say(
        context,
        `Vi er ved første punkt: ${title}. Intet er ændret.`,
        `This is the first item: ${title}. Nothing was changed.`,
      ),
      { buttons: [agendaButton(context)] },
    );
  }
  return moveAcross(context, hosted, meeting, from - 1);
};

/** "Gå til punkt 5": to the item numbered as the agenda numbers them (from 1); a number outside it changes nothing. */
export const meetingGoTo: ActionDialog = async (context, args, services: WithMeetings) => {
  const hosted = hostedSession(context, services);
  if (Array.isArray(hosted)) return hosted;
  const { session, meeting } = hosted;
  if (!meeting) return missingMeetingReply(context);
  const parsed = gotoArgs.safeParse(args);
  if (!parsed.success) return noSuchItem(context, meeting);
  const to = parsed.data.item - 1;
  if (to < 0 || to >= meeting.agenda.length) return noSuchItem(context, meeting);
  const from = parsed.data.from ?? session.currentItem;
  if (from !== session.currentItem) return movedOnAlready(context, meeting, session);
  if (to === session.currentItem) {
    const title = meeting.agenda[to]?.title ?? '';
    return notice(
      say(context, `Vi er allerede ved punkt ${to + 1}: ${title}.`, `We are already at item ${to + 1}: ${title}.`),
      { buttons: [agendaButton(context)] },
    );
  }
  return moveAcross(context, hosted, meeting, to);
};
