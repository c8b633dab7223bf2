import { GraphQLError } from 'graphql';
import neo4j, {
  BookmarkManager,
  Driver,
  ManagedTransaction,
  Neo4jError,
  type QueryResult,
} from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import {
  AppError,
  ConstraintViolationError,
  DatabaseAuthError,
  DatabaseError,
  DatabaseUnavailableError,
  QueryMemoryError,
  QueryTimeoutError,
} from '../common/errors';
import { joinBoltMessagePieces, type JoinOutcome } from './bolt-messages';
import { DatabaseHealth } from './health';
import { DRIVER_RETRY_POLICY, withRetries } from './retry';

/** Retries hide short blips; a database that stays down must fail fast, not hang. */
const MAX_TRANSACTION_RETRY_MS = 5_000;

/** How often a database known to be down is asked whether it is back. */
export const DEFAULT_PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * The one owner of the Neo4j driver. A read of one statement runs through `readStatement`, any
 * other unit of work in a managed transaction through `executeRead`/`executeWrite`; sessions are
 * closed in `finally`; driver errors leave this module only as typed AppErrors.
 */
export class Database {
  readonly driver: Driver;
  /** Number of transactions run, so tests can assert round trips. */
  transactions = 0;
  /** Up or down: while down, transactions fail at once and a background probe waits for it. */
  readonly health: DatabaseHealth;
  /**
   * One bookmark manager for the process: every unit of work's session uses it, so a transaction
   * starts only once the server it runs on has applied every transaction this process committed
   * before (read-your-writes in a cluster, where a read may go to a follower or read replica). On
   * a single instance the bookmarks are always satisfied at once.
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  /** Whether the driver joins a large record's pieces before decoding it (bolt-messages.ts). */
  readonly boltJoin: JoinOutcome = joinBoltMessagePieces();

