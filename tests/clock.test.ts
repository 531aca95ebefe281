import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { COPENHAGEN, createClock, createMovableClock } from '../src/clock.js';

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

describe('createMovableClock', () => {
  it('runs on from KLIKBOT_NOW, and from where it was moved to', () => {
    let wall = 1_000_000;
    const clock = createMovableClock(DateTime.fromISO('2018-10-30T10:00:00+01:00', { setZone: true }), () => wall);
    wall += 60_000;
    expect(clock.now().toISO()).toBe('2018-10-30T10:01:00.000+01:00');
    clock.moveTo(DateTime.fromISO('2018-10-31T09:00:00+01:00'));
    expect(clock.now().toISO()).toBe('2018-10-31T09:00:00.000+01:00');
    wall += 30_000;
    expect(clock.now().toISO()).toBe('2018-10-31T09:00:30.000+01:00');
  });

  it('refuses to move back, or to stand still, and keeps its time', () => {
    const wall = 1_000_000;
    const clock = createMovableClock(DateTime.fromISO('2018-10-30T10:00:00+01:00', { setZone: true }), () => wall);
    expect(() => clock.moveTo(DateTime.fromISO('2018-10-29T09:00:00+01:00'))).toThrow(/only moves forward/);
    expect(() => clock.moveTo(clock.now())).toThrow(/only moves forward/);
    expect(clock.now().toISO()).toBe('2018-10-30T10:00:00.000+01:00');
  });
});

describe('COPENHAGEN', () => {
  it("gives luxon's own Copenhagen offset at every minute around both 2018 changes of summer time", () => {
    for (const change of ['2018-03-25T01:00:00Z', '2018-10-28T01:00:00Z']) {
      const at = DateTime.fromISO(change).toMillis();
      for (let minute = -120; minute <= 120; minute += 1) {
        const ts = at + minute * 60_000 - 1;
        expect(COPENHAGEN.offset(ts), new Date(ts).toISOString()).toBe(
          DateTime.fromMillis(ts, { zone: 'Europe/Copenhagen' }).offset,
        );
        expect(COPENHAGEN.offset(ts + 1)).toBe(DateTime.fromMillis(ts + 1, { zone: 'Europe/Copenhagen' }).offset);
      }
    }
  });

  it('keeps wall-clock arithmetic across a change of summer time and equals the named zone', () => {
    const saturday = DateTime.fromISO('2018-10-27T09:00', { zone: COPENHAGEN });
    expect(saturday.plus({ days: 1 }).toISO()).toBe('2018-10-28T09:00:00.000+01:00');
    expect(saturday.zone.equals(DateTime.now().setZone('Europe/Copenhagen').zone)).toBe(true);
  });
});
