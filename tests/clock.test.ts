import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';

describe('createClock', () => {
  it('starts at KLIKBOT_NOW and runs on at wall-clock speed, in Copenhagen time', () => {
    let wall = 1_000_000;
    const clock = createClock(DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true }), () => wall);
    expect(clock.now().toISO()).toBe('2018-09-06T10:00:00.000+02:00');
    wall += 90 * 60 * 1000;
    expect(clock.now().toISO()).toBe('2018-09-06T11:30:00.000+02:00');
    expect(clock.now().zoneName).toBe('Europe/Copenhagen');
  });

  it('follows the wall clock when no start is given', () => {
    const clock = createClock(undefined, () => Date.UTC(2018, 10, 1, 8, 0));
    expect(clock.now().toISO()).toBe('2018-11-01T09:00:00.000+01:00');
  });
});
