import { loadConfig } from '../src/config';
import { createDatabase, type Database } from '../src/db/database';

/** A database handle for integration tests; the global setup points NEO4J_URI at the test instance. */
export function testDatabase(): Database {
  return createDatabase(loadConfig().neo4j);
}

/** Every node and relationship of a dataset with all properties, in a stable order. */
export async function dumpDataset(db: Database, dataset: string): Promise<string> {
  const [nodes, rels] = await db.executeRead(async (tx) => {
    const n = await tx.run(
      `MATCH (n:Entity {dataset: $dataset})
       RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
      { dataset },
    );
    const r = await tx.run(
      `MATCH (a)-[r]->(b) WHERE r.dataset = $dataset
       RETURN type(r) AS type, r.id AS id, a.id AS from, b.id AS to, properties(r) AS props
       ORDER BY type, id`,
      { dataset },
    );
    return [n.records.map((x) => x.toObject()), r.records.map((x) => x.toObject())];
  });
  // Property maps with their keys sorted: the order Neo4j returns them in follows the order they
  // were written in, which a node handed over between datasets does not share with a fresh one.
  return JSON.stringify({ nodes, rels }, (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    if ('year' in value && 'month' in value) return String(value);
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

/** Counts of everything in the database, to prove that a failed import changed nothing. */
export async function snapshotCounts(
  db: Database,
): Promise<{ nodes: number; rels: number; digest: string }> {
  return db.executeRead(async (tx) => {
    const result = await tx.run(
      `MATCH (n) WITH count(n) AS nodes
       OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS rels
       OPTIONAL MATCH (m:Entity)
       WITH nodes, rels, m ORDER BY m.id
       RETURN nodes, rels, reduce(s = '', x IN collect(m.id + ':' + coalesce(m.name, m.title, '')) | s + x + ';') AS digest`,
    );
    const rec = result.records[0]!;
    return {
      nodes: rec.get('nodes') as number,
      rels: rec.get('rels') as number,
      digest: rec.get('digest') as string,
    };
  });
}
