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

/** A city of another dataset with an AGS, and the citation of its own that writes the key. */
export interface KeyedCity {
  id: string;
  ags: string;
  /** The first of the city's quotes that contains its AGS, and the document it is from. */
  doc: string;
  quote: string;
}

/**
 * Cities of other datasets whose AGS one of their own quotes writes out (a key no quote states is
 * not relied on). The key is matched as a whole number, not as part of a longer one.
 */
export async function keyedCities(tx: ManagedTransaction, dataset: string): Promise<KeyedCity[]> {
  const result = await tx.run(
    `MATCH (c:City:Entity)
     WHERE c.ags IS NOT NULL AND coalesce(c.dataset, '') <> $dataset
     WITH c, [i IN range(0, size(coalesce(c.quotes, [])) - 1)
              WHERE c.quotes[i] =~ ('(?s).*(^|[^0-9])' + c.ags + '([^0-9]|$).*')] AS stating
     WHERE size(stating) > 0
     RETURN c.id AS id, c.ags AS ags, c.sourceIds[stating[0]] AS doc, c.quotes[stating[0]] AS quote
     ORDER BY id`,
    { dataset },
  );
  return result.records.map((r) => r.toObject() as KeyedCity);
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
