import { DateTime, Duration } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Notifier } from '../../src/core/notifier.js';
import type { Language, Reply } from '../../src/core/types.js';
import { findMeeting, meetingInstant, type Meeting } from '../../src/knowledge/queries.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import type { Logger } from '../../src/logger.js';
import type { MeetingSessionRepository } from '../../src/state/meeting-sessions.js';
import type { Person } from '../../src/state/memberships.js';
import { clockTime, nextTalkIndex } from '../answers/agenda.js';
import { say } from '../shared/say.js';
import type { Session } from './host.js';

/**
 * What a meeting run in a conversation does by the clock, on the scheduler's tick: when a
 * break ends, one line in the meeting's conversation calls people back; when an item has run
 * over its time, its host (alone, in their 1:1 chat) is told once.
 */

/** How late a call-back is still posted: one an hour after the break (klikbot was down) would only confuse. */
export const CALL_BACK_WITHIN = Duration.fromObject({ minutes: 15 });

/** What the timed meeting work needs. */
export interface MeetingTimedDeps {
  sessions: MeetingSessionRepository;
  knowledge: Knowledge;
  notifier: Notifier;
  /** Writes to a person's 1:1 chat with klikbot; false where there is none. */
  reachPerson: (person: Person, replies: Reply[]) => Promise<boolean>;
  logger: Logger;
}

function isBreak(meeting: Meeting, index: number): boolean {
  const kind = meeting.agenda[index]?.kind;
  return kind === 'pause' || kind === 'buffer';
}

/** "☕ Pausen er slut — vi fortsætter med: …": the item after an agenda pause, or the one a break interrupted. */
export function callBackLine(language: Language, meeting: Meeting, current: number): Reply {
  const context = { language };
  const index = isBreak(meeting, current) ? nextTalkIndex(meeting, current) : current;
  const item = meeting.agenda[index];
  const then = item
    ? say(context, ` Vi fortsætter med: **${item.title}**.`, ` We continue with: **${item.title}**.`)
    : '';
  return {
    text: say(context, `☕ Pausen er slut — velkommen tilbage.${then}`, `☕ The break is over — welcome back.${then}`),
    broadcast: true,
  };
}

async function callBack(deps: MeetingTimedDeps, session: Session, meeting: Meeting, now: DateTime): Promise<void> {
  const until = session.pauseUntil;
  if (!until || session.calledBackFrom === until) return;
  const ends = DateTime.fromISO(until, { zone: ZONE });
  if (ends > now) return;
  const key = { channel: session.channel, conversationId: session.conversationId };
  if (ends < now.minus(CALL_BACK_WITHIN)) {
    deps.logger.info({ ...key, pauseUntil: until }, 'a break ended while klikbot was down: nobody is called back late');
    await deps.sessions.markCalledBack(key, until);
    return;
  }
  const line = callBackLine(session.language ?? 'da', meeting, session.currentItem);
  const sent = await deps.notifier.send(key, [line]);
  // a passing failure is tried again next tick; once it is there (or cannot ever be), it is done
  if (sent.status === 'failed') {
    deps.logger.warn({ ...key, pauseUntil: until }, 'calling people back from a break failed; trying again next tick');
    return;
  }
  await deps.sessions.markCalledBack(key, until);
}

/** When the item in progress has run over: past its time in the programme and its length since it began. */
function overrunAt(meeting: Meeting, session: Session): DateTime | undefined {
  const index = session.currentItem;
  const item = meeting.agenda[index];
  if (!item || isBreak(meeting, index)) return undefined;
  const starts = meetingInstant(meeting, item.start);
  const ends = meetingInstant(meeting, meeting.agenda[index + 1]?.start ?? meeting.end);
  const length = ends.diff(starts);
  if (!(length.toMillis() > 0)) return undefined;
  const since = session.itemSince ? DateTime.fromISO(session.itemSince, { zone: ZONE }) : starts;
  const ownEnd = since.plus(length);
  return ownEnd > ends ? ownEnd : ends;
}

/** "⏱ »…« er over sin tid …": for the host only. */
export function nudgeText(language: Language, meeting: Meeting, index: number, over: DateTime): string {
  const context = { language };
  const item = meeting.agenda[index];
  const next = meeting.agenda[index + 1];
  const title = item?.title ?? '';
  const then = next
    ? say(
        context,
        ` Næste punkt: ${next.title}. Skriv 'næste punkt' i mødet, når I er klar.`,
        ` Next item: ${next.title}. Type 'next item' in the meeting when you are ready.`,
      )
    : say(
        context,
        " Skriv 'afslut møde' i mødet, når I er færdige.",
        " Type 'end meeting' in the meeting when you are done.",
      );
  return say(
    context,
    `⏱ »${title}« er over sin tid (til kl. ${clockTime(over)}; ${item?.start ?? ''}–${item?.end ?? ''} i programmet).${then}`,
    `⏱ "${title}" has run over its time (until ${clockTime(over)}; ${item?.start ?? ''}–${item?.end ?? ''} in the programme).${then}`,
  );
}

async function nudgeHost(deps: MeetingTimedDeps, session: Session, meeting: Meeting, now: DateTime): Promise<void> {
  const index = session.currentItem;
  if (session.nudgedItem === index) return;
  if (session.pauseUntil && DateTime.fromISO(session.pauseUntil, { zone: ZONE }) > now) return;
  const over = overrunAt(meeting, session);
  if (!over || now < over) return;
  const key = { channel: session.channel, conversationId: session.conversationId };
  // marked first: a nudge is a courtesy, never worth a second message to the host
  if (!(await deps.sessions.markNudged(key, index))) return;
  const text = nudgeText(session.language ?? 'da', meeting, index, over);
  const reached = await deps.reachPerson(session.startedBy, [{ text }]);
  if (!reached)
    deps.logger.info(
      { ...key, item: index },
      'an item ran over, and the host has no 1:1 chat with klikbot to be told in',
    );
}

/** The timed work of every meeting run today: call-backs from breaks, then the host's nudge about an item run over. */
export async function meetingTimedWork(deps: MeetingTimedDeps, now: DateTime): Promise<void> {
  const today = now.setZone(ZONE).toISODate();
  for (const session of deps.sessions.allRunning()) {
    // a session left running from an earlier day no longer says where a meeting is
    if (DateTime.fromISO(session.startedAt, { zone: ZONE }).toISODate() !== today) continue;
    const meeting = findMeeting(deps.knowledge, session.meetingId);
    if (!meeting) continue;
    await callBack(deps, session, meeting, now);
    await nudgeHost(deps, session, meeting, now);
  }
}
