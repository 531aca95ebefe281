import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../clock.js';

/** Slack's window: a signed request older than this is stale, and one this far ahead is forged or mistimed. */
const WINDOW_SECONDS = 5 * 60;
/** More signatures than Slack sends in a window to one app; past it the oldest are forgotten first. */
const MAX_REMEMBERED = 50_000;

/** What to do with a signed request before Bolt sees it. */
export type ReplayVerdict = 'pass' | 'future' | 'replayed';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Slack signs a timestamp and the body, so a request overheard (a proxy log, a shared HAR
 * file) verifies again for five minutes. Bolt checks only that the timestamp is not too old.
 * This refuses a timestamp ahead of the clock and a validly signed request seen before within
 * the window. Slack's own retries of an event (`X-Slack-Retry-Num`) pass: the event id
 * de-duplication answers them without acting twice. Kept in memory: after a restart, a
 * request from the last five minutes could be replayed once more.
 */
export class SignedRequests {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly signingSecret: string,
    private readonly clock: Clock,
  ) {}

  verdict(headers: IncomingHttpHeaders, raw: Buffer): ReplayVerdict {
    const signature = header(headers, 'x-slack-signature');
    const timestamp = Number(header(headers, 'x-slack-request-timestamp'));
    // no signature or no number: Bolt refuses it, with its own message
    if (!signature || !Number.isInteger(timestamp)) return 'pass';
    const now = Math.floor(this.clock.now().toSeconds());
    if (timestamp > now + WINDOW_SECONDS) return 'future';
    // only a signature made with our secret is remembered: a forged one must not fill the memory
    if (!this.#signedByUs(signature, timestamp, raw)) return 'pass';
    this.#forgetBefore(now);
    if (this.#seen.has(signature)) return header(headers, 'x-slack-retry-num') === undefined ? 'replayed' : 'pass';
    if (this.#seen.size >= MAX_REMEMBERED) this.#seen.delete(this.#seen.keys().next().value!);
    this.#seen.set(signature, timestamp + WINDOW_SECONDS);
    return 'pass';
  }

  #signedByUs(signature: string, timestamp: number, raw: Buffer): boolean {
    const expected = `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`;
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
  }

  #forgetBefore(now: number): void {
    for (const [signature, expires] of this.#seen) {
      if (expires >= now) break; // inserted in arrival order; expiry follows the timestamp, near enough
      this.#seen.delete(signature);
    }
  }
}
