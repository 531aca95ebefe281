import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshThrottle } from '../../src/core/refresh-throttle.js';
import { createLogger } from '../../src/logger.js';
import { MemoryClaims } from '../../src/state/claims.js';

// The timers and the throttle's clock are fake: the intervals below pass only when a test moves
// time on, so each check says exactly when a write happens, however busy the machine is.
const INTERVAL_MS = 400;
/** How long a write takes: a refresh is a request to Teams or Slack, never instant. */
const WRITE_MS = 5;

/** A throttle on fake time (the fake timers also drive `Date.now`). */
function throttleOf(intervalMs: number): RefreshThrottle {
  return new RefreshThrottle(intervalMs, createLogger('silent'), () => Date.now());
}

/** A refresh that records which card it wrote, once its write has taken WRITE_MS. */
function recorder() {
  const written: string[] = [];
  const refresh = (card: string) => async () => {
    await new Promise((resolve) => setTimeout(resolve, WRITE_MS));
    written.push(card);
  };
  return { written, refresh };
}

/** Moves fake time on by `ms`, running the timers and the promise callbacks due meanwhile. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('RefreshThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first card at once, then only the newest of those that arrive within the interval', async () => {
    const throttle = throttleOf(INTERVAL_MS);
    const { written, refresh } = recorder();
    for (let vote = 1; vote <= 100; vote += 1) throttle.schedule('message-1', refresh(`card ${vote}`));
    await pass(WRITE_MS);
    expect(written).toEqual(['card 1']);
    // the newest waits for the interval to end, counted from when the first write began
    await pass(INTERVAL_MS - WRITE_MS - 1);
    expect(written).toEqual(['card 1']);
    await pass(1 + WRITE_MS);
    expect(written).toEqual(['card 1', 'card 100']);
    // and nothing else is left to write
    await pass(INTERVAL_MS * 10);
    expect(written).toEqual(['card 1', 'card 100']);
  });

  it('keeps messages apart: each has its own interval', async () => {
    const throttle = throttleOf(INTERVAL_MS);
    const { written, refresh } = recorder();
    throttle.schedule('message-1', refresh('a1'));
    throttle.schedule('message-2', refresh('b1'));
    throttle.schedule('message-1', refresh('a2'));
    // message-1's interval does not hold back message-2's first card
    await pass(WRITE_MS);
    expect([...written].sort()).toEqual(['a1', 'b1']);
    const flushed = throttle.flush();
    await pass(WRITE_MS);
    await flushed;
    expect(written.at(-1)).toBe('a2');
  });

  it('flush writes what is waiting without waiting for the interval', async () => {
    const throttle = throttleOf(60_000);
    const { written, refresh } = recorder();
    throttle.schedule('message-1', refresh('first'));
    throttle.schedule('message-1', refresh('second'));
    throttle.schedule('message-1', refresh('third'));
    let flushed = false;
    const flushing = throttle.flush().then(() => (flushed = true));
    // the time of the two writes, far less than the minute's interval
    await pass(2 * WRITE_MS);
    expect(flushed).toBe(true);
    await flushing;
    expect(written).toEqual(['first', 'third']);
  });

  it('a failed last write is tried once more an interval later, and not again after that', async () => {
    const throttle = throttleOf(INTERVAL_MS);
    let tries = 0;
    throttle.schedule('message-1', async () => {
      tries += 1;
      if (tries < 3) throw new Error('Teams answered 429');
    });
    await pass(0);
    expect(tries).toBe(1);
    await pass(INTERVAL_MS - 1);
    expect(tries).toBe(1);
    await pass(1);
    expect(tries).toBe(2);
    // no timer is left to try a third time
    await pass(INTERVAL_MS * 10);
    expect(tries).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failed write does not stop the next one', async () => {
    const throttle = throttleOf(INTERVAL_MS);
    const { written, refresh } = recorder();
    throttle.schedule('message-1', () => Promise.reject(new Error('connector down')));
    throttle.schedule('message-1', refresh('after the failure'));
    // the waiting card goes when the failed write's interval ends
    await pass(INTERVAL_MS + WRITE_MS);
    expect(written).toEqual(['after the failure']);
  });

  it('after a quiet interval the next card is written at once again', async () => {
    const throttle = throttleOf(INTERVAL_MS);
    const { written, refresh } = recorder();
    throttle.schedule('message-1', refresh('early'));
    await pass(INTERVAL_MS * 1.5);
    expect(written).toEqual(['early']);
    throttle.schedule('message-1', refresh('later'));
    // not held back for another interval: written in the time the write itself takes
    await pass(WRITE_MS);
    expect(written).toEqual(['early', 'later']);
  });

  it('with several instances, rewrites a card once an interval in all, and the newest card still arrives', async () => {
    vi.setSystemTime(0);
    const claims = new MemoryClaims();
    const [first, second] = [0, 1].map(
      () => new RefreshThrottle(INTERVAL_MS, createLogger('silent'), () => Date.now(), { claims }),
    );
    const { written, refresh } = recorder();
    first!.schedule('message-1', refresh('first: card 1'));
    second!.schedule('message-1', refresh('second: card 2'));
    await pass(WRITE_MS);
    // one instance took the interval; the other keeps its newer card for the next
    expect(written).toEqual(['first: card 1']);
    await pass(INTERVAL_MS);
    expect(written).toEqual(['first: card 1', 'second: card 2']);
    await pass(INTERVAL_MS * 10);
    expect(written).toHaveLength(2);
  });
});
