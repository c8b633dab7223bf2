import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { citedDocumentsRead } from '../planner/cited-documents';
import { mapProjection } from '../planner/planner';
import { documentMap } from '../relation/relation.repository';

export interface SearchRow {
  record: EntityRecord;
  score: number;
}

/**
 * One page of full-text hits over names, labels, descriptions and quotes (index `entity_text`,
 * German analyzer), best first, optionally limited to some labels. Paged by offset: relevance
 * order has no stable key to page on. Bounded in Cypher: the index yields hits best first, and
 * only the best `cap` + 1 are taken, so a text that matches the whole graph costs no more than
 * `cap` hits; pages reach the best `cap`, and the total is counted up to `cap` (`exact` false
 * when there are more). Without `count` (the caller does not ask for the total) only the hits up
 * to the end of the page and one more are taken: enough to tell whether a next page exists, as
 * `total` then counts the hits up to there (and `exact` means nothing). With `documents`, each
 * hit comes with the documents it cites, with those properties (null: all).
 */
export async function searchEntities(
  db: Database,
  lucene: string,
  labels: string[] | null,
  skip: number,
  limit: number,
  cap: number,
  count = true,
  props: readonly string[] | null = null,
  documents: readonly string[] | null | false = false,
): Promise<{ rows: SearchRow[]; total: number; exact: boolean }> {
  // The documents each hit cites, when its citations show them (see citedDocumentProps).
  const cited = citedDocumentsRead('coalesce(node.sourceIds, [])', documents);
  // Only what the selection reads of each hit (its key for `entity { key }`), or everything. The
  // names are the model's property names, chosen by the planner's rules, never the caller's text.
  const projected = mapProjection(props, 'node');
  const end = Math.max(skip, Math.min(skip + limit, cap));
  const result = await db.readStatement(
    `CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
       WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
       WITH node, score LIMIT $take
       WITH collect({node: node, score: score}) AS hits
       WITH size(hits) AS found, hits[$skip..$end] AS page
       UNWIND (CASE WHEN page = [] THEN [null] ELSE page END) AS hit
       WITH hit.node AS node, hit.score AS score, found
       RETURN node.id AS key, labels(node) AS labels, ${projected} AS props, score, found,
              ${cited} AS documents`,
    {
      query: lucene,
      labels,
      skip: neo4j.int(skip),
      end: neo4j.int(end),
      take: neo4j.int((count ? cap : end) + 1),
    },
  );
  const found = (result.records[0]?.get('found') as number | undefined) ?? 0;
  const rows = result.records
    .filter((r) => r.get('key') !== null)
    .map((r) => {
      const found = documentMap(r.get('documents'));
      return {
        record: {
          key: r.get('key') as string,
          label: modelLabel(r.get('labels') as string[]),
          props: plain(r.get('props') as Record<string, unknown>),
          ...(found ? { documents: found } : {}),
        },
        score: r.get('score') as number,
      };
    });
  return { rows, total: Math.min(found, cap), exact: found <= cap };
}
