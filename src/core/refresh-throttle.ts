import type { Logger } from '../logger.js';
import type { Claims } from '../state/claims.js';

/** A write that brings one posted message up to date. */
export type Refresh = () => Promise<void>;

interface Slot {
  /** The newest refresh not yet run: an older one waiting is simply replaced. */
  waiting?: Refresh;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  /** The waiting refresh is a failed one tried again: it is not tried a third time. */
  retrying?: boolean;
  lastStartedAt: number;
}

/**
 * Keeps posted cards up to date for everyone without a write per vote: per message, the
 * first refresh runs at once, then at most one per `intervalMs`, and only the newest of
 * those that arrive meanwhile. 500 votes in a second become two or three writes, well
 * inside what Teams and Slack allow per conversation. A refresh that fails is logged and,
 * unless a newer one is waiting to carry the newer card anyway, tried once more.
 */
export class RefreshThrottle {
  readonly #slots = new Map<string, Slot>();
  /** Stopping: a card another instance rewrites this interval is left to it, not waited for. */
  #flushing = false;

  constructor(
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly monotonicMillis: () => number = () => performance.now(),
    /**
     * With several instances: each interval of the wall clock, the one instance that claims a
     * card rewrites it; the others keep their refresh for the next interval, so the newest
     * count still arrives and the card is rewritten at most once an interval in all.
     */
    private readonly shared?: { claims: Claims; wallMillis?: () => number },
  ) {}

  /** Runs `refresh` for the message `key` as soon as its interval allows, replacing any still waiting. */
  schedule(key: string, refresh: Refresh): void {
    const slot = this.#slots.get(key) ?? { lastStartedAt: -Infinity };
    this.#slots.set(key, slot);
    slot.waiting = refresh;
    // a new press is not a retry: it gets its own second chance
    slot.retrying = false;
    // a refresh running or an interval not yet over picks up the waiting one when it ends
    if (!slot.running && !slot.timer) this.#start(key, slot);
  }

  /** Runs every waiting refresh now and resolves when all have finished (before the process stops). */
  async flush(): Promise<void> {
    this.#flushing = true;
    for (const [key, slot] of this.#slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      if (!slot.running && slot.waiting) this.#start(key, slot);
    }
    await Promise.all([...this.#slots.values()].flatMap((slot) => (slot.running ? [slot.running] : [])));
    if ([...this.#slots.values()].some((slot) => slot.waiting)) await this.flush();
  }

  #start(key: string, slot: Slot): void {
    const refresh = slot.waiting;
    if (!refresh) return;
    const isRetry = slot.retrying === true;
    slot.waiting = undefined;
    slot.retrying = false;
    slot.lastStartedAt = this.monotonicMillis();
    slot.running = this.#ours(key)
      .then(async (ours) => {
        if (ours) return refresh();
        // another instance rewrites it this interval: ours, unless a newer one comes, is the next
        if (this.#flushing) return;
        slot.waiting ??= refresh;
        slot.retrying = isRetry;
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error, message: key, retry: isRetry }, 'could not bring a posted card up to date');
        // the last count would otherwise stay unshown until someone presses again: one more try, an interval later
        if (!slot.waiting && !isRetry) {
          slot.waiting = refresh;
          slot.retrying = true;
        }
      })
      .finally(() => {
        slot.running = undefined;
        const rest = Math.max(0, slot.lastStartedAt + this.intervalMs - this.monotonicMillis());
        slot.timer = setTimeout(() => this.#intervalOver(key, slot), rest);
        // a card not yet refreshed when the process stops is flushed by the caller; the timer must not hold the process open
        slot.timer.unref();
      });
  }

  /** Whether this instance rewrites the card in the current interval (always, on its own). */
  async #ours(key: string): Promise<boolean> {
    if (!this.shared) return true;
    const now = (this.shared.wallMillis ?? Date.now)();
    const interval = Math.floor(now / this.intervalMs);
    return this.shared.claims.claim(`card:${key}:${interval}`, now, (interval + 1) * this.intervalMs);
  }

  #intervalOver(key: string, slot: Slot): void {
    slot.timer = undefined;
    if (slot.waiting) this.#start(key, slot);
    else if (this.#slots.get(key) === slot) this.#slots.delete(key);
  }
}
