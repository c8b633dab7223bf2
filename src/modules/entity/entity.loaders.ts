import DataLoader from 'dataloader';
import type { Database } from '../../db/database';
import { entitiesByKeys, relatedByKeys, type RelationPath } from './entity.repository';
import type { EntityRecord, RelatedRecord } from './entity.record';

/**
 * Per-request loaders: each batch is one `UNWIND $keys` query, results re-ordered to the keys.
 * Relation loaders are made on first use, one per relationship path.
 */
export interface Loaders {
  entityByKey: DataLoader<string, EntityRecord | null>;
  related(path: RelationPath): DataLoader<string, RelatedRecord[]>;
}

export function createLoaders(db: Database): Loaders {
  const entityByKey = new DataLoader<string, EntityRecord | null>(async (keys) => {
    const found = await entitiesByKeys(db, keys);
    return keys.map((k) => found.get(k) ?? null);
  });
  const relationLoaders = new Map<string, DataLoader<string, RelatedRecord[]>>();
  return {
    entityByKey,
    related(path) {
      const id = `${path.direction}:${path.type}:${path.label ?? '*'}`;
      let loader = relationLoaders.get(id);
      if (!loader) {
        loader = new DataLoader<string, RelatedRecord[]>(async (keys) => {
          const found = await relatedByKeys(db, path, keys);
          return keys.map((k) => found.get(k) ?? []);
        });
        relationLoaders.set(id, loader);
      }
      return loader;
    },
  };
}
