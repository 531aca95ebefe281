import type { Clock } from '../clock.js';

/** Wrong guesses one address may make in a window before it must wait. */
const GUESSES_PER_ADDRESS = 10;
/** Wrong guesses from everyone together in a window: many addresses guessing is still guessing. */
const GUESSES_IN_ALL = 100;
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Slows down whoever guesses a secret: after too many wrong tries in fifteen minutes, from one
 * address or from all together, further tries are refused (429) until the oldest wrong try
 * leaves the window, the right secret included, so guessing gains nothing by going on.
 */
export class GuessLimit {
  readonly #wrong = new Map<string, number[]>();
  #all: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** Seconds to wait before this address may try again, or 0 when it may try now. */
  waitFor(address: string): number {
    const now = this.clock.now().toMillis();
    this.#all = this.#all.filter((at) => at > now - WINDOW_MS);
    const mine = (this.#wrong.get(address) ?? []).filter((at) => at > now - WINDOW_MS);
    if (mine.length === 0) this.#wrong.delete(address);
    else this.#wrong.set(address, mine);
    const blockedBy = mine.length >= GUESSES_PER_ADDRESS ? mine : this.#all.length >= GUESSES_IN_ALL ? this.#all : undefined;
    return blockedBy ? Math.ceil((blockedBy[0]! + WINDOW_MS - now) / 1000) : 0;
  }

  /** Counts one wrong try from this address. */
  wrong(address: string): void {
    const now = this.clock.now().toMillis();
    this.#wrong.set(address, [...(this.#wrong.get(address) ?? []), now]);
    this.#all.push(now);
  }
}
