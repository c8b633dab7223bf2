import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { REPO_ROOT } from '../config';
import {
  cypherName,
  labelsOf,
  NODE_TYPES,
  type NodeLabel,
  type RelationType,
} from '../model/model';
import type { Database } from '../db/database';

/**
 * All Cypher of the seed import. Values always travel as parameters. Labels and relationship
 * types cannot be parameters in Cypher 5, so the few queries that need them are built from the
 * model's own constants (never from input), checked by `cypherName` first.
 */

export interface NodeRow {
  id: string;
  props: Record<string, unknown>;
}

export interface RelationRow {
  id: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface Conflict {
  id: string;
  labels: string[];
  dataset: string | null;
}

export interface Counts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export function readSchemaStatements(
  file = path.join(REPO_ROOT, 'cypher', 'schema.cypher'),
): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return text
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}

const SCHEMA_NAME = /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS/i;

/**
 * Schema changes cannot share a transaction with data writes, so each runs on its own — and only
 * when the database lacks the named constraint or index (each statement is IF NOT EXISTS, so the
 * outcome is the same; an import of an up-to-date database then spends two reads, not forty
 * schema transactions).
 */
export async function applySchema(db: Database, statements: string[]): Promise<void> {
  const present = await db.executeRead(async (tx) => {
    const names = new Set<string>();
    for (const command of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
      const result = await tx.run(command);
      for (const record of result.records) names.add(record.get('name') as string);
    }
    return names;
  });
  for (const statement of statements) {
    const name = SCHEMA_NAME.exec(statement)?.[1];
    if (name !== undefined && present.has(name)) continue;
    await db.executeWrite((tx) => tx.run(statement));
  }
}

/** Existing nodes with one of the ids but another type or owned by another dataset. */
export async function findConflicts(
  tx: ManagedTransaction,
  dataset: string,
  rows: { id: string; type: string }[],
): Promise<Conflict[]> {
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (n:Entity {id: row.id})
     WHERE NOT row.type IN labels(n) OR coalesce(n.dataset, '') <> $dataset
     RETURN n.id AS id, labels(n) AS labels, n.dataset AS dataset`,
    { rows, dataset },
  );
  return result.records.map((r) => ({
    id: r.get('id') as string,
    labels: r.get('labels') as string[],
    dataset: (r.get('dataset') as string | null) ?? null,
  }));
}

/**
 * Nodes of the datasets `from` that hold a unique key (`property`, a unique field of `label` in
 * the model) which a row of `dataset` states under another id: each is handed over, given the
 * row's id and `dataset`, so the upsert that follows writes the row's properties onto it and the
 * relationships other datasets attached to it stay. A node whose target id is taken is left
 * alone (the key's constraint then names the clash). Returns "old id → new id" per node.
 */
export async function takeOverByKey(
  tx: ManagedTransaction,
  dataset: string,
  label: NodeLabel,
  property: string,
  from: string[],
  rows: { id: string; key: unknown }[],
): Promise<string[]> {
  const spec = NODE_TYPES[label].fields as Record<string, { unique?: boolean }>;
  if (!spec[property]?.unique) throw new Error(`${label}.${property} is not a unique field`);
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (n:${cypherName(label)}:Entity {${property}: row.key})
     WHERE n.dataset IN $from AND n.id <> row.id AND NOT EXISTS { MATCH (:Entity {id: row.id}) }
     WITH n, row, n.id AS was
     SET n.id = row.id, n.dataset = $dataset
     RETURN was + ' → ' + row.id AS taken ORDER BY taken`,
    { rows, from, dataset },
  );
  return result.records.map((r) => r.get('taken') as string);
}

export async function upsertNodes(
  tx: ManagedTransaction,
  type: NodeLabel,
  rows: NodeRow[],
): Promise<void> {
  const labels = labelsOf(type).map(cypherName).join(':');
  await tx.run(
    `UNWIND $rows AS row
     MERGE (n:Entity {id: row.id})
     SET n = row.props
     SET n:${labels}`,
    { rows },
  );
}

export async function upsertRelations(
  tx: ManagedTransaction,
  type: RelationType,
  rows: RelationRow[],
): Promise<void> {
  const t = cypherName(type);
  // A relation whose explicit id moved to other ends is removed first, or MERGE would clash with
  // the id's uniqueness constraint.
  await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (x)-[old:${t} {id: row.id}]->(y)
     WHERE x.id <> row.from OR y.id <> row.to
     DELETE old`,
    { rows },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Entity {id: row.from})
     MATCH (b:Entity {id: row.to})
     MERGE (a)-[r:${t} {id: row.id}]->(b)
     SET r = row.props`,
    { rows },
  );
}

export async function deleteStaleRelations(
  tx: ManagedTransaction,
  dataset: string,
  keepIds: string[],
): Promise<number> {
  const result = await tx.run(
    `MATCH ()-[r]->()
     WHERE r.dataset = $dataset AND NOT r.id IN $keepIds
     DELETE r
     RETURN count(*) AS deleted`,
    { dataset, keepIds },
  );
  return result.records[0]?.get('deleted') as number;
}

/**
 * Nodes of the dataset that the seeds no longer hold are deleted, unless facts from elsewhere
 * (another dataset, later curation) still hang on them: those are kept and reported.
 */
export async function deleteStaleNodes(
  tx: ManagedTransaction,
  dataset: string,
  keepIds: string[],
): Promise<{ deleted: number; kept: string[] }> {
  const result = await tx.run(
    `MATCH (n:Entity {dataset: $dataset})
     WHERE NOT n.id IN $keepIds
     ${DELETE_UNLESS_REFERENCED}`,
    { dataset, keepIds },
  );
  return deletedAndKept(result);
}

