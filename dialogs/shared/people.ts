import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Language, Turn } from '../../src/core/types.js';
import { inert } from './text.js';

/** A person in their channel, as what they asked, answered or sent keeps them. */
export interface PersonNamed {
  channel: string;
  userId: string;
  name?: string | undefined;
}

/** The person behind a turn, as a question or an answer keeps them. */
export function personOfTurn(turn: Turn): PersonNamed {
  return {
    channel: turn.conversation.channel,
    userId: turn.user.id,
    ...(turn.user.name !== undefined ? { name: turn.user.name.slice(0, 200) } : {}),
  };
}

/** How a person is named in a message: their name made inert, else their id. */
export function nameOf(person: PersonNamed): string {
  return person.name ? inert(person.name) : `${person.channel}:${person.userId}`;
}

/** "6. december 2026 kl. 14.05" / "6 December 2026 at 14:05", Copenhagen time. */
export function momentText(iso: string, language: Language): string {
  const at = DateTime.fromISO(iso, { zone: ZONE });
  return language === 'da'
    ? at.setLocale('da').toFormat("d'. 'LLLL yyyy 'kl.' HH.mm")
    : at.setLocale('en-GB').toFormat("d LLLL yyyy 'at' HH:mm");
}

/** "6. december 2026" / "6 December 2026". */
export function dayText(iso: string, language: Language): string {
  const at = DateTime.fromISO(iso, { zone: ZONE });
  return language === 'da'
    ? at.setLocale('da').toFormat("d'. 'LLLL yyyy")
    : at.setLocale('en-GB').toFormat('d LLLL yyyy');
}
