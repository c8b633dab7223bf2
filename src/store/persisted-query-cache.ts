import { createHash } from 'node:crypto';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { SharedStore } from './shared-store';

/**
 * How long an automatic persisted query stays in the shared store after it was last fetched from
 * there: a dashboard used daily keeps its queries; a query nobody asks for goes after a day,
 * so the store does not fill with one-off registrations. A client whose hash has gone simply
 * registers it again (one extra round trip, the APQ protocol's normal miss).
 */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

/** Apollo's key for an automatic persisted query: `apq:` and the query's SHA-256 in hex. */
const APQ_KEY = /^apq:([0-9a-f]{64})$/;

/**
 * Apollo's persisted-query registry (its `KeyValueCache`) shared through the store, so a query
 * registered on one replica is found by hash on every other.
 *
 * - Each process keeps what it registered or fetched in Apollo's own bounded in-memory LRU
 *   (30 MiB), in front of the store. An entry is named by the hash of its content and so can never
 *   be stale; the local copy saves a round trip per request, and keeps serving while the store
 *   is down.
 * - In the store, each entry expires PERSISTED_QUERY_TTL_SECONDS after it was set or last
 *   fetched (sliding, `GETEX … EX`). Its size is bounded by the request limits (body, tokens),
 *   and Apollo registers a query only once it has parsed and validated. The server's memory cap
 *   and LRU eviction (docker-compose sets both) bound the total.
 * - Fail-open: when the store fails, a lookup answers "not found" (the client then sends the full
 *   query, which this process registers locally) and a registration stays local; nothing is
 *   refused because of the store.
 * - What comes back from the store must hash to its key, or it is ignored: the store is not
 *   trusted to decide what query a hash runs.
 */
export class PersistedQueryCache implements KeyValueCache<string> {
  constructor(
    private readonly store: SharedStore,
    private readonly local: KeyValueCache<string> = new InMemoryLRUCache<string>(),
    private readonly ttlSeconds = PERSISTED_QUERY_TTL_SECONDS,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const cached = await this.local.get(key);
    if (cached !== undefined) return cached;
    const hash = APQ_KEY.exec(key)?.[1];
    if (hash === undefined) return undefined;
    const found = await this.store.attempt('persisted query lookup', (client) =>
      client.getex(this.store.key('apq', hash), 'EX', this.ttlSeconds),
    );
    if (!found.ok || found.value === null || sha256(found.value) !== hash) return undefined;
    await this.local.set(key, found.value);
    return found.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.local.set(key, value);
    const hash = APQ_KEY.exec(key)?.[1];
    if (hash === undefined || sha256(value) !== hash) return;
    await this.store.attempt('persisted query registration', (client) =>
      client.set(this.store.key('apq', hash), value, 'EX', this.ttlSeconds),
    );
  }

  async delete(key: string): Promise<void> {
    await this.local.delete(key);
    const hash = APQ_KEY.exec(key)?.[1];
    if (hash === undefined) return;
    await this.store.attempt('persisted query removal', (client) =>
      client.del(this.store.key('apq', hash)),
    );
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
