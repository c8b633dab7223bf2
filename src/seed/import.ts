import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../common/errors';
import type { Database } from '../db/database';
import { curatedIds } from '../modules/curation/seed-policy';
import { REFERENCE_DATASET } from '../reference/dataset';
import { seedDigest } from './digest';
import { nodeProperties, relationProperties, withImportHash } from './properties';
import {
  applySchema,
  readDatasetDigest,
  readSchemaStatements,
  type Conflict,
  type Counts,
} from './seed.repository';
import type { SeedIndex } from './seed-index';
import { Stager, type StageTally } from './stager';
import {
  claimStaging,
  clearStaging,
  findExternals,
  findStale,
  missingEntities,
  stagingOwner,
  switchDataset,
} from './staging.repository';
import { SeedValidationError, type Basis, type SeedGraph, type SeedProblem } from './types';
import { SeedScan, validateSeedDir } from './validate';

export { seedDigest } from './digest';

/** The dataset the project's own seed files make up; other imports use other names. */
export const SEED_DATASET = 'seed';
/** Rows per staging transaction: large enough to keep round trips few, small enough to stay light. */
const BATCH = 10_000;

export interface ImportOptions {
  seedDir: string;
  documentsDir: string;
  dataset?: string;
  log?: (line: string) => void;
  /** Rows per staging transaction, of every label and type together (default 10,000). */
  batchSize?: number;
  /**
   * Test hook: called after each batch is committed to the staging area. A throw aborts the
   * import there, as any failure would: the previous version of the dataset stays as it was.
   */
  afterBatch?: (batches: number) => Promise<void> | void;
  /**
   * Datasets whose nodes this import takes over where it states the same unique key (default:
   * the reference data, so importing it before the seeds does not block them).
   */
  takeOverFrom?: string[];
}

export interface ImportResult {
  counts: Counts;
  deletedNodes: number;
  deletedRelationships: number;
  keptNodes: string[];
  /** New, changed and unchanged elements: what the switch applied. */
  tally: StageTally;
  /** Nodes of other datasets taken over for a key the seeds state ("old id → new id"). */
  takenOver: string[];
}

/** What a validation found, without the entries themselves. */
export interface SeedSummary {
  entities: number;
  relations: number;
  /** Entities of other datasets the relations end at. */
  externals: number;
  basis: Record<Basis, number>;
}

/** The support check's tally, printed after every validation and import. */
export function formatBasisCounts(basis: Record<Basis, number>): string {
  return `basis of the facts: ${basis.STATED} stated, ${basis.INFERRED} inferred, ${basis.EDITORIAL} editorial`;
}

/** Validates the seed files into a graph held in memory (small seed sets); throws SeedValidationError. */
export function checkSeeds(seedDir: string, documentsDir: string): SeedGraph {
  const { graph, problems } = validateSeedDir(seedDir, documentsDir);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return graph;
}

/**
 * Validates the seed files of any size without the database (external entities are not looked
 * up) and without keeping the entries; throws SeedValidationError.
 */
export function validateSeeds(seedDir: string, documentsDir: string): SeedSummary {
  const scan = SeedScan.ofDir(seedDir, documentsDir);
  const externals = scan.index().externals().length;
  for (const entry of scan.entries()) void entry;
  scan.finish();
  if (scan.problems.length > 0) throw new SeedValidationError(scan.problems);
  const { entities, relations, basis } = scan.checker;
  return { entities, relations, externals, basis: { ...basis } };
}

