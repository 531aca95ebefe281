/**
 * Things that must happen once however many instances run: an event answered, a reminder
 * sent. Whoever claims a key first may act on it; every later claim of the key, from this
 * instance or another, is refused until the claim expires.
 */
export interface Claims {
  /**
   * True for the first claim of `key` until `expiresAtMs` (epoch milliseconds, real time,
   * which the instances share whatever time klikbot is set to keep); false after, except to the same `owner` (an instance trying again what it claimed
   * and then failed to finish).
   */
  claim(key: string, nowMs: number, expiresAtMs: number, owner?: string): Promise<boolean>;
}

/** Claims kept in this process: enough for one instance (the file store). */
export class MemoryClaims implements Claims {
  // insertion order; the expiry of most claims follows it, so expired ones are found first
  readonly #held = new Map<string, { expires: number; owner?: string }>();

  claim(key: string, nowMs: number, expiresAtMs: number, owner?: string): Promise<boolean> {
    for (const [held, { expires }] of this.#held) {
      if (expires > nowMs) break;
      this.#held.delete(held);
    }
    const held = this.#held.get(key);
    if (held && held.expires > nowMs && (owner === undefined || held.owner !== owner)) return Promise.resolve(false);
    this.#held.delete(key);
    this.#held.set(key, { expires: expiresAtMs, ...(owner === undefined ? {} : { owner }) });
    return Promise.resolve(true);
  }
}

/**
 * `work` wrapped so that, of several instances running it on their own timers, one runs it in
 * each window of `windowMs` of real time (instances' clocks may be replayed, real time is
 * shared): timed work that sends (a poll's result, a reminder before a meeting) then goes out
 * once. Without `claims` (one instance) every call runs.
 */
export function oncePerWindow<T>(
  claims: Claims | undefined,
  job: string,
  windowMs: number,
  work: (at: T) => Promise<void>,
  realMillis: () => number = Date.now,
): (at: T) => Promise<void> {
  if (!claims) return work;
  return async (at) => {
    const now = realMillis();
    const window = Math.floor(now / windowMs);
    if (await claims.claim(`timed:${job}:${window}`, now, (window + 1) * windowMs)) await work(at);
  };
}
