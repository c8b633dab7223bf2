import neo4j, { Driver, ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import {
  AppError,
  ConstraintViolationError,
  DatabaseAuthError,
  DatabaseError,
  DatabaseUnavailableError,
  QueryTimeoutError,
} from '../common/errors';

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * The one owner of the Neo4j driver. Every query runs in a managed transaction through
 * `executeRead`/`executeWrite`; sessions are closed in `finally`; driver errors leave this module
 * only as typed AppErrors.
 */
export class Database {
  readonly driver: Driver;
  /** Number of transactions run, so tests can assert round trips. */
  transactions = 0;

  constructor(readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
      // Retries hide short blips; a database that stays down must fail fast, not hang.
      maxTransactionRetryTime: 5_000,
      disableLosslessIntegers: true,
      logging: { level: 'error', logger: () => undefined },
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
   * Writes come only from the import, which holds the whole seed set in one transaction and must
   * not be cut off by the server's `db.transaction.timeout`: they run without a limit (0) unless
   * the caller sets one.
   */
  async executeWrite<T>(work: Work<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.run('WRITE', work, options.timeoutMs ?? 0);
  }

  /** Checks the database answers with the configured credentials. */
  async verify(): Promise<void> {
    let accepted: boolean;
    try {
      accepted = await this.driver.verifyAuthentication();
    } catch (error) {
      throw this.mapError(error);
    }
    // The driver answers a wrong password with `false`, not an error.
    if (!accepted) throw new DatabaseAuthError(this.config.uri, this.config.user);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: Work<T>, timeoutMs: number): Promise<T> {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      this.transactions += 1;
      const config = { timeout: timeoutMs };
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (error) {
      throw this.mapError(error);
    } finally {
      await session.close();
    }
  }

  mapError(error: unknown): AppError {
    if (error instanceof AppError) return error;
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
      if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        return new ConstraintViolationError(error.message, error);
      }
      return new DatabaseError(`${code}: ${error.message}`, error);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new DatabaseError(message, error);
  }
}

export function createDatabase(config: Neo4jConfig): Database {
  return new Database(config);
}
