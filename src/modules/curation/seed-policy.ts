import type { ManagedTransaction } from 'neo4j-driver';
import { CURATED_DATASET } from './fact';

/**
 * The merge policy between the seed files and curation: curation owns what it touched. An
 * entity or relationship created, corrected, ended or withdrawn through the API belongs to the
 * curated dataset (a withdrawn one lives on in the change log), and a seed import leaves every
 * such element alone — it neither overwrites it with the seed files' version, nor deletes it,
 * nor re-creates a withdrawn one. When the seeds and curation state the same fact (the same id),
 * the curated one wins.
 *
 * The importer reads these ids before it stages the seed files and skips them; it writes no
 * relationship to an entity curation withdrew (src/seed/import.ts).
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
