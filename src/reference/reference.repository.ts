import type { ManagedTransaction } from 'neo4j-driver';
import { cypherName } from '../model/model';
import type { RelationRow } from '../seed/seed.repository';

/**
 * Cypher of the reference import. Labels come from the model's constants (checked by
 * `cypherName`), values travel as parameters.
 */

/** Nodes of this label with one of these keys that another dataset owns: ags → id. */
export async function foreignByAgs(
  tx: ManagedTransaction,
  label: 'State' | 'County',
  dataset: string,
  agsList: string[],
): Promise<Map<string, string>> {
  const result = await tx.run(
    `MATCH (n:${cypherName(label)})
     WHERE n.ags IN $agsList AND coalesce(n.dataset, '') <> $dataset
     RETURN n.ags AS ags, n.id AS id`,
    { agsList, dataset },
  );
  return new Map(result.records.map((r) => [r.get('ags') as string, r.get('id') as string]));
}

/**
 * LOCATED_IN relationships of the dataset. Where another dataset already states the same
 * containment between the same two nodes (the seeds' Kreis Recklinghausen in Nordrhein-
 * Westfalen), none is added. Returns the ids written.
 */
export async function upsertLocatedIn(
  tx: ManagedTransaction,
  dataset: string,
  rows: RelationRow[],
): Promise<string[]> {
  // An id whose ends moved (a node handed over to another dataset) is removed first, or MERGE
  // would clash with the id's uniqueness constraint.
  await tx.run(
    `UNWIND $rows AS row
     MATCH (x)-[old:LOCATED_IN {id: row.id}]->(y)
     WHERE x.id <> row.from OR y.id <> row.to
     DELETE old`,
    { rows },
  );
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Entity {id: row.from})
     MATCH (b:Entity {id: row.to})
     WITH row, a, b
     WHERE NOT EXISTS { (a)-[x:LOCATED_IN]->(b) WHERE coalesce(x.dataset, '') <> $dataset }
     MERGE (a)-[r:LOCATED_IN {id: row.id}]->(b)
     SET r = row.props
     RETURN r.id AS id`,
    { rows, dataset },
  );
  return result.records.map((r) => r.get('id') as string);
}
