import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { daysUntil, formatDate, relativeDays } from '../../src/core/format.js';

describe('Danish dates', () => {
  it('writes dates as the users do', () => {
    expect(formatDate('2018-11-01', 'da')).toBe('torsdag 1. november 2018');
    expect(formatDate('2018-12-12', 'da')).toBe('onsdag 12. december 2018');
    expect(formatDate('2018-12-12', 'en')).toBe('Wednesday 12 December 2018');
    expect(formatDate('2018-10-01', 'da', 'month')).toBe('oktober 2018');
  });

  it('counts calendar days in Copenhagen, across the end of summer time', () => {
    const morning = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    expect(daysUntil('2018-11-01', morning)).toBe(56);
    const lateEvening = DateTime.fromISO('2018-10-27T23:30:00+02:00');
    expect(daysUntil('2018-11-01', lateEvening)).toBe(5);
    // 00:30 in Copenhagen is still the previous day in UTC
    expect(daysUntil('2018-11-01', DateTime.fromISO('2018-10-31T23:30:00Z'))).toBe(0);
    expect(daysUntil('2018-09-20', DateTime.fromISO('2018-09-25T12:00:00+02:00'))).toBe(-5);
    // an instant counts on the day it falls on in Copenhagen, not in UTC
    expect(daysUntil('2018-10-31T23:30:00Z', morning)).toBe(56);
    expect(daysUntil('2018-10', morning)).toBe(25);
    // a date that is not on the calendar is not counted as another
    expect(daysUntil('2018-02-30', morning)).toBeNaN();
    expect(daysUntil('2018-13-01', morning)).toBeNaN();
  });

  it('says how far away in words', () => {
    expect(relativeDays(56, 'da')).toBe('om 56 dage');
    expect(relativeDays(1, 'da')).toBe('i morgen');
    expect(relativeDays(0, 'da')).toBe('i dag');
    expect(relativeDays(-3, 'da')).toBe('for 3 dage siden');
    expect(relativeDays(-3, 'en')).toBe('3 days ago');
  });
});
