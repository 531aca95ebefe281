import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { addressOf } from '../../src/core/address.js';
import type { ActionPayload, Reply } from '../../src/core/types.js';
import type { Meeting } from '../../src/knowledge/queries.js';
import { PARTICIPANT_ASKS, type ParticipantAsk } from '../../src/understanding/participant-questions.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { clockTime, itemTitle, nextTalkIndex } from '../answers/agenda.js';
import { evaluationsOf } from '../evaluations/access.js';
import { activeSession, sessionMeeting, type Session, type WithMeetings } from './host.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/**
 * A participant's short question while a meeting runs in the conversation ("hvornår er der
 * pause?", "who is presenting?"), answered in one line for the one who asked: in a channel of
 * a hundred people the whole agenda for each of them would bury the meeting. Where no meeting
 * runs, the question gets the answer it had before (`then`): it is never taken from the
 * knowledge's answers outside a meeting.
 */

/** The answer a question would have had without a meeting: the dialog its reading named, if any. */
export type Otherwise = (
  context: DialogContext,
  then: ActionPayload | undefined,
  services: ActionServices,
) => Promise<Reply[]>;

const args = z.object({
  asks: z.enum(PARTICIPANT_ASKS as [ParticipantAsk, ...ParticipantAsk[]]),
  then: z.string().max(100).optional(),
  thenArgs: z.string().max(2000).optional(),
});

/** The payload `then` and `thenArgs` name (undefined: the question was not understood). */
function otherwiseOf(parsed: z.infer<typeof args>): ActionPayload | undefined {
  if (!parsed.then) return undefined;
  let json: unknown = {};
  try {
    json = parsed.thenArgs ? JSON.parse(parsed.thenArgs) : {};
  } catch {
    // a forged button's arguments: the dialog runs with none
  }
  const stored = z.record(z.string(), z.string()).safeParse(json);
  return { dialog: parsed.then, args: stored.success ? stored.data : {} };
}

/** The action that asks `asks` where a meeting runs, and otherwise runs `then` as before. */
export function participantAction(
  dialog: string,
  asks: ParticipantAsk,
  then: ActionPayload | undefined,
): ActionPayload {
  return {
    dialog,
    args: { asks, ...(then ? { then: then.dialog, thenArgs: JSON.stringify(then.args) } : {}) },
  };
}

/** The break announced in the session, while it lasts. */
function pauseEnd(context: DialogContext, session: Session): DateTime | undefined {
  const until = session.pauseUntil ? DateTime.fromISO(session.pauseUntil, { zone: ZONE }) : undefined;
  return until && until > context.turn.now ? until : undefined;
}

function isBreak(meeting: Meeting, index: number): boolean {
  const kind = meeting.agenda[index]?.kind;
  return kind === 'pause' || kind === 'buffer';
}

/** "Næste pause er kl. 11.10–11.20.", or that there are no more. */
function nextBreakLine(context: DialogContext, meeting: Meeting, current: number): string {
  const index = meeting.agenda.findIndex((_item, at) => at > current && isBreak(meeting, at));
  const item = meeting.agenda[index];
  if (!item) return say(context, 'Der er ikke flere pauser i dagens program.', 'There are no more breaks today.');
  return say(
    context,
    `Næste pause er kl. ${item.start}–${item.end}.`,
    `The next break is at ${item.start}–${item.end}.`,
  );
}

function pauseLine(context: DialogContext, meeting: Meeting, current: number, until: DateTime | undefined): string {
  if (until)
    return say(
      context,
      `Det er pause nu; vi er tilbage kl. ${clockTime(until)}.`,
      `It is the break now; we are back at ${clockTime(until)}.`,
    );
  return nextBreakLine(context, meeting, current);
}

function backLine(context: DialogContext, meeting: Meeting, current: number, until: DateTime | undefined): string {
  if (until) return say(context, `Vi er tilbage kl. ${clockTime(until)}.`, `We are back at ${clockTime(until)}.`);
  const now = meeting.agenda[current]?.title ?? '';
  return say(context, `Vi holder ikke pause (nu: ${now}). `, `We are not on a break (now: ${now}). `).concat(
    nextBreakLine(context, meeting, current),
  );
}

