import neo4j from 'neo4j-driver';
import type { Database } from '../src/db/database';
import { clearStaging } from '../src/seed/staging.repository';

/**
 * The write floor of an import on this machine and database: how fast Neo4j takes rows shaped
 * like the national graph's (an org unit's 16 properties, a relationship's 8) when nothing is
 * read, compared or checked — plain `UNWIND … CREATE` of staged nodes (labels `SeedStaged` and
 * `StagedOrgUnit`, found by the staging index as the importer finds them) and `PART_OF`
 * relationships between them (with the uniqueness and full-text indexes on that type), in
 * batches of the importer's size. No switch. The rows go to a dataset of their own, removed at
 * the end. bench/national.bench.ts runs it before the imports (`--no-floor` leaves it out).
 */
export interface WriteFloor {
  nodes: number;
  relationships: number;
  nodeMs: number;
  relationshipMs: number;
}

const DATASET = 'bench-write-floor';

function nodeRow(i: number): Record<string, unknown> {
  const day = (y: number, m: number, d: number) => new neo4j.types.Date(y, m, d);
  const id = `floor-u${i}`;
  return {
    id,
    name: `Stabsstelle Nummer ${i} für Senioren`,
    kind: 'STAFF_UNIT',
    germanKind: 'Stabsstelle',
    established: '2019-03',
    establishedEarliest: day(2019, 3, 1),
    establishedLatest: day(2019, 3, 31),
    validCertainFrom: day(2019, 3, 31),
    validPossibleFrom: day(2019, 3, 1),
    sourceIds: [`floor-doc-${i % 1000}`],
    quotes: [`Die Stadt richtet die Stabsstelle Nummer ${i} für Senioren ein.`],
    basis: 'STATED',
    dataset: DATASET,
    seedFile: 'land-05.ndjson',
    importHash: `floor-hash-${i}-0123456789abcdef`,
    attestedFrom: day(2019, 3, 1),
  };
}

function relationRow(i: number, n: number): Record<string, unknown> {
  const from = `floor-u${i}`;
  const to = `floor-u${(i * 7 + 1) % n}`;
  const id = `${from}~PART_OF~${to}`;
  return {
    from,
    to,
    props: {
      id,
      sourceIds: [`floor-doc-${i % 1000}`],
      quotes: [`Die Stabsstelle Nummer ${i} gehört zum Amt.`],
      basis: 'STATED',
      dataset: DATASET,
      seedFile: 'land-05.ndjson',
      importHash: `floor-rel-${i}-0123456789abcdef`,
      validPossibleFrom: new neo4j.types.Date(2019, 3, 1),
    },
  };
}

async function inBatches<T>(
  db: Database,
  rows: T[],
  batch: number,
  cypher: string,
): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await db.executeWrite((tx) => tx.run(cypher, { rows: chunk }), { timeoutMs: 0 });
  }
  return Date.now() - started;
}

/** Writes `count` nodes and as many relationships, times each part, removes them again. */
export async function measureWriteFloor(
  db: Database,
  count = 100_000,
  batch = 10_000,
): Promise<WriteFloor> {
  await clearStaging(db, DATASET);
  try {
    const nodes = Array.from({ length: count }, (_, i) => nodeRow(i));
    const nodeMs = await inBatches(
      db,
      nodes,
      batch,
      'UNWIND $rows AS row CREATE (s:SeedStaged:StagedOrgUnit) SET s = row',
    );
    const relations = Array.from({ length: count }, (_, i) => relationRow(i, count));
    const relationshipMs = await inBatches(
      db,
      relations,
      batch,
      `UNWIND $rows AS row
       MATCH (a:SeedStaged {id: row.from}) MATCH (b:SeedStaged {id: row.to})
       CREATE (a)-[r:PART_OF]->(b) SET r = row.props`,
    );
    return { nodes: count, relationships: count, nodeMs, relationshipMs };
  } finally {
    await clearStaging(db, DATASET);
  }
}
