import { MemoryStore, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { SharedStore } from './shared-store';

/**
 * express-rate-limit's counters in the shared store (rate-limit-redis: one Lua script per hit,
 * a key per client that expires with its window), so a client's requests count against one limit
 * across all replicas.
 *
 * Fail-open to this process's memory: while the store is down or does not answer, each hit is
 * counted in a per-process MemoryStore instead, so the limit still holds per replica (with N
 * replicas a client may get up to N × the limit while the outage lasts) and no request waits for
 * or fails because of the store. When the store answers again, counting goes back to it.
 */
export class SharedRateLimitStore implements Store {
  /** Counts are shared with other processes (express-rate-limit's own checks read this). */
  readonly localKeys = false;
  readonly prefix: string;
  private readonly shared: RedisStore;
  private readonly fallback = new MemoryStore();
  private options: Options | undefined;
  /**
   * Whether rate-limit-redis has loaded its scripts. Its own load at init keeps a rejected
   * promise forever when the store was down, so the scripts are loaded here, again after any
   * failure (SCRIPT LOAD is idempotent).
   */
  private scriptsLoaded = false;

  constructor(private readonly store: SharedStore) {
    this.prefix = store.key('rl', '');
    this.shared = new RedisStore({
      prefix: this.prefix,
      sendCommand: (command: string, ...args: string[]) =>
        store.client.call(command, ...args) as Promise<RedisReply>,
    });
  }

  init(options: Options): void {
    this.options = options;
    this.fallback.init(options);
  }

  async increment(key: string): Promise<IncrementResponse> {
    const counted = await this.store.attempt('rate-limit count', async () => {
      await this.loadScripts();
      return this.shared.increment(key);
    });
    if (counted.ok) return counted.value;
    this.scriptsLoaded = false;
    return this.fallback.increment(key);
  }

  async decrement(key: string): Promise<void> {
    const done = await this.store.attempt('rate-limit count', () => this.shared.decrement(key));
    if (!done.ok) await this.fallback.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.store.attempt('rate-limit reset', () => this.shared.resetKey(key));
    await this.fallback.resetKey(key);
  }

  shutdown(): void {
    this.fallback.shutdown();
  }

  private async loadScripts(): Promise<void> {
    if (this.scriptsLoaded) return;
    if (!this.options) throw new Error('the rate limiter has not initialised its store');
    await this.shared.init(this.options);
    this.scriptsLoaded = true;
  }
}
