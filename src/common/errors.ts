/**
 * Error codes shared by every entry point (CLI, import, later the GraphQL API, which exposes them
 * as `extensions.code`). Each expected failure gets a class so callers can tell them apart.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  SEED_INVALID = 'SEED_INVALID',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  DATABASE_AUTH = 'DATABASE_AUTH',
  CONSTRAINT_VIOLATION = 'CONSTRAINT_VIOLATION',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  QUERY_MEMORY_EXCEEDED = 'QUERY_MEMORY_EXCEEDED',
  /** Over a depth, alias, token, directive or cost limit (README "Limits"). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The answer would be larger than the response limit. */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  /** The request body is larger than the body limit (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Too many requests from one client in the window (HTTP 429). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A request that is not a well-formed GraphQL-over-HTTP request (bad JSON, charset). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** A write without a credential, or with one that is invalid, expired or revoked. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A credential whose role does not allow the operation. */
  FORBIDDEN = 'FORBIDDEN',
  /** A write naming a version of a fact that is no longer its current one (issue 13). */
  STALE_VERSION = 'STALE_VERSION',
  INTERNAL = 'INTERNAL',
}

/**
 * `message` may reach API clients; `detail`, when set, is for operators only (logs, the command
 * line) and may name the database address or user, which clients must never see. `extensions`
 * are facts a client can act on (a write's problems, the current version), sent beside `code`.
 */
export class AppError extends Error {
  readonly detail?: string;
  readonly extensions?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: string; extensions?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = new.target.name;
    if (options?.detail !== undefined) this.detail = options.detail;
    if (options?.extensions !== undefined) this.extensions = options.extensions;
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(uri: string, cause?: unknown) {
    super(ErrorCode.DATABASE_UNAVAILABLE, 'The database does not answer; try again later.', {
      cause,
      detail: `Neo4j does not answer at ${uri}. Start it with \`npm run db:start\` or point NEO4J_URI at a running instance.`,
    });
  }
}

export class DatabaseAuthError extends AppError {
  constructor(uri: string, user: string, cause?: unknown) {
    super(ErrorCode.DATABASE_AUTH, "The database refused the server's credentials.", {
      cause,
      detail: `Neo4j at ${uri} rejected user "${user}": check NEO4J_USER and NEO4J_PASSWORD.`,
    });
  }
}

export class ConstraintViolationError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super(ErrorCode.CONSTRAINT_VIOLATION, `A database constraint was violated: ${detail}`, {
      cause,
    });
  }
}

/** An unexpected database error; its detail is for logs, not for end users. */
export class DatabaseError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super(ErrorCode.INTERNAL, `Database error: ${detail}`, { cause });
  }
}

/** A query ran past its time limit on the server and was stopped. */
export class QueryTimeoutError extends AppError {
  constructor(cause?: unknown) {
    super(
      ErrorCode.QUERY_TIMEOUT,
      'The query took longer than its time limit and was stopped; narrow it down.',
      {
        cause,
      },
    );
  }
}

/** A query needed more database memory than one transaction may use and was stopped. */
export class QueryMemoryError extends AppError {
  constructor(cause?: unknown) {
    super(
      ErrorCode.QUERY_MEMORY_EXCEEDED,
      'The query needed more database memory than one request may use and was stopped; narrow it down.',
      { cause },
    );
  }
}
