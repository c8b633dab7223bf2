import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { AppError, ErrorCode } from '../common/errors';
import type { Database } from '../db/database';
import {
  cypherName,
  labelsOf,
  NODE_TYPES,
  stagedLabelOf,
  type FieldSpec,
  type NodeLabel,
  type RelationType,
} from '../model/model';
import {
  countDataset,
  DELETE_UNLESS_REFERENCED,
  deletedAndKept,
  writeDatasetState,
  type Counts,
} from './seed.repository';

/**
 * The Cypher of the staged import (README "Importing at scale"). While an import runs, what it
 * changes waits in a staging area the API never sees:
 *
 * - a NEW node is created with the labels `SeedStaged` and `Staged<Type>` (never `Entity` or its
 *   type, so no API query matches it and no uniqueness constraint applies to it);
 * - a CHANGED node is copied to a `SeedStagedUpdate` node; the live node keeps its identity;
 * - a node another dataset (the reference data) made for a unique key the seeds state (a County's
 *   `ags`) under another id is TAKEN OVER: staged like a changed node, with the id it had, so the
 *   switch gives it the seed id and dataset and the relationships other datasets hang on it stay;
 * - a new relationship between two new nodes is created, with its type and properties, between
 *   their staged nodes: no traversal from a live node reaches it, and every query of the API that
 *   names a relationship type anchors it on entity nodes;
 * - any other new or changed relationship is a `SeedStagedRelation` node holding its type, ends
 *   and properties;
 * - unchanged elements (same `importHash`) are not written at all.
 *
 * `switchDataset` then applies all of it in ONE transaction — mostly by giving the new nodes their
 * labels, which makes them and the relationships between them live at once. Values travel as
 * parameters; labels and types come from the model's constants (`cypherName`, `stagedLabelOf`).
 */

type Props = Record<string, unknown>;

export interface StageNodeRow {
  /** The node's number in the seed index; echoed back for nodes that are not new. */
  n: number;
  id: string;
  props: Props;
}

export interface StageRelationRow {
  id: string;
  from: string;
  to: string;
  props: Props;
}

export type StageState = 'new' | 'changed' | 'same' | 'conflict';

export interface NodeStageAnswer {
  n: number;
  state: Exclude<StageState, 'new'>;
  labels: string[] | null;
  dataset: string | null;
  /** For a node taken over: the id it had ("changed" then). */
  takenOver: string | null;
}

/** The unique fields of a label in the model (an AGS): the keys a node can be taken over by. */
function uniqueFieldsOf(type: NodeLabel): string[] {
  return Object.entries(NODE_TYPES[type].fields as Record<string, FieldSpec>)
    .filter(([, spec]) => spec.unique)
    .map(([name]) => name);
}

/**
 * Stages a batch of nodes of one type. Each is compared with the live node of its id: none →
 * staged as new, unless a node of the datasets `takeOverFrom` holds one of the row's unique keys
 * (then it is staged as an update of that node, which the switch takes over); same `importHash`
 * → nothing; another type or another dataset's → a conflict (nothing staged; the import will
 * refuse); else staged as an update. Returns the rows that are not new.
 */
