/**
 * Things that must happen once however many instances run: an event answered, a reminder
 * sent. Whoever claims a key first may act on it; every later claim of the key, from this
 * instance or another, is refused until the claim expires.
 */
export interface Claims {
  /** True for the first claim of `key` until `expiresAtMs` (epoch milliseconds, by klikbot's clock); false after. */
  claim(key: string, nowMs: number, expiresAtMs: number): Promise<boolean>;
}

/** Claims kept in this process: enough for one instance (the file store). */
export class MemoryClaims implements Claims {
  // insertion order; the expiry of most claims follows it, so expired ones are found first
  readonly #held = new Map<string, number>();

  claim(key: string, nowMs: number, expiresAtMs: number): Promise<boolean> {
    for (const [held, expires] of this.#held) {
      if (expires > nowMs) break;
      this.#held.delete(held);
    }
    const expires = this.#held.get(key);
    if (expires !== undefined && expires > nowMs) return Promise.resolve(false);
    this.#held.delete(key);
    this.#held.set(key, expiresAtMs);
    return Promise.resolve(true);
  }
}
