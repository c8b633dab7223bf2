import { timingSafeEqual } from 'node:crypto';
import type { Principal } from './principal';

interface Entry {
  digest: Buffer;
  principal: Principal;
  expiresAt: number;
}

/**
 * The API keys this process verified recently, so a busy client pays scrypt once per `ttlMs`
 * rather than per request. An entry holds a SHA-256 digest of the key string (never the string)
 * and the principal; it is used only while fresh and only for the same string. Bounded: beyond
 * `maxEntries` the least recently used entry goes. A revocation through this process drops the
 * entry at once (`forget`); one made elsewhere applies when the entry expires.
 */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string, digest: Buffer): Principal | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(id);
      return null;
    }
    if (!timingSafeEqual(entry.digest, digest)) return null;
    // Re-inserted: Map order is the eviction order, least recently used first.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.principal;
  }

  set(id: string, digest: Buffer, principal: Principal): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(id);
    this.entries.set(id, { digest, principal, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
