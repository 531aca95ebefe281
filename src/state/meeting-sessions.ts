import { DateTime } from 'luxon';
import { nowIso, type Clock } from '../clock.js';
import type { Actor, DeepReadonly, MeetingSession, State } from './schema.js';
import type { Store } from './store.js';
import { plainCopy } from './mirror.js';

export type { MeetingSession } from './schema.js';

/** The conversation a session runs in, as stored (`addressOf(turn)`). */
export interface SessionKey {
  channel: string;
  conversationId: string;
}

/** What moving to another agenda item came to. */
export type MoveResult =
  | { moved: true; session: DeepReadonly<MeetingSession>; from: number }
  /** `none`: no session runs here; `elsewhere`: it is no longer at the item the move was made from (a second press). */
  | { moved: false; reason: 'none' | 'elsewhere'; session?: DeepReadonly<MeetingSession> };

function here(key: SessionKey) {
  return (session: { channel: string; conversationId: string }) =>
    session.channel === key.channel && session.conversationId === key.conversationId;
}

function runningIn(draft: State, key: SessionKey): MeetingSession | undefined {
  const session = draft.meetingSessions.find(here(key));
  return session && session.endedAt === undefined ? session : undefined;
}

function iso(at: DateTime): string {
  const text = at.toISO();
  if (text === null) throw new TypeError(`Not a valid time (${at.invalidReason ?? 'unknown reason'})`);
  return text;
}

function withoutUndefined(actor: Actor): Actor {
  return JSON.parse(JSON.stringify(actor)) as Actor;
}

/**
 * The meeting run in each conversation (one each): which agenda item it is at, a pause in
 * progress, who started it. An ended session stays until the next one starts, so "afslut
 * møde" pressed twice finds it ended rather than missing.
 */
