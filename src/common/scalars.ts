import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from './errors';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as YYYY-MM-DD that exists (no 2021-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseDay(value: unknown): string {
  if (!isDay(value)) {
    throw new GraphQLError(`expected a day as YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return value;
}

/** `Date`: one calendar day, ISO 8601 (YYYY-MM-DD), with no time and no zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day in ISO 8601 form, YYYY-MM-DD (e.g. "2020-12-31").',
  serialize: (value) => parseDay(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
