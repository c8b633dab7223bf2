import { Redis } from 'ioredis';
import type { SharedStoreConfig } from '../config';
import type { Logger } from '../common/logger';
import { redactUrl } from '../common/redact';

/**
 * Bounds on every wait for the store, so a store that is down or stuck never holds up a request:
 * a command that gets no answer within `commandTimeoutMs` fails (and the caller falls back),
 * a connection attempt gives up after `connectTimeoutMs`, and reconnecting goes on in the
 * background at most every `maxReconnectDelayMs`. After a failed command the store is left alone
 * for `pauseAfterFailureMs`, so a server that accepts connections but does not answer costs one
 * request the command timeout, not every request.
 */
export interface SharedStoreTimings {
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  maxReconnectDelayMs: number;
  pauseAfterFailureMs: number;
}

export const DEFAULT_STORE_TIMINGS: SharedStoreTimings = {
  // A Redis command on a healthy server takes well under a millisecond; half a second is an
  // outage, not load.
  commandTimeoutMs: 500,
  connectTimeoutMs: 2000,
  maxReconnectDelayMs: 2000,
  pauseAfterFailureMs: 1000,
};

/** What /ready reports about the store. */
export type SharedStoreStatus = 'up' | 'unavailable';

type State = 'starting' | 'up' | 'down';

/**
 * The connection to the Redis-compatible server that replicas share (README "Scaling out"). It
 * never blocks a request and never throws into one: commands fail at once while the connection
 * is down (no offline queue) and after `commandTimeoutMs` when the server does not answer, and
 * `attempt` turns every failure into `{ ok: false }` so each user falls back to its per-process
 * memory. The outage is logged once when it starts and once when it ends, with the URL redacted.
 */
export class SharedStore {
  readonly client: Redis;
  private state: State = 'starting';
  private downSince: number | undefined;
  /** Until when (epoch ms) commands go straight to the fallback after a failure. */
  private pausedUntil = 0;
  private closing = false;
  private readonly where: string;

  constructor(
    config: SharedStoreConfig,
    private readonly logger: Logger,
    private readonly timings: SharedStoreTimings = DEFAULT_STORE_TIMINGS,
    /** Prepended to every key (KG_SHARED_STORE_PREFIX). */
    readonly prefix: string = config.prefix,
  ) {
    this.where = redactUrl(config.url);
    this.client = new Redis(config.url, {
      // A command sent while disconnected fails at once instead of waiting for a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: timings.commandTimeoutMs,
      connectTimeout: timings.connectTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 200, timings.maxReconnectDelayMs),
      connectionName: 'kommunalgraph-api',
    });
    this.client.on('ready', () => {
      this.pausedUntil = 0;
      this.succeeded();
    });
    // Without a listener ioredis would print every reconnect error to stderr.
    this.client.on('error', (error: Error) => this.failed(error, 'connection'));
    this.client.on('close', () => {
      if (this.state === 'up') this.failed(new Error('connection closed'), 'connection');
    });
  }

  /** The store's key for `id` in the namespace `kind` (`apq`, `rl`). */
  key(kind: string, id: string): string {
    return `${this.prefix}${kind}:${id}`;
  }

  /**
   * Connected, ready for commands and not pausing after a failure; false sends every user to its
   * fallback without a try.
   */
  get available(): boolean {
    return this.client.status === 'ready' && Date.now() >= this.pausedUntil;
  }

  /**
   * Resolves once the first connection attempt has an outcome (ready, or failed), at the latest
   * after the connect timeout, so a starting server uses the store from its first request when
   * it can, and starts anyway when it cannot.
   */
  firstConnection(): Promise<boolean> {
    if (this.client.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.client.off('ready', done);
        this.client.off('error', done);
        this.client.off('end', done);
        resolve(this.client.status === 'ready');
      };
      const timer = setTimeout(done, this.timings.connectTimeoutMs);
      this.client.once('ready', done);
      this.client.once('error', done);
      this.client.once('end', done);
    });
  }

  /**
   * Runs `command` against the store: `{ ok: true, value }`, or `{ ok: false }` when the store is
   * not connected, does not answer in time or refuses — the caller then uses its fallback.
   */
  async attempt<T>(
    purpose: string,
    command: (client: Redis) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    if (!this.available) return { ok: false };
    try {
      const value = await command(this.client);
      this.succeeded();
      return { ok: true, value };
    } catch (error) {
      this.pausedUntil = Date.now() + this.timings.pauseAfterFailureMs;
      this.failed(error, purpose);
      return { ok: false };
    }
  }

  /** For /ready: whether the store answers a PING now (bounded by the command timeout). */
  async status(): Promise<SharedStoreStatus> {
    const answer = await this.attempt('readiness check', (client) => client.ping());
    return answer.ok ? 'up' : 'unavailable';
  }

  /** Closes the connection and stops reconnecting. */
  async close(): Promise<void> {
    // A close on purpose is no outage: nothing more is logged.
    this.closing = true;
    try {
      if (this.client.status === 'ready') await this.client.quit();
    } catch {
      // Closing anyway below.
    } finally {
      this.client.disconnect(false);
    }
  }

  private succeeded(): void {
    if (this.state === 'up') return;
    const wasDown = this.state === 'down';
    const downForMs = wasDown && this.downSince !== undefined ? Date.now() - this.downSince : 0;
    this.state = 'up';
    this.downSince = undefined;
    if (wasDown) {
      this.logger.info(
        { store: this.where, downForMs },
        'the shared store answers again: persisted queries and rate limits are shared again',
      );
    } else {
      this.logger.info(
        { store: this.where },
        'connected to the shared store: persisted queries and rate limits are shared',
      );
    }
  }

  private failed(error: unknown, purpose: string): void {
    if (this.state === 'down' || this.closing) return;
    this.state = 'down';
    this.downSince = Date.now();
    // Only code and message: an error object may carry the connection options.
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    this.logger.warn(
      { store: this.where, purpose, error: { code, message } },
      "the shared store does not answer: persisted queries and rate limits fall back to this process's memory",
    );
  }
}
