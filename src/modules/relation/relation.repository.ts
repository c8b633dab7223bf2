import type { Database } from '../../db/database';
import { toRecord } from '../entity/entity.repository';
import {
  plain,
  type EntityRecord,
  type RelatedRecord,
  type RelationResult,
} from '../entity/entity.record';
import { relationCypher, type RelationRead } from './relation.cypher';

/** One far end as the relation Cypher returns it. */
export interface RawItem {
  rel: Record<string, unknown>;
  key: string;
  labels: string[];
  props: Record<string, unknown>;
  sortValue: string | null;
  planned: unknown;
}

/** A cited document as `documentsByKeys` returns it: its key and properties. */
export type RawDocument = [key: string, props: Record<string, unknown>];

/** One item of `relationCypher`'s list as the reader takes it; `onlyLabel` fills null labels. */
export function itemOf(tuple: unknown, onlyLabel: string): RawItem {
  const [key, labels, props, rel, sortValue, planned] = tuple as [
    string,
    string[] | null,
    Record<string, unknown>,
    Record<string, unknown> | null,
    string | null,
    unknown,
  ];
  return {
    key,
    labels: labels ?? [onlyLabel],
    props,
    rel: rel ?? {},
    sortValue,
    planned,
  };
}

export function toRelatedRecord(raw: RawItem): RelatedRecord {
  return {
    rel: plain(raw.rel),
    node: toRecord(raw.key, raw.labels, raw.props),
    sortValue: raw.sortValue,
  };
}

export function toDocumentRecord([key, props]: RawDocument): EntityRecord {
  return toRecord(key, ['SourceDocument'], props);
}

/** The documents a statement read for its citations (`documentsByKeys`), by key. */
export function documentMap(raw: unknown): ReadonlyMap<string, EntityRecord> | undefined {
  if (!raw) return undefined;
  const found = new Map<string, EntityRecord>();
  for (const document of raw as RawDocument[]) found.set(document[0], toDocumentRecord(document));
  return found;
}

/**
 * For a batch of parents, one relation field each (same arguments): one `UNWIND $keys` query,
 * the items in the field's order, with their number when asked.
 */
export async function relationByKeys(
  db: Database,
  read: RelationRead,
  keys: readonly string[],
): Promise<Map<string, RelationResult>> {
  const cypher = relationCypher(read, 'n', 'x');
  const result = await db.readStatement(
    `UNWIND $keys AS key
       MATCH (n:Entity {id: key})
       RETURN key, ${cypher.items} AS items, ${cypher.total} AS total`,
    { ...cypher.params, keys },
  );
  const out = new Map<string, RelationResult>();
  for (const r of result.records) {
    out.set(r.get('key') as string, {
      items: (r.get('items') as unknown[]).map((t) =>
        toRelatedRecord(itemOf(t, read.field.to[0]!)),
      ),
      total: r.get('total') as number | null,
    });
  }
  return out;
}
