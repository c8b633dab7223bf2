import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import { readDatasetStates } from '../seed/seed.repository';
import { readCurationRevision } from '../modules/curation/curation.repository';

/** How long a computed version is reused: short, so a re-import shows within seconds. */
export const DATA_VERSION_TTL_MS = 2_000;

/**
 * A short digest of what the graph holds, for ETags. The graph changes through imports and
 * curation writes. Every import rewrites its `Dataset` node (digest of the seed files, time of
 * import) in the same transaction, and every curation write (a change, a proposal, a review)
 * counts up the revision of the curation log, so the datasets' digests and import times and the
 * curation revision identify the data: a re-import gives a new version even when the files are
 * the same, a removed dataset changes it too, and so does each write. The value is cached for a
 * moment so a burst of requests costs one small query; a write in this process drops the cache.
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

  /** Forgets the cached version: the next request computes it afresh (after a write). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async compute(): Promise<string> {
    const hash = createHash('sha256');
    for (const d of await readDatasetStates(this.db)) {
      hash.update(`${d.name}\0${d.digest ?? ''}\0${d.importedAt ?? ''}\n`);
    }
    const curation = await this.db.executeRead((tx) => readCurationRevision(tx));
    if (curation) hash.update(`curation\0${curation.revision}\0${curation.at}\n`);
    return hash.digest('hex').slice(0, 16);
  }
}
