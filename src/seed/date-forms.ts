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

/** `needle` stands in `text` with no digit right before or after it (a year, an ISO date). */
function standsAlone(text: string, needle: string): boolean {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = i === 0 ? '' : text[i - 1]!;
    const after = text[i + needle.length] ?? '';
    if (!(before >= '0' && before <= '9') && !(after >= '0' && after <= '9')) return true;
  }
  return false;
}

/**
 * The patterns for days and months, compiled once per day and month (and year): a large seed
 * set repeats the same dates many times.
 */
const patterns = new Map<number, RegExp>();
function pattern(key: number, source: () => string): RegExp {
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(source());
    patterns.set(key, re);
  }
  return re;
}

function yearWritten(year: number, quote: string, documentYear: number | null, finer: boolean) {
  if (standsAlone(quote, String(year))) return true;
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
  if (standsAlone(quote, part.replace(/[?~%]$/, ''))) return true;
  const withYear = (found: boolean) => found && yearWritten(year, quote, documentYear, true);
  if (month > 12) {
    const season = SEASONS[month];
    return withYear(season ? season.test(quote) : /quartal|hälfte|halbjahr/.test(quote));
  }
  const name = `${MONTHS[month - 1] as string}|${ENGLISH_MONTHS[month - 1] as string}`;
  const mm = String(month).padStart(2, '0');
  const m = `0?${month}`;
  if (day !== null) {
    const dayForms = pattern(day * 100 + month, () => `(^|\\D)0?${day}\\.?\\s*(${name}|${m}\\.)`);
    return withYear(dayForms.test(quote));
  }
  const monthForms = pattern(
    -(year * 100 + month),
    () => `${name}|(^|\\D)(${mm}|${month})[./]${year}`,
  );
  if (monthForms.test(quote)) return withYear(true);
  if (
    approximate &&
    month === 12 &&
    (quote.includes(`ende ${year}`) || quote.includes('jahresende'))
  ) {
    return withYear(true);
  }
  if (
    approximate &&
    month === 1 &&
    (quote.includes(`anfang ${year}`) || quote.includes('jahresanfang'))
  ) {
    return withYear(true);
  }
  return false;
}

export function dateIsWritten(edtf: string, quote: string, documentYear: number | null): boolean {
  const text = quote.toLowerCase();
  return dateParts(edtf).every((part) => partWritten(part, text, documentYear));
}