export async function stageNodes(
  tx: ManagedTransaction,
  dataset: string,
  type: NodeLabel,
  rows: StageNodeRow[],
  takeOverFrom: string[] = [],
): Promise<NodeStageAnswer[]> {
  const staged = `SeedStaged:${stagedLabelOf(type)}`;
  // Property names come from the model (its unique fields), values travel as parameters.
  const keys = takeOverFrom.length === 0 ? [] : uniqueFieldsOf(type);
  const holder =
    keys.length === 0
      ? 'null'
      : `head(COLLECT { MATCH (k:${cypherName(type)}:Entity)
             WHERE n IS NULL AND k.dataset IN $takeOverFrom
               AND (${keys.map((key) => `k.${key} = row.props.${key}`).join(' OR ')})
             RETURN k.id ORDER BY k.id })`;
  const result = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (n:Entity {id: row.id})
     WITH row, n, ${holder} AS holder
     WITH row, n, holder, CASE
       WHEN n IS NULL AND holder IS NOT NULL THEN 'changed'
       WHEN n IS NULL THEN 'new'
       WHEN NOT $type IN labels(n) OR coalesce(n.dataset, '') <> $dataset THEN 'conflict'
       WHEN n.importHash = row.props.importHash THEN 'same'
       ELSE 'changed' END AS state
     CALL (row, state) {
       WITH row WHERE state = 'new'
       CREATE (s:${staged})
       SET s = row.props
     }
     CALL (row, state, holder) {
       WITH row, holder WHERE state = 'changed'
       CREATE (s:SeedStagedUpdate)
       SET s = row.props, s.stagedTakeOver = holder
     }
     WITH row, n, state, holder WHERE state <> 'new'
     RETURN row.n AS n, state,
            CASE WHEN state = 'conflict' THEN labels(n) END AS labels, n.dataset AS dataset,
            holder AS takenOver`,
    { rows, dataset, type, takeOverFrom },
  );
  return result.records.map((r) => r.toObject() as NodeStageAnswer);
}

/**
 * Stages a batch of relationships of one type, each compared with the live relationship of its
 * id: unchanged (same ends, same `importHash`, this dataset's) → nothing. A new one whose ends
 * are both staged new nodes of this import waits between them; any other is staged as a
 * `SeedStagedRelation` node. Returns how many rows ended in each state, and how many of the new
 * ones wait between staged nodes (`internal`).
 */
export async function stageRelations(
  tx: ManagedTransaction,
  dataset: string,
  type: RelationType,
  rows: StageRelationRow[],
): Promise<{ new: number; changed: number; same: number; internal: number }> {
  const t = cypherName(type);
  const result = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (x)-[r:${t} {id: row.id}]->(y)
     WITH row, CASE
       WHEN r IS NULL THEN 'new'
       WHEN r.importHash = row.props.importHash AND x.id = row.from AND y.id = row.to
            AND r.dataset = $dataset THEN 'same'
       ELSE 'changed' END AS state
     OPTIONAL MATCH (a:SeedStaged {id: row.from}) WHERE state = 'new' AND a.dataset = $dataset
     OPTIONAL MATCH (b:SeedStaged {id: row.to}) WHERE a IS NOT NULL AND b.dataset = $dataset
     WITH row, state, a, b, b IS NOT NULL AS between
     CALL (a, b, row, between) {
       WITH a, b, row WHERE between
       CREATE (a)-[s:${t}]->(b)
       SET s = row.props
     }
     CALL (row, state, between) {
       WITH row WHERE state <> 'same' AND NOT between
       CREATE (s:SeedStagedRelation)
       SET s = row.props, s.stagedType = $type, s.stagedFrom = row.from, s.stagedTo = row.to
     }
     RETURN state, between, count(*) AS count`,
    { rows, dataset, type },
  );
  const out = { new: 0, changed: 0, same: 0, internal: 0 };
  for (const r of result.records) {
    const state = r.get('state') as 'new' | 'changed' | 'same';
    const count = r.get('count') as number;
    out[state] += count;
    if (r.get('between') as boolean) out.internal += count;
  }
  return out;
}

/** What the first look at a chunk needs of a row: its id, ends and content hash. */
export interface CompareRow {
  id: string;
  from?: string;
  to?: string;
  hash: unknown;
}

/**
 * The positions of the rows whose live node is already this one: this dataset's, of this type,
 * with the same `importHash`. A re-import sends only these few fields first, and the whole
 * property maps only of the rows that differ, so an unchanged national dataset is compared
 * without shipping every property to the database.
 */
export async function unchangedNodes(
  tx: ManagedTransaction,
  dataset: string,
  type: NodeLabel,
  rows: CompareRow[],
): Promise<Set<number>> {
  return samePositions(
    tx,
    `MATCH (n:Entity {id: row.id})
     WHERE n.importHash = row.hash AND n.dataset = $dataset AND $type IN labels(n)`,
    { rows, dataset, type },
  );
}

/** As `unchangedNodes`, for relationships: same id, ends, dataset and `importHash`. */
export async function unchangedRelations(
  tx: ManagedTransaction,
  dataset: string,
  type: RelationType,
  rows: CompareRow[],
): Promise<Set<number>> {
  return samePositions(
    tx,
    `MATCH (x)-[r:${cypherName(type)} {id: row.id}]->(y)
     WHERE r.importHash = row.hash AND r.dataset = $dataset AND x.id = row.from AND y.id = row.to`,
    { rows, dataset },
  );
}

