import type { ManagedTransaction } from 'neo4j-driver';
import type { SeedGraph } from '../../seed/types';
import { CURATED_DATASET } from './fact';

/**
 * The merge policy between the seed files and curation: curation owns what it touched. An
 * entity or relationship created, corrected, ended or withdrawn through the API belongs to the
 * curated dataset (a withdrawn one lives on in the change log), and a seed import leaves every
 * such element alone — it neither overwrites it with the seed files' version, nor deletes it,
 * nor re-creates a withdrawn one. When the seeds and curation state the same fact (the same id),
 * the curated one wins.
 *
 * The importer asks for these ids in its transaction and skips them (src/seed/import.ts).
 */
export async function curatedIds(
  tx: ManagedTransaction,
): Promise<{ entities: Set<string>; relations: Set<string> }> {
  const result = await tx.run(
    `CALL () {
       MATCH (n:Entity {dataset: $dataset}) RETURN 'ENTITY' AS kind, n.id AS id
       UNION
       MATCH ()-[r]->() WHERE r.dataset = $dataset RETURN 'RELATION' AS kind, r.id AS id
       UNION
       MATCH (c:Change {action: 'WITHDRAWN'}) RETURN c.kind AS kind, c.key AS id
     }
     RETURN kind, collect(id) AS ids`,
    { dataset: CURATED_DATASET },
  );
  const ids = (kind: string) =>
    new Set((result.records.find((r) => r.get('kind') === kind)?.get('ids') as string[]) ?? []);
  return { entities: ids('ENTITY'), relations: ids('RELATION') };
}

/**
 * The seed graph without the elements curation owns, for the importer to write; says how many it
 * left alone and which.
 */
export async function leaveCuratedAlone(
  tx: ManagedTransaction,
  graph: SeedGraph,
  log: (line: string) => void,
): Promise<SeedGraph> {
  const curated = await curatedIds(tx);
  const nodes = graph.nodes.filter((n) => !curated.entities.has(n.id));
  const relations = graph.relations.filter((r) => !curated.relations.has(r.id));
  const left = [
    ...graph.nodes.filter((n) => curated.entities.has(n.id)).map((n) => n.id),
    ...graph.relations.filter((r) => curated.relations.has(r.id)).map((r) => r.id),
  ];
  if (left.length > 0) {
    log(`left ${left.length} curated element(s) alone (curation owns them): ${left.join(', ')}`);
  }
  return { nodes, relations };
}