/** True when the dataset was last imported from exactly these seed files. */
export async function isImportCurrent(
  db: Database,
  seedDir: string,
  dataset = SEED_DATASET,
): Promise<boolean> {
  return (await readDatasetDigest(db, dataset)) === seedDigest(seedDir);
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports a seed directory (YAML and NDJSON) as one dataset, streamed and atomic:
 *
 * 1. pass 1 indexes every file (ids, labels, names, documents, attestations);
 * 2. the schema is applied, a staging area a failed import left is cleared, this import claims it;
 * 3. pass 2 reads the files again and checks each entry against every rule while it writes the
 *    changes — and only the changes (content hash) — into the staging area, chunk by chunk; a
 *    node of the reference data with a unique key the seeds state is staged to be taken over,
 *    and what curation owns is left alone (see seed-policy.ts);
 * 4. on any problem nothing is switched and the staging area is cleared; otherwise ONE
 *    transaction switches the staged changes live and deletes what the seeds no longer hold.
 *
 * The previous version of the dataset stays live and unchanged until that transaction commits,
 * whatever fails before (README "Importing at scale").
 */
export async function importSeeds(db: Database, options: ImportOptions): Promise<ImportResult> {
  const dataset = options.dataset ?? SEED_DATASET;
  const log = options.log ?? (() => undefined);
  const digest = seedDigest(options.seedDir);
  const scan = SeedScan.ofDir(options.seedDir, options.documentsDir);
  const index = scan.index();
  log(`indexed ${index.size} entities in ${scan.files.paths.length} seed file(s)`);
  if (scan.problems.length > 0) throw invalid(scan);

  await applySchema(db, readSchemaStatements());
  log('constraints and indexes in place');
  const leftover = await clearStaging(db, dataset);
  if (leftover > 0) log(`removed ${leftover} staged element(s) an unfinished import left`);
  const importId = randomUUID();
  await claimStaging(db, dataset, importId);

  try {
    const externals = await resolveExternals(db, dataset, index, scan.problems);
    // Curation owns what it touched: the seed files' version of those elements is left alone,
    // and a relation is not written to an entity curation withdrew.
    const curated = await db.executeRead((tx) => curatedIds(tx));
    const withdrawn = await missingEntities(db, [...curated.entities]);
    const leftNodes: string[] = [];
    const leftRelations: string[] = [];
    // A dataset imported before is compared by id and hash first (most rows are unchanged);
    // into a new one every row is sent whole at once. Either way the staging queries decide.
    const compare = (await readDatasetDigest(db, dataset)) !== null;
    const stager = new Stager(db, dataset, index, {
      batchSize: options.batchSize ?? BATCH,
      compare,
      afterBatch: options.afterBatch,
      progress: index.size > 10_000 ? log : undefined,
      takeOverFrom: options.takeOverFrom ?? [REFERENCE_DATASET],
    });
    // Once a problem is known nothing more is written; the rest is still checked, so that one
    // run reports every problem.
    const writing = () => scan.problems.length === 0;
    const endpoint = (id: string) => {
      const n = index.numberOf(id);
      return (n !== undefined && externals.get(n)) || id;
    };
    let read = 0;
    for (const { node, relation } of scan.entries()) {
      if (++read % 500 === 0) await nextTick();
      if (!writing()) continue;
      if (relation && curated.relations.has(relation.id)) {
        leftRelations.push(relation.id);
      } else if (relation) {
        const [from, to] = [endpoint(relation.from), endpoint(relation.to)];
        if (withdrawn.has(from) || withdrawn.has(to)) continue;
        await stager.addRelation(relation.type, {
          id: relation.id,
          from,
          to,
          props: withImportHash(relation.type, relationProperties(relation, dataset), [from, to]),
        });
      } else if (node.external) {
        continue;
      } else if (curated.entities.has(node.id)) {
        leftNodes.push(node.id);
      } else {
        const props = nodeProperties(node, dataset, index.attested.get(node.id) ?? null);
        await stager.addNode(node.type, {
          n: index.numberOf(node.id)!,
          id: node.id,
          props: withImportHash(node.type, props),
        });
      }
    }
    await (writing() ? stager.flush() : stager.drain());
    scan.finish();
    if (scan.problems.length > 0) throw invalid(scan);
    if (stager.conflicts.length > 0) throw conflictError(stager.conflicts);

    const { checker } = scan;
    log(`validated ${checker.entities} entities and ${checker.relations} relations`);
    log(formatBasisCounts(checker.basis));
    const left = [...leftNodes, ...leftRelations];
    if (left.length > 0) {
      log(`left ${left.length} curated element(s) alone (curation owns them): ${left.join(', ')}`);
    }
    if (stager.takenOver.length > 0) {
      log(
        `took over ${stager.takenOver.length} node(s) another dataset had made for keys the seeds state: ${stager.takenOver.join(', ')} (run npm run reference again to place the seed cities in their Kreise)`,
      );
    }
    const { nodes, relations } = stager.tally;
    log(
      `staged: nodes ${nodes.new} new, ${nodes.changed} changed, ${nodes.unchanged} unchanged; ` +
        `relationships ${relations.new} new, ${relations.changed} changed, ${relations.unchanged} unchanged`,
    );
    log('looking for what the seeds no longer hold');
    const stale = await findStale(
      db,
      dataset,
      (id) => {
        const n = index.numberOf(id);
        return n !== undefined && !index.isExternal(n);
      },
      (id) => checker.hasRelation(id),
    );
    const result = await switchDataset(db, {
      dataset,
      importId,
      digest,
      staged: stager.totals,
      staleNodes: stale.nodes,
      staleRelations: stale.relations,
      log: index.size > 10_000 ? log : undefined,
    });
    log('switched');
    if (result.keptNodes.length > 0) {
      log(
        `kept ${result.keptNodes.length} node(s) no longer in the seeds because other data refers to them: ${result.keptNodes.join(', ')}`,
      );
    }
    return { ...result, tally: stager.tally, takenOver: [...stager.takenOver].sort() };
  } catch (error) {
    // Leave nothing behind, unless another import of the dataset has taken the area over.
    const owner = await stagingOwner(db, dataset).catch(() => null);
    if (owner === importId) await clearStaging(db, dataset).catch(() => undefined);
    throw error;
  }
}

/** Reads the rest of the files for the other passes' problems, then reports them all. */
function invalid(scan: SeedScan): SeedValidationError {
  if (!scan.checker.finished) {
    for (const entry of scan.entries()) void entry;
    scan.finish();
  }
  return new SeedValidationError(scan.problems);
}

function conflictError(conflicts: Conflict[]): AppError {
  return new AppError(
    ErrorCode.SEED_INVALID,
    `ids already used by other data; nothing was written:\n` +
      conflicts
        .map(
          (c) =>
            `  ${c.id}: existing node ${c.labels.join(':')} of dataset "${c.dataset ?? 'none'}"`,
        )
        .join('\n'),
  );
}

/**
 * The database ids of the external entities (entity number → id); one that is missing, has
 * another label or belongs to this dataset is a problem at its entry.
 */
async function resolveExternals(
  db: Database,
  dataset: string,
  index: SeedIndex,
  problems: SeedProblem[],
): Promise<Map<number, string>> {
  const rows = index.externals();
  const resolved = new Map<number, string>();
  if (rows.length === 0) return resolved;
  const byNumber = new Map(rows.map((r) => [r.n, r]));
  for (const match of await findExternals(db, rows)) {
    const row = byNumber.get(match.n)!;
    const at = index.locationOf(match.n);
    const how = row.ags === undefined ? `id "${row.id}"` : `ags "${row.ags}"`;
    const problem = (message: string) =>
      problems.push({ file: at.file, line: at.line, entry: at.entry, message });
    if (match.id === null) {
      problem(
        `external ${row.type} with ${how} is not in the database; import the dataset that holds it first`,
      );
    } else if (!match.labels.includes(row.type)) {
      problem(`external ${row.type} with ${how} is a ${match.labels.join(':')} in the database`);
    } else if (match.dataset === dataset) {
      problem(
        `external ${row.type} with ${how} belongs to this dataset ("${dataset}"); an external entity is another dataset's`,
      );
    } else {
      resolved.set(match.n, match.id);
    }
  }
  return resolved;
}

export function formatCounts(counts: Counts): string {
  const section = (title: string, entries: Record<string, number>) => {
    const rows = Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));
    const width = Math.max(...rows.map(([k]) => k.length), 5);
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    return [
      `${title} (${total})`,
      ...rows.map(([k, n]) => `  ${k.padEnd(width)} ${String(n).padStart(5)}`),
    ].join('\n');
  };
  return `${section('nodes by label', counts.nodes)}\n${section('relationships by type', counts.relationships)}`;
}
