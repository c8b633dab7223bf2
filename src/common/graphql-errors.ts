import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './errors';
import type { Logger } from './logger';

/** Errors the API shows to clients, each with its `extensions.code`. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

/** A field that needs a credential, asked without one. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

/** A field the caller's role does not allow. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/**
 * Turns an error of the authenticator (run in Apollo's context function, before any field) into
 * the refusal of the whole request. Apollo would wrap anything else as "Context creation failed"
 * with status 500; these carry their own status: an invalid credential 401 with a Bearer
 * challenge (RFC 6750), a database that cannot look the key up 503 with `Retry-After`. Neither
 * may be cached. Other errors pass unchanged (and are masked as INTERNAL).
 */
export function credentialRefusal(error: unknown, retryAfterSeconds: () => number): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === ErrorCode.UNAUTHENTICATED) {
    return new GraphQLError(error.message, {
      extensions: {
        code: ErrorCode.UNAUTHENTICATED,
        http: {
          status: 401,
          headers: new HeaderMap([
            ['www-authenticate', 'Bearer realm="kommunalgraph", error="invalid_token"'],
            ['cache-control', 'no-store'],
          ]),
        },
      },
    });
  }
  if (error.code === ErrorCode.DATABASE_UNAVAILABLE || error.code === ErrorCode.QUERY_TIMEOUT) {
    const seconds = retryAfterSeconds();
    return new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        retryAfter: seconds,
        http: {
          status: 503,
          headers: new HeaderMap([
            ['retry-after', String(seconds)],
            ['cache-control', 'no-store'],
          ]),
        },
      },
    });
  }
  return error;
}

/**
 * A request over one of the limits of README "Limits": `limit` names the setting, `max` its value
 * and `actual` what the request came to.
 */
export class LimitExceededError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: { limit: string; max: number; actual?: number },
  ) {
    // Refused before execution, so a client mistake: 400 like other invalid documents.
    super(message, { extensions: { code, ...details, http: { status: 400 } } });
  }
}

const PUBLIC_APP_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.QUERY_TIMEOUT,
  ErrorCode.QUERY_MEMORY_EXCEEDED,
  // Writes (issue 13): no credential, a role that may not, a version that is no longer current.
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.STALE_VERSION,
]);
/**
 * Codes GraphQL itself or Apollo assign to client mistakes, and those of the API's own typed
 * GraphQL errors (above): their messages are safe to show.
 */
const PUBLIC_GRAPHQL_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.QUERY_TIMEOUT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo answers a persisted-query hash that does not fit its query with HTTP 400 but an error
 * without a code, which would otherwise be masked (and logged) as INTERNAL.
 */
const APQ_HASH_MISMATCH = 'provided sha does not match query';

/**
 * An input error of the GraphQL lookups (NOT_FOUND, anything else BAD_USER_INPUT) as an AppError,
 * for the HTTP routes and the command line that share them; other errors pass unchanged.
 */
export function asAppError(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const code =
    error.extensions.code === ErrorCode.NOT_FOUND ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT;
  return new AppError(code, error.message, { cause: error });
}

/**
 * Shows clients what they can act on and nothing else: typed application errors keep their code
 * and message (the database being down is DATABASE_UNAVAILABLE); anything unexpected is logged in
 * full and reaches the client only as INTERNAL.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    // Apollo rewraps validation errors with its own code; the limit's code is what clients act on.
    const limit = [error, original].find((e) => e instanceof LimitExceededError);
    if (limit) return { ...formatted, extensions: { ...formatted.extensions, code: limit.code } };
    if (error instanceof GraphQLError && !original && error.message === APQ_HASH_MISMATCH) {
      return { message: error.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (original instanceof AppError && PUBLIC_APP_CODES.has(original.code)) {
      // The client gets the message; what only operators may see (the address) goes to the log.
      if (original.detail)
        logger.warn({ code: original.code, detail: original.detail }, original.message);
      return {
        ...formatted,
        message: original.message,
        extensions: { ...original.extensions, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (
      !(original instanceof AppError) &&
      typeof code === 'string' &&
      PUBLIC_GRAPHQL_CODES.has(code)
    ) {
      return formatted;
    }
    logger.error(
      { err: original ?? error, path: formatted.path },
      'unexpected error in a GraphQL request',
    );
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL },
    };
  };
}