export async function countDataset(tx: ManagedTransaction, dataset: string): Promise<Counts> {
  const nodeResult = await tx.run(
    `MATCH (n:Entity {dataset: $dataset})
     UNWIND [l IN labels(n) WHERE l IN $labels] AS label
     RETURN label, count(*) AS count ORDER BY label`,
    { dataset, labels: Object.keys(NODE_TYPES) },
  );
  const relResult = await tx.run(
    `MATCH ()-[r]->()
     WHERE r.dataset = $dataset
     RETURN type(r) AS type, count(*) AS count ORDER BY type`,
    { dataset },
  );
  const counts: Counts = { nodes: {}, relationships: {} };
  for (const r of nodeResult.records)
    counts.nodes[r.get('label') as string] = r.get('count') as number;
  for (const r of relResult.records)
    counts.relationships[r.get('type') as string] = r.get('count') as number;
  return counts;
}

/** Removes everything a dataset owns (used by tests and to retire a dataset). */
export async function deleteDataset(db: Database, dataset: string): Promise<void> {
  await db.executeWrite(async (tx) => {
    await tx.run(`MATCH ()-[r]->() WHERE r.dataset = $dataset DELETE r`, { dataset });
    await tx.run(`MATCH (n:Entity {dataset: $dataset}) DETACH DELETE n`, { dataset });
    await tx.run(`MATCH (d:Dataset {name: $dataset}) DELETE d`, { dataset });
  });
}

/**
 * Removes everything a dataset owns in transactions of `batch` elements, so that even a national
 * dataset needs no large transaction (between the batches the dataset is partly gone). Also
 * clears what an unfinished import of it staged.
 */
export async function removeDataset(db: Database, dataset: string, batch = 10_000): Promise<void> {
  const limit = neo4j.int(batch);
  const repeat = async (cypher: string) => {
    for (;;) {
      const result = await db.executeWrite((tx) => tx.run(cypher, { dataset, limit }));
      if ((result.records[0]?.get('removed') as number) < batch) return;
    }
  };
  await repeat(
    `MATCH ()-[r]->() WHERE r.dataset = $dataset
     WITH r LIMIT $limit DELETE r RETURN count(*) AS removed`,
  );
  for (const label of ['Entity', 'SeedStaged', 'SeedStagedUpdate', 'SeedStagedRelation']) {
    await repeat(
      `MATCH (n:${cypherName(label)}) WHERE n.dataset = $dataset
       WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS removed`,
    );
  }
  await db.executeWrite(async (tx) => {
    await tx.run(`MATCH (d:Dataset {name: $dataset}) DELETE d`, { dataset });
    await tx.run(`MATCH (m:SeedImport {dataset: $dataset}) DELETE m`, { dataset });
  });
}

/**
 * Import metadata (not a fact, so not an Entity): which digest of the seed files a dataset was
 * last imported from, and when.
 */
export async function writeDatasetState(
  tx: ManagedTransaction,
  dataset: string,
  digest: string,
  counts: Counts,
): Promise<void> {
  await tx.run(
    `MERGE (d:Dataset {name: $dataset})
     SET d.digest = $digest, d.importedAt = datetime(), d.nodes = $nodes, d.relationships = $relationships`,
    {
      dataset,
      digest,
      nodes: Object.values(counts.nodes).reduce((a, b) => a + b, 0),
      relationships: Object.values(counts.relationships).reduce((a, b) => a + b, 0),
    },
  );
}

export async function readDatasetDigest(db: Database, dataset: string): Promise<string | null> {
  const result = await db.readStatement(
    `MATCH (d:Dataset {name: $dataset}) RETURN d.digest AS digest`,
    { dataset },
  );
  return (result.records[0]?.get('digest') as string | undefined) ?? null;
}

export interface DatasetState {
  name: string;
  digest: string | null;
  /** ISO date-time of the last import. */
  importedAt: string | null;
}

/** Every dataset's digest and import time: what the API's data version is computed from. */
export async function readDatasetStates(db: Database): Promise<DatasetState[]> {
  const result = await db.readStatement(`MATCH (d:Dataset)
       RETURN d.name AS name, d.digest AS digest, toString(d.importedAt) AS importedAt
       ORDER BY name`);
  return result.records.map((r) => r.toObject() as DatasetState);
}

/**
 * Deletes the dataset's node `n` unless a fact from elsewhere (another dataset, later curation)
 * hangs on it; returns how many went and the ids kept. Takes `$dataset`.
 */
export const DELETE_UNLESS_REFERENCED = `OPTIONAL MATCH (n)-[foreign]-()
     WHERE coalesce(foreign.dataset, '') <> $dataset
     WITH n, count(foreign) AS foreignCount
     CALL (n, foreignCount) {
       WITH n WHERE foreignCount = 0
       DETACH DELETE n
       RETURN 1 AS gone
       UNION
       WITH n WHERE foreignCount > 0
       RETURN 0 AS gone
     }
     RETURN sum(gone) AS deleted, [x IN collect(CASE WHEN gone = 0 THEN n.id END) WHERE x IS NOT NULL] AS kept`;

/** What a statement ending in DELETE_UNLESS_REFERENCED answered. */
export function deletedAndKept(result: QueryResult): { deleted: number; kept: string[] } {
  const record = result.records[0];
  return {
    deleted: (record?.get('deleted') as number) ?? 0,
    kept: (record?.get('kept') as string[]) ?? [],
  };
}
