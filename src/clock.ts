import { DateTime, IANAZone } from 'luxon';

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_QUARTERS = 4096;

/**
 * Copenhagen with its UTC offset remembered per quarter of an hour. luxon asks Intl for the
 * offset every time a DateTime is made, which was the largest single cost of reading the
 * clock on every request. Zones change offset on whole quarter hours, and a quarter whose
 * two ends differ is not remembered, so the answer is always Intl's.
 */
class RememberedOffsetZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    const known = this.#offsets.get(quarter);
    if (known !== undefined) return known;
    const start = super.offset(quarter * QUARTER_HOUR_MS);
    if (Number.isNaN(start) || super.offset((quarter + 1) * QUARTER_HOUR_MS - 1) !== start) return super.offset(ts);
    if (this.#offsets.size >= MAX_CACHED_QUARTERS) this.#offsets.clear();
    this.#offsets.set(quarter, start);
    return start;
  }
}

/** The zone object the clock's DateTimes carry: equal to luxon's own Europe/Copenhagen. */
export const COPENHAGEN = new RememberedOffsetZone('Europe/Copenhagen');

/**
 * The bot's one time zone: every date in the data is a date in Denmark. It is the zone object,
 * not its name, so that every DateTime made from a date in the data remembers offsets too.
 */
export const ZONE = COPENHAGEN;

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
    now: () => DateTime.fromMillis(readWallMillis() + offsetMillis, { zone: COPENHAGEN }),
  };
}

/** A replayed clock that can also be moved on: local mode's "next day". */
export interface MovableClock extends Clock {
  /**
   * Moves the clock on to `to`, from where it runs on at wall-clock speed. Only forward:
   * the state, the send log and the timed work all take time as never running backwards.
   */
  moveTo(to: DateTime): void;
}

/** A clock like `createClock(startAt)` that `moveTo` can move forward. */
export function createMovableClock(startAt: DateTime, readWallMillis: () => number = Date.now): MovableClock {
  let offsetMillis = startAt.toMillis() - readWallMillis();
  return {
    now: () => DateTime.fromMillis(readWallMillis() + offsetMillis, { zone: COPENHAGEN }),
    moveTo: (to: DateTime) => {
      const by = to.toMillis() - (readWallMillis() + offsetMillis);
      if (!(by > 0))
        throw new RangeError(`The clock only moves forward; ${to.toISO() ?? 'that time'} is not later than now`);
      offsetMillis += by;
    },
  };
}

/** A clock that stands still at one instant until moved: for tests and replays. */
export function createFixedClock(at: DateTime): Clock & { set(to: DateTime): void } {
  let current = at.setZone(COPENHAGEN);
  return {
    now: () => current,
    set: (to: DateTime) => {
      current = to.setZone(COPENHAGEN);
    },
  };
}

/** The clock's instant as luxon's ISO form with its offset, as the state stores instants. */
export function nowIso(clock: Clock): string {
  const at = clock.now().toISO();
  if (at === null) throw new Error('The clock returned an invalid time');
  return at;
}
