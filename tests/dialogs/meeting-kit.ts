import { DateTime } from 'luxon';
import { beforeEach } from 'vitest';
import type { DialogContext } from '../../dialogs/types.js';
import type { WithMeetings } from '../../dialogs/meetings/host.js';
import type { Language } from '../../src/core/types.js';
import { MeetingSessionRepository } from '../../src/state/meeting-sessions.js';
import { ADMIN, useActionKit, type ActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

/** The action kit with meeting sessions over its state. */
export interface MeetingKit extends ActionKit {
  sessions: MeetingSessionRepository;
  /** The services with `meetings` set, as the lead wires them. */
  meetingServices: WithMeetings;
}

/** Who takes part in the tests: the host, someone else in the channel, and the kit's administrator. */
export const people = {
  host: { userId: 'aad-host', name: 'Mette Vinther Poulsen' },
  other: { userId: 'aad-other', name: 'Peter Jensen' },
  admin: { userId: ADMIN.userId, name: 'Admin' },
} as const;

/** The Teams channel the meeting is run in, as stored (its address). */
export const CHANNEL = { channel: 'msteams', conversationId: '19:moede@thread.tacv2' };

/** A fresh state per test with a session repository; the kit's clock is set to `at` by `turn`. */
export function useMeetingKit(): MeetingKit {
  const kit = useActionKit() as MeetingKit;
  beforeEach(() => {
    kit.sessions = new MeetingSessionRepository(kit.store, kit.clock);
    kit.meetingServices = { ...kit.services, meetings: { sessions: kit.sessions } };
  });
  return kit;
}

/**
 * A turn by one person at `at` in the meeting's Teams channel (a thread of it: the session is
 * the channel's), or in a personal chat; the kit's clock follows, so stored times match.
 */
export function turn(
  kit: MeetingKit,
  who: { userId: string; name: string },
  at: string,
  options: { language?: Language; personal?: boolean } = {},
): DialogContext {
  const now = DateTime.fromISO(at, { setZone: true });
  kit.clock.set(now);
  const conversation = options.personal
    ? { channel: 'teams' as const, id: 'a:personal', isGroup: false, kind: 'personal' as const }
    : {
        channel: 'teams' as const,
        id: `${CHANNEL.conversationId};messageid=1536220000000`,
        isGroup: true,
        kind: 'channel' as const,
        address: CHANNEL,
      };
  return {
    knowledge,
    language: options.language ?? 'da',
    turn: { user: { id: who.userId, name: who.name }, conversation, text: '', now },
  };
}
