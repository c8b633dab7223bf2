import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import { readDatasetStates } from '../seed/seed.repository';

/** How long a computed version is reused: short, so a re-import shows within seconds. */
export const DATA_VERSION_TTL_MS = 2_000;

/**
 * A short digest of what the graph holds, for ETags. The graph changes only through imports, and
 * every import rewrites its `Dataset` node (digest of the seed files, time of import) in the same
 * transaction, so the digests and import times of all datasets identify the data: a re-import
 * gives a new version even when the files are the same, and a removed dataset changes it too.
 * The value is cached for a moment so a burst of requests costs one small query.
 */
export class DataVersion {
  private cached: { value: Promise<string>; until: number } | undefined;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = DATA_VERSION_TTL_MS,
  ) {}

  current(): Promise<string> {
    const now = Date.now();
    if (this.cached && now < this.cached.until) return this.cached.value;
    const value = this.compute();
    this.cached = { value, until: now + this.ttlMs };
    // A failed read (database down) must not be served from the cache.
    value.catch(() => {
      if (this.cached?.value === value) this.cached = undefined;
    });
    return value;
  }

  private async compute(): Promise<string> {
    const hash = createHash('sha256');
    for (const d of await readDatasetStates(this.db)) {
      hash.update(`${d.name}\0${d.digest ?? ''}\0${d.importedAt ?? ''}\n`);
    }
    return hash.digest('hex').slice(0, 16);
  }
}