/** The positions in `$rows` for which `match` (over `row`) finds the element unchanged. */
async function samePositions(
  tx: ManagedTransaction,
  match: string,
  params: { rows: CompareRow[] } & Record<string, unknown>,
): Promise<Set<number>> {
  const result = await tx.run(
    `UNWIND range(0, size($rows) - 1) AS i
     WITH i, $rows[i] AS row
     ${match}
     RETURN collect(i) AS same`,
    params,
  );
  return new Set((result.records[0]?.get('same') as number[] | undefined) ?? []);
}

/**
 * What an import staged, per label and type: the switch touches only these and checks that the
 * staging area holds exactly this much.
 */
export interface StagedTotals {
  newNodes: Map<NodeLabel, number>;
  changedNodes: number;
  /** Relationships staged between staged nodes: live once their ends are (the switch does not touch them). */
  internalRelations: Map<RelationType, number>;
  /** Relationships staged as `SeedStagedRelation` nodes. */
  otherRelations: Map<RelationType, number>;
}

/**
 * Removes a dataset's staging area (what a failed or killed import left) and its marker, in
 * transactions of `batch` nodes, so that even a national-size leftover needs no large
 * transaction. Returns how many staged nodes it removed.
 */
export async function clearStaging(db: Database, dataset: string, batch = 10_000): Promise<number> {
  let removed = 0;
  for (const label of ['SeedStaged', 'SeedStagedUpdate', 'SeedStagedRelation']) {
    for (;;) {
      const result = await db.executeWrite((tx) =>
        tx.run(
          `MATCH (s:${cypherName(label)}) WHERE s.dataset = $dataset
           WITH s LIMIT $batch
           DETACH DELETE s
           RETURN count(*) AS removed`,
          { dataset, batch: neo4j.int(batch) },
        ),
      );
      const n = result.records[0]?.get('removed') as number;
      removed += n;
      if (n < batch) break;
    }
  }
  await db.executeWrite((tx) =>
    tx.run(`MATCH (m:SeedImport {dataset: $dataset}) DELETE m`, { dataset }),
  );
  return removed;
}

/** Marks the staging area of the dataset as this import's; the switch checks the mark. */
export async function claimStaging(db: Database, dataset: string, importId: string): Promise<void> {
  await db.executeWrite((tx) =>
    tx.run(
      `MERGE (m:SeedImport {dataset: $dataset})
       SET m.importId = $importId, m.startedAt = datetime()`,
      { dataset, importId },
    ),
  );
}

/** The import that owns the dataset's staging area now, if any. */
export async function stagingOwner(db: Database, dataset: string): Promise<string | null> {
  const result = await db.readStatement(
    `MATCH (m:SeedImport {dataset: $dataset}) RETURN m.importId AS id`,
    { dataset },
  );
  return (result.records[0]?.get('id') as string | undefined) ?? null;
}

/** What the switch found and did. */
export interface SwitchResult {
  counts: Counts;
  deletedNodes: number;
  deletedRelationships: number;
  keptNodes: string[];
}

export interface SwitchPlan {
  dataset: string;
  importId: string;
  digest: string;
  staged: StagedTotals;
  /** Ids of the dataset's live nodes the seeds no longer hold. */
  staleNodes: string[];
  /** Live relationships of the dataset the seeds no longer hold, by type. */
  staleRelations: Map<RelationType, string[]>;
  /** Notes how long each step of the switch took (for large imports). */
  log?: (line: string) => void;
}

const ID_BATCH = 10_000;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_BATCH) out.push(items.slice(i, i + ID_BATCH));
  return out;
}

class StagingMismatch extends AppError {
  constructor(dataset: string, detail: string) {
    super(
      ErrorCode.SEED_INVALID,
      `the staging area of dataset "${dataset}" is not what this import wrote (${detail}); another import of the dataset may have started meanwhile. Nothing was switched.`,
    );
  }
}

/**
 * Makes the staged import the live dataset, in ONE transaction: gives new nodes their labels
 * (which makes the relationships staged between them live too), updates changed nodes in place
 * (their identity, and relationships other datasets hang on them, survive), writes the other
 * new and changed relationships, deletes what the seeds no longer hold (a node other data still
 * refers to is kept and reported), counts and records the dataset. Any failure rolls all of it
 * back: the previous version stays as it was.
 */