  constructor(readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: MAX_TRANSACTION_RETRY_MS,
      disableLosslessIntegers: true,
      logging: { level: 'error', logger: () => undefined },
    });
    this.health = new DatabaseHealth({
      // A real query, not verifyConnectivity: a starting Neo4j accepts Bolt logins tens of
      // seconds before its database answers queries. Without the bookmark manager: the probe
      // asks whether a server answers, not whether it has caught up with this process's writes.
      probe: async () => {
        const session = this.driver.session({
          database: config.database,
          defaultAccessMode: neo4j.session.READ,
        });
        try {
          await session.run('RETURN 1', {}, { timeout: PROBE_TIMEOUT_MS });
        } finally {
          await session.close();
        }
      },
      probeIntervalMs: config.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS,
    });
  }

  /**
   * `timeoutMs` caps the transaction on the server (default: the configured QUERY_TIMEOUT_MS);
   * exceeding it raises QueryTimeoutError.
   */
  async executeRead<T>(work: Work<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.run('READ', work, options.timeoutMs ?? this.config.queryTimeoutMs);
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL go out together and nothing
   * else, where a managed transaction adds BEGIN and COMMIT, a round trip each (on a 2-core
   * machine a third more mission questions per second). Same session settings as `executeRead`
   * (READ mode, which Neo4j enforces; the bookmark manager; the timeout), and retried as the
   * driver retries managed transactions, except after running out of memory. A unit of work of
   * several statements that must see one snapshot needs `executeRead`.
   */
  async readStatement(
    text: string,
    params: object = {},
    options: { timeoutMs?: number } = {},
  ): Promise<QueryResult> {
    this.failFastWhileDown();
    const config = { timeout: options.timeoutMs ?? this.config.queryTimeoutMs };
    this.transactions += 1;
    try {
      const result = await withRetries(
        async () => {
          const session = this.driver.session({
            database: this.config.database,
            defaultAccessMode: neo4j.session.READ,
            bookmarkManager: this.bookmarks,
          });
          try {
            return await runWithoutStackCapture(() => session.run(text, params, config));
          } finally {
            await session.close();
          }
        },
        (error) => neo4j.isRetryableError(error) && !isMemoryLimit(error),
        { ...DRIVER_RETRY_POLICY, maxRetryTimeMs: MAX_TRANSACTION_RETRY_MS },
      );
      this.health.succeeded();
      return result;
    } catch (error) {
      if (isMemoryLimit(error)) throw new QueryMemoryError(error);
      throw this.noteFailure(error);
    }
  }

  /**
   * Writes come only from the import, which holds the whole seed set in one transaction and must
   * not be cut off by the server's `db.transaction.timeout`: they run without a limit (0) unless
   * the caller sets one.
   */
  async executeWrite<T>(work: Work<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.run('WRITE', work, options.timeoutMs ?? 0);
  }

  /** Checks the database answers with the configured credentials. */
  async verify(): Promise<void> {
    this.failFastWhileDown();
    let accepted: boolean;
    try {
      accepted = await this.driver.verifyAuthentication();
    } catch (error) {
      throw this.noteFailure(error);
    }
    this.health.succeeded();
    // The driver answers a wrong password with `false`, not an error.
    if (!accepted) throw new DatabaseAuthError(this.config.uri, this.config.user);
  }

  async close(): Promise<void> {
    this.health.stop();
    await this.driver.close();
  }

  private failFastWhileDown(): void {
    if (this.health.isDown()) {
      throw new DatabaseUnavailableError(this.config.uri);
    }
  }

  /** Maps a driver error; one that says the database does not answer trips the breaker. */
  private noteFailure(error: unknown): AppError | GraphQLError {
    const mapped = this.mapError(error);
    if (mapped instanceof DatabaseUnavailableError) this.health.failed();
    return mapped;
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: Work<T>, timeoutMs: number): Promise<T> {
    this.failFastWhileDown();
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      this.transactions += 1;
      const config = { timeout: timeoutMs };
      const bounded = withoutMemoryRetries(work);
      const result =
        mode === 'READ'
          ? await session.executeRead(bounded, config)
          : await session.executeWrite(bounded, config);
      this.health.succeeded();
      return result;
    } catch (error) {
      throw this.noteFailure(error);
    } finally {
      await session.close();
    }
  }

  /**
   * A typed error our own code threw inside the unit of work (NOT_FOUND for an unknown id, …)
   * keeps its code; everything else the driver raised becomes an AppError.
   */
  mapError(error: unknown): AppError | GraphQLError {
    if (error instanceof AppError || error instanceof GraphQLError) return error;
    if (error instanceof Neo4jError) {
      const code = error.code ?? '';
      if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
        return new DatabaseUnavailableError(this.config.uri, error);
      }
      if (code.startsWith('Neo.ClientError.Security.')) {
        return new DatabaseAuthError(this.config.uri, this.config.user, error);
      }
      if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
        return new QueryTimeoutError(error);
      }
      if (MEMORY_LIMIT_CODES.has(code)) return new QueryMemoryError(error);
      if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        return new ConstraintViolationError(error.message, error);
      }
      return new DatabaseError(`${code}: ${error.message}`, error);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new DatabaseError(message, error);
  }
}

/** Neo4j's answers to a transaction that ran out of its memory allowance. */
const MEMORY_LIMIT_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

function isMemoryLimit(error: unknown): error is Neo4jError {
  return error instanceof Neo4jError && MEMORY_LIMIT_CODES.has(error.code ?? '');
}

/**
 * The driver retries transient errors for up to maxTransactionRetryTime; a query that ran out of
 * memory would only run out again, keeping the client waiting and the database busy. Turned into
 * an AppError inside the transaction function, it is not retried.
 */
function withoutMemoryRetries<T>(work: Work<T>): Work<T> {
  return async (tx) => {
    try {
      return await work(tx);
    } catch (error) {
      if (isMemoryLimit(error)) throw new QueryMemoryError(error);
      throw error;
    }
  };
}

export function createDatabase(config: Neo4jConfig): Database {
  return new Database(config);
}

/**
 * Runs `start` (which must create the driver's Result synchronously, as `session.run` does) with
 * V8's stack traces switched off. The driver captures and formats a stack trace for every
 * statement it starts, only to append it to that statement's error should it fail: on a one-node
 * answer about 4 % of the server's CPU time. Errors leave here mapped to typed errors
 * (`mapError`), whose own stack does not depend on it.
 */
function runWithoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
