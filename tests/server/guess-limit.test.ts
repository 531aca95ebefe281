import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { GuessLimit } from '../../src/server/guess-limit.js';

describe('slowing down whoever guesses a secret', () => {
  it('stops one address after ten wrong tries in fifteen minutes, until the oldest leaves the window', () => {
    const clock = createFixedClock(DateTime.fromISO('2026-12-05T10:00:00Z'));
    const limit = new GuessLimit(clock);
    for (let guess = 0; guess < 10; guess += 1) {
      expect(limit.waitFor('10.0.0.1')).toBe(0);
      limit.wrong('10.0.0.1');
      clock.set(clock.now().plus({ seconds: 1 }));
    }
    expect(limit.waitFor('10.0.0.1')).toBe(15 * 60 - 10);
    expect(limit.waitFor('10.0.0.2')).toBe(0);
    clock.set(DateTime.fromISO('2026-12-05T10:15:00.500Z'));
    expect(limit.waitFor('10.0.0.1')).toBe(0);
  });

  it('never locks out an address that guessed nothing, however many others guess', () => {
    const clock = createFixedClock(DateTime.fromISO('2026-12-05T10:00:00Z'));
    const limit = new GuessLimit(clock);
    for (let guess = 0; guess < 1000; guess += 1) limit.wrong(`10.0.${Math.floor(guess / 5)}.${guess % 5}`);
    expect(limit.waitFor('192.168.1.1')).toBe(0);
  });
});
