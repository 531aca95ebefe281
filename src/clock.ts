import { DateTime } from 'luxon';

/** The bot's one time zone: every date in the data is a date in Denmark. */
export const ZONE = 'Europe/Copenhagen';

/** The only source of "now" in klikbot. */
export interface Clock {
  now(): DateTime;
}

/**
 * A clock that starts at `startAt` (an ISO instant) and runs on from there at wall-clock
 * speed, or follows the wall clock when no start is given. `readWallMillis` is the single
 * place the real time is read; tests pass their own.
 */
export function createClock(startAt?: DateTime, readWallMillis: () => number = Date.now): Clock {
  const offsetMillis = startAt ? startAt.toMillis() - readWallMillis() : 0;
  return {
    now: () => DateTime.fromMillis(readWallMillis() + offsetMillis, { zone: ZONE }),
  };
}

/** A clock that stands still at one instant until moved: for tests and replays. */
export function createFixedClock(at: DateTime): Clock & { set(to: DateTime): void } {
  let current = at.setZone(ZONE);
  return {
    now: () => current,
    set: (to: DateTime) => {
      current = to.setZone(ZONE);
    },
  };
}

/** The clock's instant as luxon's ISO form with its offset, as the state stores instants. */
export function nowIso(clock: Clock): string {
  const at = clock.now().toISO();
  if (at === null) throw new Error('The clock returned an invalid time');
  return at;
}
