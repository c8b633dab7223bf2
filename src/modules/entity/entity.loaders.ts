import DataLoader from 'dataloader';
import type { Database } from '../../db/database';
import {
  entitiesByKeys,
  entitiesByRefs,
  relatedByKeys,
  relatedPageByKeys,
  type RefMatch,
  type RelatedPage,
  type RelationPath,
} from './entity.repository';
import type { EntityRecord, RelatedRecord } from './entity.record';
import type { AsOfView } from '../time/as-of';

/**
 * Per-request loaders: each batch is one `UNWIND $keys` query, results re-ordered to the keys.
 * Relation loaders are made on first use, one per relationship path.
 */
export interface Loaders {
  entityByKey: DataLoader<string, EntityRecord | null>;
  /** What a typed reference names by key and, for eight digits, by AGS (see node.lookup.ts). */
  entityByRef: DataLoader<string, RefMatch>;
  /** The relationships along a path; with a view, only those valid on its day. */
  related(path: RelationPath, view?: AsOfView | null): DataLoader<string, RelatedRecord[]>;
  /** One page per parent; parents asking for the same page of the same path share a query. */
  relatedPage(
    path: RelationPath,
    first: number,
    afterKey: string | null,
    view?: AsOfView | null,
  ): DataLoader<string, RelatedPage>;
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
  const relationLoaders = new Map<string, DataLoader<string, RelatedRecord[]>>();
  const pageLoaders = new Map<string, DataLoader<string, RelatedPage>>();
  return {
    entityByKey,
    entityByRef,
    related(path, view = null) {
      const id = JSON.stringify([path.direction, path.type, path.label ?? '*', view]);
      let loader = relationLoaders.get(id);
      if (!loader) {
        loader = new DataLoader<string, RelatedRecord[]>(async (keys) => {
          const found = await relatedByKeys(db, path, keys, view);
          return keys.map((k) => found.get(k) ?? []);
        });
        relationLoaders.set(id, loader);
      }
      return loader;
    },
    relatedPage(path, first, afterKey, view = null) {
      const id = JSON.stringify([
        path.direction,
        path.type,
        path.label ?? '*',
        first,
        afterKey,
        view,
      ]);
      let loader = pageLoaders.get(id);
      if (!loader) {
        loader = new DataLoader<string, RelatedPage>(async (keys) => {
          const found = await relatedPageByKeys(db, path, keys, first, afterKey, view);
          return keys.map((k) => found.get(k) ?? { items: [], hasNextPage: false, total: 0 });
        });
        pageLoaders.set(id, loader);
      }
      return loader;
    },
  };
}
