import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isDay, notADayMessage } from './day';
import { ErrorCode } from './errors';

/** A day the client sent: a wrong one is the client's mistake. */
function parseDay(value: unknown): string {
  if (!isDay(value)) {
    throw new GraphQLError(notADayMessage(value), {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return value;
}

/**
 * A day the server sends: a wrong one is a server fault (bad data or a bug), so a plain error
 * that formatError logs and answers as INTERNAL, never BAD_USER_INPUT.
 */
function serializeDay(value: unknown): string {
  if (!isDay(value)) throw new Error(`the Date field holds no valid day: ${notADayMessage(value)}`);
  return value;
}

/** `Date`: one calendar day, ISO 8601 (YYYY-MM-DD), with no time and no zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    'A calendar day in ISO 8601 form, YYYY-MM-DD (e.g. "2020-12-31"), from 0001-01-01 to 9999-12-31.',
  serialize: serializeDay,
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
