import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../clock.js';
import type { Claims } from '../../state/claims.js';
import type { ReplayJournal } from './replay-journal.js';

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

/** Whether the body is an Events API delivery with an event id (the only kind Slack retries by itself). */
function isEventDelivery(raw: Buffer): boolean {
  try {
    const body = JSON.parse(raw.toString('utf8')) as { type?: unknown; event_id?: unknown } | null;
    return body?.type === 'event_callback' && typeof body.event_id === 'string';
  } catch {
    return false;
  }
}

/**
 * Slack's own retry of an event. The retry header is not signed: only an event, which its
 * event id de-duplicates, may pass with it.
 */
function retriedEvent(headers: IncomingHttpHeaders, raw: Buffer): boolean {
  return header(headers, 'x-slack-retry-num') !== undefined && isEventDelivery(raw);
}

/**
 * Slack signs a timestamp and the body, so a request overheard (a proxy log, a shared HAR
 * file) verifies again for five minutes. Bolt checks only that the timestamp is not too old.
 * This refuses a timestamp ahead of the clock and a validly signed request seen before within
 * the window. Slack's own retries of an event (`X-Slack-Retry-Num`) pass: the event id
 * de-duplication answers them without acting twice. With a journal, what was seen survives a
 * restart; without one, a request from the last five minutes could be replayed once after it.
 */
export class SignedRequests {
  readonly #seen = new Map<string, number>();
  #unsaved: [string, number] | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly clock: Clock,
    private readonly journal?: ReplayJournal,
    private readonly onJournalError?: (error: unknown) => void,
    /** With several instances: where a signature is claimed, so that a replay to another instance is refused there too. */
    private readonly shared?: Claims,
  ) {
    for (const [signature, expires] of journal?.remembered ?? []) this.#seen.set(signature, expires);
  }

  /** The verdict, with a newly seen signature written to the journal (when there is one) before it is acted on. */
  async check(headers: IncomingHttpHeaders, raw: Buffer): Promise<ReplayVerdict> {
    const verdict = this.verdict(headers, raw);
    const unsaved = this.#unsaved;
    this.#unsaved = undefined;
    if (unsaved && this.shared) {
      // this clock keeps real time, as Slack's window and the claims do
      const now = this.clock.now().toMillis();
      // a database that does not answer leaves the protection of this instance's memory
      const first = await this.shared.claim(`slack-signature:${unsaved[0]}`, now, unsaved[1] * 1000).catch(() => true);
      if (!first) return retriedEvent(headers, raw) ? 'pass' : 'replayed';
    }
    if (unsaved && this.journal) {
      try {
        await this.journal.append(unsaved[0], unsaved[1], () => this.#seen);
      } catch (error) {
        // a signed, fresh request is still Slack's: it goes on, protected against replay in memory only
        this.onJournalError?.(error);
      }
    }
    return verdict;
  }

  verdict(headers: IncomingHttpHeaders, raw: Buffer): ReplayVerdict {
    // read as Bolt reads it: "v0=<hash>", anything after a second "=" ignored
    const [version, hash] = (header(headers, 'x-slack-signature') ?? '').split('=');
    const timestamp = Number(header(headers, 'x-slack-request-timestamp'));
    // no signature or no number: Bolt refuses it, with its own message
    if (version !== 'v0' || !hash || !Number.isInteger(timestamp)) return 'pass';
    const now = Math.floor(this.clock.now().toSeconds());
    if (timestamp > now + WINDOW_SECONDS) return 'future';
    // only a signature made with our secret is remembered: a forged one must not fill the memory
    if (!this.#signedByUs(hash, timestamp, raw)) return 'pass';
    this.#forgetBefore(now);
    const signature = `v0=${hash}`;
    if (this.#seen.has(signature)) return retriedEvent(headers, raw) ? 'pass' : 'replayed';
    if (this.#seen.size >= MAX_REMEMBERED) this.#seen.delete(this.#seen.keys().next().value!);
    this.#seen.set(signature, timestamp + WINDOW_SECONDS);
    this.#unsaved = [signature, timestamp + WINDOW_SECONDS];
    return 'pass';
  }

  #signedByUs(hash: string, timestamp: number, raw: Buffer): boolean {
    const expected = createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:`).update(raw).digest('hex');
    const given = Buffer.from(hash);
    return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
  }

  #forgetBefore(now: number): void {
    for (const [signature, expires] of this.#seen) {
      if (expires >= now) break; // inserted in arrival order; expiry follows the timestamp, near enough
      this.#seen.delete(signature);
    }
  }
}
