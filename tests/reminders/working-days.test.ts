import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZONE } from '../../src/clock.js';
import { firstWorkingDayAfter, isWorkingDay, workingDayOnOrBefore } from '../../src/reminders/working-days.js';

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe('isWorkingDay', () => {
  it('counts Monday to Friday and not the weekend', () => {
    expect(
      ['2018-10-01', '2018-10-02', '2018-10-03', '2018-10-04', '2018-10-05'].map((d) => isWorkingDay(day(d))),
    ).toEqual([true, true, true, true, true]);
    expect(isWorkingDay(day('2018-10-06'))).toBe(false);
    expect(isWorkingDay(day('2018-10-07'))).toBe(false);
  });

  it('takes Danish public holidays off, Easter 2019 included', () => {
    // Skærtorsdag, Langfredag, Anden påskedag 2019; the Wednesday before and Tuesday after are working days
    expect(
      ['2019-04-17', '2019-04-18', '2019-04-19', '2019-04-22', '2019-04-23'].map((d) => isWorkingDay(day(d))),
    ).toEqual([true, false, false, false, true]);
    expect(isWorkingDay(day('2018-05-10'))).toBe(false); // Kristi Himmelfartsdag
    expect(isWorkingDay(day('2018-05-21'))).toBe(false); // Anden Pinsedag
    expect(isWorkingDay(day('2019-01-01'))).toBe(false);
  });

  it('knows Store Bededag was a holiday in 2018 and is abolished from 2024', () => {
    expect(isWorkingDay(day('2018-04-27'))).toBe(false);
    expect(isWorkingDay(day('2023-05-05'))).toBe(false);
    expect(isWorkingDay(day('2024-04-26'))).toBe(true);
  });

  it('takes Grundlovsdag, Juleaftensdag and Nytårsaftensdag off though they are not public holidays', () => {
    expect(isWorkingDay(day('2018-06-05'))).toBe(false);
    expect(isWorkingDay(day('2018-12-24'))).toBe(false);
    expect(isWorkingDay(day('2018-12-31'))).toBe(false);
    expect(isWorkingDay(day('2018-12-27'))).toBe(true);
  });

  it('keeps observances such as 1 May as working days', () => {
    expect(isWorkingDay(day('2018-05-01'))).toBe(true);
    expect(isWorkingDay(day('2019-05-01'))).toBe(true);
  });

  it('judges the Copenhagen day of an instant given in another zone', () => {
    // 23:30 UTC on Friday 5 October is 01:30 on Saturday in Copenhagen
    expect(isWorkingDay(DateTime.fromISO('2018-10-05T23:30:00Z', { zone: 'utc' }))).toBe(false);
    expect(isWorkingDay(DateTime.fromISO('2018-10-05T21:30:00Z', { zone: 'utc' }))).toBe(true);
  });

  it('refuses an invalid day rather than calling it a working day', () => {
    expect(() => isWorkingDay(day('2018-13-01'))).toThrow(/Not a valid day/);
  });
});

describe('workingDayOnOrBefore', () => {
  it('keeps a working day, at the start of its Copenhagen day', () => {
    expect(workingDayOnOrBefore(day('2018-10-31T15:00')).toISO()).toBe('2018-10-31T00:00:00.000+01:00');
  });

  it('moves a weekend to the Friday before', () => {
    expect(workingDayOnOrBefore(day('2018-10-07')).toISODate()).toBe('2018-10-05');
    expect(workingDayOnOrBefore(day('2018-10-06')).toISODate()).toBe('2018-10-05');
  });

  it('moves past Christmas to 21 December 2018', () => {
    for (const d of ['2018-12-22', '2018-12-23', '2018-12-24', '2018-12-25', '2018-12-26']) {
      expect(workingDayOnOrBefore(day(d)).toISODate()).toBe('2018-12-21');
    }
  });

  it('moves over Easter 2019 to the Wednesday before', () => {
    expect(workingDayOnOrBefore(day('2019-04-22')).toISODate()).toBe('2019-04-17');
  });
});

describe('firstWorkingDayAfter', () => {
  it('is the next day on a weekday', () => {
    expect(firstWorkingDayAfter(day('2018-11-01')).toISODate()).toBe('2018-11-02');
  });

  it('skips the weekend and the Christmas and New Year days off', () => {
    expect(firstWorkingDayAfter(day('2018-11-02')).toISODate()).toBe('2018-11-05');
    expect(firstWorkingDayAfter(day('2018-12-21')).toISODate()).toBe('2018-12-27');
    expect(firstWorkingDayAfter(day('2018-12-28')).toISODate()).toBe('2019-01-02');
  });

  it('skips Easter 2019', () => {
    expect(firstWorkingDayAfter(day('2019-04-17')).toISODate()).toBe('2019-04-23');
  });
});
