import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';

export interface SearchRow {
  record: EntityRecord;
  score: number;
}

/**
 * One page of full-text hits over names, labels, descriptions and quotes (index `entity_text`,
 * German analyzer), best first, optionally limited to some labels. Paged by offset: relevance
 * order has no stable key to page on.
 */
export async function searchEntities(
  db: Database,
  lucene: string,
  labels: string[] | null,
  skip: number,
  limit: number,
): Promise<{ rows: SearchRow[]; total: number }> {
  const result = await db.executeRead((tx) =>
    tx.run(
      `CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
       WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
       WITH collect({node: node, score: score}) AS hits
       UNWIND hits[$skip..($skip + $limit)] AS hit
       RETURN hit.node.id AS key, labels(hit.node) AS labels, properties(hit.node) AS props,
              hit.score AS score, size(hits) AS total`,
      { query: lucene, labels, skip: neo4j.int(skip), limit: neo4j.int(limit) },
    ),
  );
  const rows = result.records.map((r) => ({
    record: {
      key: r.get('key') as string,
      label: modelLabel(r.get('labels') as string[]),
      props: plain(r.get('props') as Record<string, unknown>),
    },
    score: r.get('score') as number,
  }));
  const total =
    (result.records[0]?.get('total') as number | undefined) ??
    (await countHits(db, lucene, labels));
  return { rows, total };
}

async function countHits(db: Database, lucene: string, labels: string[] | null): Promise<number> {
  const result = await db.executeRead((tx) =>
    tx.run(
      `CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node
       WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
       RETURN count(node) AS total`,
      { query: lucene, labels },
    ),
  );
  return result.records[0]?.get('total') as number;
}
