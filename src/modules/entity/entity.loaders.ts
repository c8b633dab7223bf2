import DataLoader from 'dataloader';
import type { Database } from '../../db/database';
import { entitiesByKeys, entitiesByRefs, type RefMatch } from './entity.repository';
import type { EntityRecord, RelationResult } from './entity.record';
import type { RelationRead } from '../relation/relation.cypher';
import { relationByKeys } from '../relation/relation.repository';

/**
 * Per-request loaders: each batch is one `UNWIND $keys` query, results re-ordered to the keys.
 * Relation loaders are made on first use, one per relation field and arguments, so parents
 * asking for the same field with the same arguments share one query.
 */
export interface Loaders {
  entityByKey: DataLoader<string, EntityRecord | null>;
  /** What a typed reference names by key and, for eight digits, by AGS (see node.lookup.ts). */
  entityByRef: DataLoader<string, RefMatch>;
  /** One relation field of many parents. */
  relationByKey(read: RelationRead): DataLoader<string, RelationResult>;
}

export function createLoaders(db: Database): Loaders {
  const entityByKey = new DataLoader<string, EntityRecord | null>(async (keys) => {
    const found = await entitiesByKeys(db, keys);
    return keys.map((k) => found.get(k) ?? null);
  });
  const entityByRef = new DataLoader<string, RefMatch>(async (refs) => {
    const found = await entitiesByRefs(db, refs);
    return refs.map((ref) => {
      const match = found.get(ref) ?? { byKey: null, byAgs: null };
      // What the lookup found is what a later load by key would find.
      for (const record of [match.byKey, match.byAgs]) {
        if (record) entityByKey.prime(record.key, record);
      }
      return match;
    });
  });
  const relationLoaders = new Map<string, DataLoader<string, RelationResult>>();
  return {
    entityByKey,
    entityByRef,
    relationByKey(read) {
      const { field, ...rest } = read;
      const id = JSON.stringify([field.on, field.name, rest]);
      let loader = relationLoaders.get(id);
      if (!loader) {
        loader = new DataLoader<string, RelationResult>(async (keys) => {
          const found = await relationByKeys(db, read, keys);
          return keys.map((k) => found.get(k) ?? { items: [], total: 0 });
        });
        relationLoaders.set(id, loader);
      }
      return loader;
    },
  };
}
