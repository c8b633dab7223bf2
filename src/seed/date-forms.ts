/**
 * Is an EDTF date written in a (comparable, lower-case) quote? The quote must carry the date's
 * most precise part in a form German texts use, and its year unless the year is that of the
 * quoted document ("am 1. November" in a press release of November 2020):
 *
 * | EDTF            | accepted written forms                                           |
 * | --------------- | ---------------------------------------------------------------- |
 * | `2020-11-01`    | 1. November, 01.11.2020, 1.11., 2020-11-01                       |
 * | `2019-05`       | Mai (or May), 05/2019, 05.2019                                   |
 * | `2020-21`       | Frühjahr or Frühling (22 Sommer, 23 Herbst, 24 Winter)           |
 * | `2024-12~`      | Dezember, Ende 2024, Jahresende                                  |
 * | `2019`          | 2019                                                             |
 *
 * Intervals and sets are checked end by end and member by member; open and unknown ends
 * (`..`, empty) need no words.
 */

const MONTHS = [
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
];
/** English names too: the project's own catalogue and vocabulary are written in English. */
const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const SEASONS: Record<number, RegExp> = {
  21: /frühjahr|frühling|spring/,
  22: /sommer|summer/,
  23: /herbst|autumn/,
  24: /winter/,
};

/** The single dates an EDTF value is made of (ends of intervals, members of sets). */
export function dateParts(edtf: string): string[] {
  return edtf
    .replace(/[[\]{}]/g, '')
    .split(/[/,]/)
    .map((part) => part.replace(/^\.\.|\.\.$/g, '').trim())
    .filter((part) => part !== '');
}

function yearWritten(year: number, quote: string, documentYear: number | null, finer: boolean) {
  if (new RegExp(`(^|\\D)${year}(\\D|$)`).test(quote)) return true;
  return finer && documentYear === year;
}

function partWritten(part: string, quote: string, documentYear: number | null): boolean {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%])?$/.exec(part);
  if (!match) return quote.includes(part);
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  const approximate = match[4] === '~' || match[4] === '%';
  if (month === null) return yearWritten(year, quote, documentYear, false);
  if (new RegExp(`(^|\\D)${part.replace(/[?~%]$/, '')}(\\D|$)`).test(quote)) return true;
  const withYear = (found: boolean) => found && yearWritten(year, quote, documentYear, true);
  if (month > 12) {
    const season = SEASONS[month];
    return withYear(season ? season.test(quote) : /quartal|hälfte|halbjahr/.test(quote));
  }
  const name = `${MONTHS[month - 1] as string}|${ENGLISH_MONTHS[month - 1] as string}`;
  const mm = String(month).padStart(2, '0');
  const m = `0?${month}`;
  if (day !== null) {
    const d = `0?${day}`;
    const dayForms = new RegExp(`(^|\\D)${d}\\.?\\s*(${name}|${m}\\.)`);
    return withYear(dayForms.test(quote));
  }
  const monthForms = new RegExp(`${name}|(^|\\D)(${mm}|${month})[./]${year}`);
  if (monthForms.test(quote)) return withYear(true);
  if (approximate && month === 12 && new RegExp(`ende ${year}|jahresende`).test(quote)) {
    return withYear(true);
  }
  if (approximate && month === 1 && new RegExp(`anfang ${year}|jahresanfang`).test(quote)) {
    return withYear(true);
  }
  return false;
}

export function dateIsWritten(edtf: string, quote: string, documentYear: number | null): boolean {
  const text = quote.toLowerCase();
  return dateParts(edtf).every((part) => partWritten(part, text, documentYear));
}
