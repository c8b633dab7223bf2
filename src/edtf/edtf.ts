import { daysInMonth } from '../common/day';

/**
 * The subset of EDTF (ISO 8601-2) the sources need, with the day bounds later queries filter on.
 *
 * Supported: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`; sub-year groupings `YYYY-21`…`YYYY-41` (seasons,
 * quarters, quadrimesters, halves); qualifiers `?`, `~`, `%` at the end of a date; intervals
 * `a/b` with open (`..`) or unknown (empty) ends; sets "one of" `[a,b]` and ranges `[a..b]`,
 * `[..b]`, `[a..]`. Qualifiers are kept in the string but do not widen the bounds: EDTF gives them
 * no magnitude, and inventing one would make the graph more precise than its sources.
 */

export interface EdtfBounds {
  /** The EDTF string as written in the seeds. */
  edtf: string;
  /** First day the value can refer to (ISO date), null when open or unknown. */
  earliest: string | null;
  /** Last day the value can refer to (ISO date), null when open or unknown. */
  latest: string | null;
  /**
   * For intervals: the latest possible start and the earliest possible end. A fact is certainly
   * valid on every day between them; it is possibly valid between `earliest` and `latest`.
   */
  startLatest: string | null;
  endEarliest: string | null;
  /** True when an end is open (`..`): ongoing unless a source says it ended. */
  openEnd: boolean;
  /** True when any part carries `?`, `~` or `%`. */
  qualified: boolean;
}

export class EdtfError extends Error {
  constructor(value: string, reason: string) {
    super(`"${value}" is not a supported EDTF date: ${reason}`);
    this.name = 'EdtfError';
  }
}

interface Span {
  start: Day;
  end: Day;
  qualified: boolean;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

const DATE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

/** Month ranges of the sub-year groupings; winter runs into the next year. */
const GROUPINGS: Record<number, [number, number]> = {
  21: [3, 5], // spring (meteorological, northern hemisphere)
  22: [6, 8],
  23: [9, 11],
  24: [12, 14], // December to February of the next year
  25: [3, 5], // spring, northern hemisphere
  26: [6, 8],
  27: [9, 11],
  28: [12, 14],
  29: [9, 11], // spring, southern hemisphere
  30: [12, 14],
  31: [3, 5],
  32: [6, 8],
  33: [1, 3], // quarters
  34: [4, 6],
  35: [7, 9],
  36: [10, 12],
  37: [1, 4], // quadrimesters
  38: [5, 8],
  39: [9, 12],
  40: [1, 6], // halves (semestrals)
  41: [7, 12],
};

function normaliseMonth(y: number, m: number): { y: number; m: number } {
  return m > 12 ? { y: y + 1, m: m - 12 } : { y, m };
}

function parseDate(value: string, whole: string): Span {
  const match = DATE.exec(value);
  if (!match) throw new EdtfError(whole, `cannot read "${value}"`);
  const [, ys, ms, ds, qualifier] = match;
  const y = Number(ys);
  const qualified = qualifier !== undefined;
  if (ms === undefined) {
    return { start: { y, m: 1, d: 1 }, end: { y, m: 12, d: 31 }, qualified };
  }
  const m = Number(ms);
  if (ds === undefined) {
    if (m >= 1 && m <= 12) {
      return { start: { y, m, d: 1 }, end: { y, m, d: daysInMonth(y, m) }, qualified };
    }
    const grouping = GROUPINGS[m];
    if (!grouping) throw new EdtfError(whole, `month ${ms} is neither 01–12 nor a grouping 21–41`);
    const first = normaliseMonth(y, grouping[0]);
    const last = normaliseMonth(y, grouping[1]);
    return {
      start: { y: first.y, m: first.m, d: 1 },
      end: { y: last.y, m: last.m, d: daysInMonth(last.y, last.m) },
      qualified,
    };
  }
  const d = Number(ds);
  if (m < 1 || m > 12) throw new EdtfError(whole, `month ${ms} out of range`);
  if (d < 1 || d > daysInMonth(y, m)) throw new EdtfError(whole, `day ${ds} out of range`);
  return { start: { y, m, d }, end: { y, m, d }, qualified };
}

function iso(day: Day): string {
  const year = day.y < 0 ? `-${String(-day.y).padStart(4, '0')}` : String(day.y).padStart(4, '0');
  return `${year}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

function compare(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** A date is a point known to a precision: it has certainly happened by its last possible day. */
function single(value: string, span: Span): EdtfBounds {
  return {
    edtf: value,
    earliest: iso(span.start),
    latest: iso(span.end),
    startLatest: iso(span.end),
    endEarliest: iso(span.start),
    openEnd: false,
    qualified: span.qualified,
  };
}

function parseInterval(value: string): EdtfBounds {
  const parts = value.split('/');
  if (parts.length !== 2) throw new EdtfError(value, 'an interval has exactly one "/"');
  const [left = '', right = ''] = parts;
  const start = left === '' || left === '..' ? null : parseDate(left, value);
  const end = right === '' || right === '..' ? null : parseDate(right, value);
  if (!start && !end) throw new EdtfError(value, 'an interval needs at least one known end');
  if (start && end && compare(start.start, end.end) > 0) {
    throw new EdtfError(value, 'the interval ends before it starts');
  }
  return {
    edtf: value,
    earliest: start ? iso(start.start) : null,
    latest: end ? iso(end.end) : null,
    startLatest: start ? iso(start.end) : null,
    endEarliest: end ? iso(end.start) : null,
    openEnd: right === '..',
    qualified: Boolean(start?.qualified || end?.qualified),
  };
}

/** `[a,b]` one of the listed dates; `[a..b]` one date in the range; either end may be open. */
function parseSet(value: string): EdtfBounds {
  const inner = value.slice(1, -1).trim();
  if (inner === '') throw new EdtfError(value, 'an empty set');
  const spans: (Span | null)[] = [];
  let openStart = false;
  let openEnd = false;
  for (const member of inner.split(',').map((s) => s.trim())) {
    if (member.includes('..')) {
      const [from = '', to = ''] = member.split('..');
      if (from === '') openStart = true;
      else spans.push(parseDate(from, value));
      if (to === '') openEnd = true;
      else spans.push(parseDate(to, value));
    } else {
      spans.push(parseDate(member, value));
    }
  }
  const known = spans.filter((s): s is Span => s !== null);
  if (known.length === 0) throw new EdtfError(value, 'a set needs at least one date');
  const first = known.reduce((a, b) => (compare(a.start, b.start) <= 0 ? a : b));
  const last = known.reduce((a, b) => (compare(a.end, b.end) >= 0 ? a : b));
  const earliest = openStart ? null : iso(first.start);
  const latest = openEnd ? null : iso(last.end);
  return {
    edtf: value,
    earliest,
    latest,
    // One date out of the set, read like a single date of low precision.
    startLatest: latest,
    endEarliest: earliest,
    openEnd: false,
    qualified: known.some((s) => s.qualified),
  };
}

/** Parses an EDTF string into its bounds; throws EdtfError with the reason when it cannot. */
export function parseEdtf(input: string): EdtfBounds {
  const value = input.trim();
  if (value === '') throw new EdtfError(input, 'empty');
  if (value.startsWith('[') || value.startsWith('{')) {
    if (!value.endsWith(']')) throw new EdtfError(value, 'only "one of" sets in [ ] are supported');
    return parseSet(value);
  }
  if (value.includes('/')) return parseInterval(value);
  return single(value, parseDate(value, value));
}

export function isValidEdtf(value: string): boolean {
  try {
    parseEdtf(value);
    return true;
  } catch {
    return false;
  }
}
