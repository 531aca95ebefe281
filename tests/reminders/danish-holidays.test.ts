import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { danishPublicHolidays } from '../../src/reminders/danish-holidays.js';

describe("Denmark's public holidays", () => {
  it('are the days a maintained holiday calendar gives as public in Denmark, 1950 to 2100', () => {
    // date-holidays is kept for this check only: the bot works the days out itself
    const calendar = new Holidays('DK');
    for (let year = 1950; year <= 2100; year += 1) {
      const theirs = calendar
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .sort();
      expect(danishPublicHolidays(year), String(year)).toEqual(theirs);
    }
  });

  it('follow Easter, and Store Bededag ends with 2023', () => {
    expect(danishPublicHolidays(2019)).toEqual([
      '2019-01-01',
      '2019-04-18',
      '2019-04-19',
      '2019-04-21',
      '2019-04-22',
      '2019-05-17',
      '2019-05-30',
      '2019-06-09',
      '2019-06-10',
      '2019-12-25',
      '2019-12-26',
    ]);
    expect(danishPublicHolidays(2024)).not.toContain('2024-04-26');
    expect(danishPublicHolidays(2024)).toHaveLength(10);
  });
});
