import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { RefreshThrottle } from '../../src/core/refresh-throttle.js';
import { createLogger } from '../../src/logger.js';

// long enough that a busy machine does not end an interval before the test looks
const INTERVAL_MS = 400;
const settle = { timeout: 5_000, interval: 5 };

/** A refresh that records which card it wrote, and when it finished. */
function recorder() {
  const written: string[] = [];
  const refresh = (card: string) => async () => {
    await delay(5);
    written.push(card);
  };
  return { written, refresh };
}

describe('RefreshThrottle', () => {
  it('writes the first card at once, then only the newest of those that arrive within the interval', async () => {
    const throttle = new RefreshThrottle(INTERVAL_MS, createLogger('silent'));
    const { written, refresh } = recorder();
    for (let vote = 1; vote <= 100; vote += 1) throttle.schedule('message-1', refresh(`card ${vote}`));
    await vi.waitFor(() => expect(written).toEqual(['card 1']), settle);
    await vi.waitFor(() => expect(written).toEqual(['card 1', 'card 100']), settle);
  });

  it('keeps messages apart: each has its own interval', async () => {
    const throttle = new RefreshThrottle(INTERVAL_MS, createLogger('silent'));
    const { written, refresh } = recorder();
    throttle.schedule('message-1', refresh('a1'));
    throttle.schedule('message-2', refresh('b1'));
    throttle.schedule('message-1', refresh('a2'));
    await vi.waitFor(() => expect([...written].sort()).toEqual(['a1', 'b1']), settle);
    await throttle.flush();
    expect(written.at(-1)).toBe('a2');
  });

  it('flush writes what is waiting without waiting for the interval', async () => {
    const throttle = new RefreshThrottle(60_000, createLogger('silent'));
    const { written, refresh } = recorder();
    throttle.schedule('message-1', refresh('first'));
    throttle.schedule('message-1', refresh('second'));
    throttle.schedule('message-1', refresh('third'));
    await throttle.flush();
    expect(written).toEqual(['first', 'third']);
  });

  it('a failed last write is tried once more an interval later, and not again after that', async () => {
    const throttle = new RefreshThrottle(INTERVAL_MS, createLogger('silent'));
    let tries = 0;
    throttle.schedule('message-1', async () => {
      tries += 1;
      if (tries < 3) throw new Error('Teams answered 429');
    });
    await vi.waitFor(() => expect(tries).toBe(2), settle);
    await delay(INTERVAL_MS * 2);
    expect(tries).toBe(2);
  });

  it('a failed write does not stop the next one', async () => {
    const throttle = new RefreshThrottle(INTERVAL_MS, createLogger('silent'));
    const { written, refresh } = recorder();
    throttle.schedule('message-1', () => Promise.reject(new Error('connector down')));
    throttle.schedule('message-1', refresh('after the failure'));
    await vi.waitFor(() => expect(written).toEqual(['after the failure']), settle);
  });

  it('after a quiet interval the next card is written at once again', async () => {
    const throttle = new RefreshThrottle(INTERVAL_MS, createLogger('silent'));
    const { written, refresh } = recorder();
    throttle.schedule('message-1', refresh('early'));
    await delay(INTERVAL_MS * 1.5);
    const scheduledAt = performance.now();
    throttle.schedule('message-1', refresh('later'));
    await vi.waitFor(() => expect(written).toEqual(['early', 'later']), settle);
    // not held back for another interval
    expect(performance.now() - scheduledAt).toBeLessThan(INTERVAL_MS);
  });
});