export async function switchDataset(db: Database, plan: SwitchPlan): Promise<SwitchResult> {
  const { dataset } = plan;
  return db.executeWrite(async (tx) => {
    const owner = await tx.run(
      `MATCH (m:SeedImport {dataset: $dataset})
       SET m.switching = datetime()
       RETURN m.importId AS id`,
      { dataset },
    );
    if (owner.records[0]?.get('id') !== plan.importId) {
      throw new StagingMismatch(dataset, 'its mark names another import');
    }
    let lap = Date.now();
    const single = async (cypher: string, params: Record<string, unknown> = {}) => {
      const result = await tx.run(cypher, { dataset, ...params });
      const count = (result.records[0]?.get('count') as number | undefined) ?? 0;
      plan.log?.(`switch: ${count} in ${Date.now() - lap} ms: ${cypher.split('\n')[0]!.trim()}`);
      lap = Date.now();
      return count;
    };

    const { staged } = plan;
    const mismatch = (what: string, found: number, wanted: number) => {
      if (found !== wanted) {
        throw new StagingMismatch(dataset, `${what}: ${found} found, ${wanted} staged`);
      }
    };
    // New nodes first: their labels make them live, and with them the relationships staged
    // between them. The staged copies are deleted last: Neo4j slows down badly when one
    // transaction creates and deletes relationships on the same nodes by turns.
    for (const [type, wanted] of staged.newNodes) {
      const created = await single(
        `MATCH (n:${stagedLabelOf(type)}) WHERE n.dataset = $dataset
         SET n:${labelsOf(type).map(cypherName).join(':')}
         REMOVE n:${stagedLabelOf(type)}:SeedStaged
         RETURN count(*) AS count`,
      );
      mismatch(`new ${type} nodes`, created, wanted);
    }
    if (staged.changedNodes > 0) {
      // A node taken over is found by the id it had, and given the seed id with the rest.
      const updated = await single(
        `MATCH (s:SeedStagedUpdate) WHERE s.dataset = $dataset
         MATCH (n:Entity {id: coalesce(s.stagedTakeOver, s.id)})
         SET n = properties(s)
         REMOVE n.stagedTakeOver
         RETURN count(*) AS count`,
      );
      mismatch('changed nodes', updated, staged.changedNodes);
    }
    for (const [type, wanted] of staged.otherRelations) {
      const t = cypherName(type);
      // An id whose ends moved is removed first, or MERGE would clash with its uniqueness.
      await tx.run(
        `MATCH (s:SeedStagedRelation) WHERE s.dataset = $dataset AND s.stagedType = $type
         MATCH (x)-[old:${t} {id: s.id}]->(y)
         WHERE x.id <> s.stagedFrom OR y.id <> s.stagedTo
         DELETE old`,
        { dataset, type },
      );
      const merged = await single(
        `MATCH (s:SeedStagedRelation) WHERE s.dataset = $dataset AND s.stagedType = $type
         MATCH (a:Entity {id: s.stagedFrom})
         MATCH (b:Entity {id: s.stagedTo})
         MERGE (a)-[r:${t} {id: s.id}]->(b)
         SET r = properties(s)
         REMOVE r.stagedType, r.stagedFrom, r.stagedTo
         RETURN count(*) AS count`,
        { type },
      );
      mismatch(`${type} relationships`, merged, wanted);
    }
    for (const label of ['SeedStagedUpdate', 'SeedStagedRelation']) {
      await single(
        `MATCH (s:${cypherName(label)}) WHERE s.dataset = $dataset
         DELETE s
         RETURN count(*) AS count`,
      );
    }

    let deletedRelationships = 0;
    for (const [type, ids] of plan.staleRelations) {
      for (const chunk of batches(ids)) {
        deletedRelationships += await single(
          `UNWIND $ids AS id
           MATCH ()-[r:${cypherName(type)} {id: id}]->() WHERE r.dataset = $dataset
           DELETE r
           RETURN count(*) AS count`,
          { ids: chunk },
        );
      }
    }
    let deletedNodes = 0;
    const keptNodes: string[] = [];
    for (const chunk of batches(plan.staleNodes)) {
      const gone = await deleteNodesUnlessReferenced(tx, dataset, chunk);
      deletedNodes += gone.deleted;
      keptNodes.push(...gone.kept);
    }

    const counts = await countDataset(tx, dataset);
    await writeDatasetState(tx, dataset, plan.digest, counts);
    await tx.run(`MATCH (m:SeedImport {dataset: $dataset}) DELETE m`, { dataset });
    plan.log?.(
      `switch: stale elements deleted and dataset counted in ${Date.now() - lap} ms; committing`,
    );
    return { counts, deletedNodes, deletedRelationships, keptNodes };
  });
}