function nextLine(context: DialogContext, meeting: Meeting, current: number, until: DateTime | undefined): string {
  // during a break, what comes once it is over
  const index = until ? nextTalkIndex(meeting, current) : current + 1;
  const item = meeting.agenda[index];
  if (!item) {
    const last = meeting.agenda[current]?.title ?? '';
    return say(context, `Vi er ved sidste punkt: ${last}.`, `This is the last item: ${last}.`);
  }
  const title = itemTitle(context, meeting, index);
  return say(context, `Næste punkt kl. ${item.start}: ${title}.`, `Next item at ${item.start}: ${title}.`);
}

function presenterLine(context: DialogContext, meeting: Meeting, current: number, until: DateTime | undefined): string {
  if (until) {
    const after = nextTalkIndex(meeting, current);
    const then =
      after === -1
        ? ''
        : say(
            context,
            ` Derefter: ${itemTitle(context, meeting, after)}.`,
            ` Then: ${itemTitle(context, meeting, after)}.`,
          );
    return (
      say(context, `Det er pause til kl. ${clockTime(until)}.`, `It is the break until ${clockTime(until)}.`) + then
    );
  }
  const item = meeting.agenda[current];
  if (!item) return '';
  if (item.presenter)
    return say(
      context,
      `Nu præsenterer ${item.presenter}: ${item.title}.`,
      `${item.presenter} is presenting now: ${item.title}.`,
    );
  return say(
    context,
    `Programmet nævner ingen oplægsholder for punktet »${item.title}«.`,
    `The programme names no presenter for the item "${item.title}".`,
  );
}

/** How many have answered the evaluation in this conversation (the open one, else the latest of today). */
function answeredLine(context: DialogContext, services: ActionServices): string {
  const evaluations = evaluationsOf(services);
  const here = addressOf(context.turn);
  const today = context.turn.now.setZone(ZONE).toISODate();
  const evaluation =
    evaluations?.openIn(here) ??
    evaluations
      ?.allIn(here)
      .filter((each) => DateTime.fromISO(each.startedAt, { zone: ZONE }).toISODate() === today)
      .at(-1);
  if (!evaluations || !evaluation)
    return say(
      context,
      'Evalueringen er ikke startet endnu; den kommer ved sidste punkt.',
      'The evaluation has not started yet; it comes at the last item.',
    );
  const count = evaluations.summary(evaluation.id).answers;
  if (evaluation.closedAt)
    return say(
      context,
      `${count} svarede på evalueringen; den er lukket.`,
      `${count} answered the evaluation; it is closed.`,
    );
  return say(
    context,
    `${count} har svaret på evalueringen indtil nu.`,
    `${count} ${count === 1 ? 'has' : 'have'} answered the evaluation so far.`,
  );
}

function lineFor(
  context: DialogContext,
  asks: ParticipantAsk,
  meeting: Meeting,
  session: Session,
  services: ActionServices,
): string {
  const until = pauseEnd(context, session);
  const current = session.currentItem;
  switch (asks) {
    case 'pause':
      return pauseLine(context, meeting, current, until);
    case 'back':
      return backLine(context, meeting, current, until);
    case 'next':
      return nextLine(context, meeting, current, until);
    case 'presenter':
      return presenterLine(context, meeting, current, until);
    case 'answered':
      return answeredLine(context, services);
  }
}

/**
 * The dialog, given how to answer as before where no meeting runs (the registry's dialogs:
 * this file cannot name them without a circle).
 */
export function participantAnswer(otherwise: Otherwise): ActionDialog {
  return async (context, rawArgs, services: WithMeetings) => {
    const parsed = args.safeParse(rawArgs);
    if (!parsed.success) return otherwise(context, undefined, services);
    const sessions = services.meetings?.sessions;
    const session = sessions ? activeSession(context, sessions) : undefined;
    const meeting = session ? sessionMeeting(context, session) : undefined;
    if (!session || !meeting) return otherwise(context, otherwiseOf(parsed.data), services);
    return notice(lineFor(context, parsed.data.asks, meeting, session, services));
  };
}
