import { daysInMonth, isDay, dayArgument } from './day';

describe('isDay: the one calendar-day check', () => {
  it('accepts every real day from 0001-01-01 to 9999-12-31, early years included', () => {
    for (const day of [
      '0001-01-01',
      '0050-06-15',
      '0099-12-31',
      '0096-02-29',
      '2000-02-29',
      '2024-02-29',
      '2021-04-30',
      '9999-12-31',
    ]) {
      expect([day, isDay(day)]).toEqual([day, true]);
    }
  });

  it('refuses days the calendar does not have and anything not YYYY-MM-DD', () => {
    for (const value of [
      '2021-02-30',
      '2021-02-29',
      '1900-02-29',
      '0100-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-01-00',
      '0000-01-01',
      '10000-01-01',
      '2021-1-01',
      ' 2021-01-01',
      '2021-01-01T00:00',
      '',
      null,
      20210101,
    ]) {
      expect([value, isDay(value)]).toEqual([value, false]);
    }
  });

  it('knows the Gregorian leap years', () => {
    expect([1600, 1700, 1900, 2000, 2023, 2024, 4].map((y) => daysInMonth(y, 2))).toEqual([
      29, 28, 28, 29, 28, 29, 29,
    ]);
  });

  it('refuses with BAD_USER_INPUT naming the argument and the place', () => {
    expect(() => dayArgument('2021-02-30', 'where', 'where.since.before')).toThrow(
      expect.objectContaining({
        message: 'where.since.before: expected a day as YYYY-MM-DD, got "2021-02-30"',
        extensions: { code: 'BAD_USER_INPUT', argument: 'where' },
      }),
    );
  });
});