/**
 * Deletes the dataset's nodes of these ids, unless facts from elsewhere (another dataset, later
 * curation) still hang on them: those are kept and reported.
 */
async function deleteNodesUnlessReferenced(
  tx: ManagedTransaction,
  dataset: string,
  ids: string[],
): Promise<{ deleted: number; kept: string[] }> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id}) WHERE n.dataset = $dataset
     ${DELETE_UNLESS_REFERENCED}`,
    { dataset, ids },
  );
  return deletedAndKept(result);
}

/**
 * Ids of the dataset's live nodes and relationships that `keep` rejects (the ones the seeds no
 * longer hold), read as a stream: only the stale ones are kept in memory.
 */
export async function findStale(
  db: Database,
  dataset: string,
  keepNode: (id: string) => boolean,
  keepRelation: (id: string) => boolean,
): Promise<{ nodes: string[]; relations: Map<RelationType, string[]> }> {
  return db.executeRead(
    async (tx) => {
      const nodes: string[] = [];
      const relations = new Map<RelationType, string[]>();
      for await (const record of tx.run(
        `MATCH (n:Entity) WHERE n.dataset = $dataset RETURN n.id AS id`,
        { dataset },
      )) {
        const id = record.get('id') as string;
        if (!keepNode(id)) nodes.push(id);
      }
      for await (const record of tx.run(
        `MATCH (:Entity)-[r]->(:Entity) WHERE r.dataset = $dataset RETURN type(r) AS type, r.id AS id`,
        { dataset },
      )) {
        const id = record.get('id') as string;
        if (keepRelation(id)) continue;
        const type = record.get('type') as RelationType;
        const list = relations.get(type);
        if (list) list.push(id);
        else relations.set(type, [id]);
      }
      return { nodes, relations };
    },
    { timeoutMs: 0 },
  );
}

/** The ids among `ids` that no live entity holds. */
export async function missingEntities(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.readStatement(
    `UNWIND $ids AS id
       WITH id WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
       RETURN collect(id) AS missing`,
    { ids },
  );
  return new Set((result.records[0]?.get('missing') as string[]) ?? []);
}

export interface ExternalRow {
  n: number;
  id: string;
  type: NodeLabel;
  ags?: string;
}

export interface ExternalMatch {
  n: number;
  /** The id of the node found, or null when there is none. */
  id: string | null;
  labels: string[];
  dataset: string | null;
}

/**
 * The nodes external entities stand for: by `ags` among the nodes of their label when given
 * (the official key outlives ids: a Land may be the seeds' `nrw` or the reference `land-05`),
 * else by id.
 */
export async function findExternals(db: Database, rows: ExternalRow[]): Promise<ExternalMatch[]> {
  return db.executeRead(async (tx) => {
    const out: ExternalMatch[] = [];
    const read = (records: { toObject(): unknown }[]) =>
      out.push(...records.map((r) => r.toObject() as ExternalMatch));
    const byId = rows.filter((r) => r.ags === undefined);
    if (byId.length > 0) {
      const result = await tx.run(
        `UNWIND $rows AS row
         OPTIONAL MATCH (e:Entity {id: row.id})
         RETURN row.n AS n, e.id AS id, coalesce(labels(e), []) AS labels, e.dataset AS dataset`,
        { rows: byId },
      );
      read(result.records);
    }
    for (const type of new Set(rows.filter((r) => r.ags !== undefined).map((r) => r.type))) {
      const result = await tx.run(
        `UNWIND $rows AS row
         OPTIONAL MATCH (e:${cypherName(type)} {ags: row.ags})
         RETURN row.n AS n, e.id AS id, coalesce(labels(e), []) AS labels, e.dataset AS dataset`,
        { rows: rows.filter((r) => r.ags !== undefined && r.type === type) },
      );
      read(result.records);
    }
    return out;
  });
}
