import type { Clock } from '../clock.js';

/** Wrong guesses one address may make in a window before it must wait. */
const GUESSES_PER_ADDRESS = 10;
const WINDOW_MS = 15 * 60 * 1000;
/** Past this many addresses remembered, those whose tries have all left the window are dropped. */
const MAX_ADDRESSES = 10_000;

/**
 * Slows down whoever guesses a secret: after too many wrong tries from one address in fifteen
 * minutes, further tries from it are refused (429) until the oldest wrong try leaves the
 * window, the right secret included, so guessing gains nothing by going on. There is no limit
 * for all addresses together: it would let anyone lock the administrators out. The secret is
 * at least 24 random characters, so guessing from many addresses gains nothing either.
 */
export class GuessLimit {
  readonly #wrong = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Seconds to wait before this address may try again, or 0 when it may try now. */
  waitFor(address: string): number {
    const now = this.clock.now().toMillis();
    const mine = (this.#wrong.get(address) ?? []).filter((at) => at > now - WINDOW_MS);
    if (mine.length === 0) this.#wrong.delete(address);
    else this.#wrong.set(address, mine);
    return mine.length >= GUESSES_PER_ADDRESS ? Math.ceil((mine[0]! + WINDOW_MS - now) / 1000) : 0;
  }

  /** Counts one wrong try from this address. */
  wrong(address: string): void {
    const now = this.clock.now().toMillis();
    // addresses that guessed once and left are forgotten once their tries are out of the window
    if (this.#wrong.size >= MAX_ADDRESSES) {
      for (const [other, tries] of this.#wrong) if (tries.at(-1)! <= now - WINDOW_MS) this.#wrong.delete(other);
    }
    this.#wrong.set(address, [...(this.#wrong.get(address) ?? []), now]);
  }
}
