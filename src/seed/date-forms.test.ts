import { dateIsWritten, dateParts } from './date-forms';

describe('dateIsWritten', () => {
  it.each([
    ['2020-11-01', 'dazu nahm am 1. november die politikwissenschaftlerin ihre arbeit auf', 2020],
    ['2023-08-17', 'im rub makerspace in bochum, 17.08.2023.', null],
    ['2019-05', 'hatte bürgermeister rajko kravanja im mai 2019 beschlossen', null],
    ['2020-09', 'bereits im september 2020 einstimmig beschlossen', null],
    ['2020-21', 'der rat entschied im frühjahr 2020 gemeinsam darüber', null],
    ['2024-12~', 'hat eine laufzeit bis ende 2024.', null],
    ['2024-12~', 'das bis ende 2024 geförderte landesprogramm', null],
    ['[2024-23,2024-24]', 'für den herbst/winter 2024 ist eine abschlusstagung geplant', null],
    ['2021/2024-12~', 'startet 2021 und läuft bis ende 2024', null],
    ['2020/..', 'wird seit 2020 umgesetzt', null],
    ['[2019-05..]', 'unknown (describes a decision of may 2019)', null],
    ['2019', 'seit der sozialkonferenz 2019 auf der agenda', null],
  ])('%s is written in "%s"', (edtf, quote, year) => {
    expect(dateIsWritten(edtf, quote, year)).toBe(true);
  });

  it.each([
    // The day is not the one the quote gives.
    ['2020-11-02', 'am 1. november', 2020],
    // A day's month and year without the day do not date a day.
    ['2020-11-01', 'im november 2020', null],
    // The year of "1. November" is unknown unless it is the document's year.
    ['2019-11-01', 'am 1. november', 2020],
    // 2014 dates a challenge here, but "ab 2014" would pass; "2015" does not.
    ['2015/..', 'wird ab 2014 als herausforderung gesehen', null],
    // A season is not a month.
    ['2020-11', 'im herbst 2020', null],
    // "Ende 2024" is December, not any month of 2024.
    ['2024-06', 'bis ende 2024', null],
    // Digits inside a longer number are not a year.
    ['2019', 'telefon 0201920190', null],
  ])('%s is not written in "%s"', (edtf, quote, year) => {
    expect(dateIsWritten(edtf, quote, year)).toBe(false);
  });

  it('splits intervals and sets into their dates, skipping open ends', () => {
    expect(dateParts('2021/2024-12~')).toEqual(['2021', '2024-12~']);
    expect(dateParts('[2024-23,2024-24]')).toEqual(['2024-23', '2024-24']);
    expect(dateParts('2020/..')).toEqual(['2020']);
    expect(dateParts('[2021..]')).toEqual(['2021']);
  });
});