export class MeetingSessionRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The conversation's session, running or ended. */
  get(key: SessionKey): DeepReadonly<MeetingSession> | undefined {
    return this.store.read().meetingSessions.find(here(key));
  }

  /** The conversation's session if it has not been ended. */
  running(key: SessionKey): DeepReadonly<MeetingSession> | undefined {
    const session = this.get(key);
    return session && session.endedAt === undefined ? session : undefined;
  }

  /** Every session not ended, in every conversation: the timed work looks at each. */
  allRunning(): DeepReadonly<MeetingSession>[] {
    return this.store.read().meetingSessions.filter((session) => session.endedAt === undefined);
  }

  /**
   * Starts a session at `currentItem` (begun at `itemSince`, else now), replacing any earlier
   * one in the conversation (which it resolves with).
   */
  async start(
    key: SessionKey,
    meetingId: string,
    currentItem: number,
    by: Actor,
    options: { language?: 'da' | 'en'; itemSince?: DateTime } = {},
  ): Promise<{ session: DeepReadonly<MeetingSession>; replaced?: DeepReadonly<MeetingSession> }> {
    const startedAt = nowIso(this.clock);
    const { language } = options;
    const session: MeetingSession = {
      ...key,
      meetingId,
      currentItem,
      startedAt,
      startedBy: withoutUndefined(by),
      coHosts: [],
      itemSince: options.itemSince ? iso(options.itemSince) : startedAt,
      ...(language ? { language } : {}),
    };
    return this.store.update((draft) => {
      const index = draft.meetingSessions.findIndex(here(key));
      const replaced = index === -1 ? undefined : draft.meetingSessions.splice(index, 1)[0];
      draft.meetingSessions.push(session);
      return { session: plainCopy(session), ...(replaced ? { replaced } : {}) };
    });
  }

  /**
   * Moves the running session to agenda item `to`, pausing it until `pauseUntil` when given
   * (the agenda's own pause) and else ending any pause. With `from`, only when the session is
   * still at that item: a button pressed twice moves once.
   */
  async moveTo(
    key: SessionKey,
    to: number,
    options: { from?: number; pauseUntil?: DateTime } = {},
  ): Promise<MoveResult> {
    const pauseUntil = options.pauseUntil ? iso(options.pauseUntil) : undefined;
    return this.store.update((draft): MoveResult => {
      const session = runningIn(draft, key);
      if (!session) return { moved: false, reason: 'none' };
      if (options.from !== undefined && session.currentItem !== options.from)
        return { moved: false, reason: 'elsewhere', session: plainCopy(session) };
      const was = session.currentItem;
      session.currentItem = to;
      session.itemSince = nowIso(this.clock);
      if (pauseUntil) session.pauseUntil = pauseUntil;
      else delete session.pauseUntil;
      return { moved: true, session: plainCopy(session), from: was };
    });
  }

  /** Pauses the running session until `until`, at agenda item `item` (a pause item the agenda has there); undefined when none runs. */
  async pause(key: SessionKey, until: DateTime, item?: number): Promise<DeepReadonly<MeetingSession> | undefined> {
    const pauseUntil = iso(until);
    return this.store.update((draft) => {
      const session = runningIn(draft, key);
      if (!session) return undefined;
      session.pauseUntil = pauseUntil;
      // a break in the middle of an item is no time spent on it: the item runs over only after it
      const interrupts = item === undefined || item === session.currentItem;
      if (interrupts && session.itemSince) {
        const paused = until.diff(this.clock.now());
        if (paused.toMillis() > 0)
          session.itemSince = iso(DateTime.fromISO(session.itemSince, { setZone: true }).plus(paused));
      }
      if (item !== undefined) session.currentItem = item;
      return plainCopy(session);
    });
  }

  /**
   * Lets `person` run the session started at `startedAt` with its host. `gone` when that
   * session no longer runs (ended, or another started since); `already` when they do.
   */
  async addCoHost(key: SessionKey, startedAt: string, person: Actor): Promise<'added' | 'already' | 'gone'> {
    return this.store.update((draft) => {
      const session = runningIn(draft, key);
      if (!session || session.startedAt !== startedAt) return 'gone';
      const same = (other: Actor) => other.channel === person.channel && other.userId === person.userId;
      if (same(session.startedBy) || session.coHosts.some(same)) return 'already';
      session.coHosts.push(withoutUndefined(person));
      return 'added';
    });
  }

  /**
   * Notes that people were called back from the break ending `pauseUntil`: false when the
   * session has ended or its break has changed since (a new "pause" is called back in its turn).
   */
  async markCalledBack(key: SessionKey, pauseUntil: string): Promise<boolean> {
    return this.store.update((draft) => {
      const session = runningIn(draft, key);
      if (!session || session.pauseUntil !== pauseUntil) return false;
      session.calledBackFrom = pauseUntil;
      return true;
    });
  }

  /** Notes that the host was told item `item` ran over; false when the session has moved on or ended since. */
  async markNudged(key: SessionKey, item: number): Promise<boolean> {
    return this.store.update((draft) => {
      const session = runningIn(draft, key);
      if (!session || session.currentItem !== item) return false;
      session.nudgedItem = item;
      return true;
    });
  }

  /**
   * Notes `person` present at the session started at `startedAt`, once: `already` when they
   * answered the roll call before, `gone` when that session no longer runs.
   */
  async markPresent(
    key: SessionKey,
    startedAt: string,
    person: { channel: string; userId: string; name?: string },
  ): Promise<'added' | 'already' | 'gone'> {
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      const session = runningIn(draft, key);
      if (!session || session.startedAt !== startedAt) return 'gone';
      const present = (session.present ??= []);
      if (present.some((other) => other.channel === person.channel && other.userId === person.userId)) return 'already';
      present.push({
        channel: person.channel,
        userId: person.userId,
        ...(person.name ? { name: person.name } : {}),
        at,
      });
      return 'added';
    });
  }

  /** Ends the running session; undefined when none runs. */
  async end(key: SessionKey): Promise<DeepReadonly<MeetingSession> | undefined> {
    const endedAt = nowIso(this.clock);
    return this.store.update((draft) => {
      const session = runningIn(draft, key);
      if (!session) return undefined;
      session.endedAt = endedAt;
      delete session.pauseUntil;
      return plainCopy(session);
    });
  }
}
