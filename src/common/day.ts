import { BadUserInputError } from './graphql-errors';

/**
 * The one check for a calendar day (YYYY-MM-DD) in the whole code base: GraphQL `Date` values,
 * `where` date conditions, cursors, export arguments. Plain arithmetic on the proleptic
 * Gregorian calendar, as Neo4j's `date()` reads it: JavaScript's Date.UTC maps years 0–99 to
 * 1900–1999 and Date.parse accepts 2021-02-30, so neither is used.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` (0001–9999) is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar day as YYYY-MM-DD that exists, from 0001-01-01 to 9999-12-31 (no 2021-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** What a refusal says about a value that is not a day. */
export function notADayMessage(value: unknown): string {
  return `expected a day as YYYY-MM-DD, got ${JSON.stringify(value) ?? String(value)}`;
}

/**
 * `value` as a day, or BAD_USER_INPUT naming the argument (`where`) and, in the message, the
 * place inside it (`where.since.before`).
 */
export function dayArgument(value: unknown, argument: string, place = argument): string {
  if (!isDay(value)) throw new BadUserInputError(`${place}: ${notADayMessage(value)}`, argument);
  return value;
}
