import { AppError, ErrorCode } from '../common/errors';
import type { Database } from '../db/database';
import { NODE_LABELS, RELATION_TYPE_NAMES } from '../model/model';
import { nodeProperties, relationProperties, seedAttestations } from './properties';
import {
  applySchema,
  countDataset,
  deleteStaleNodes,
  deleteStaleRelations,
  findConflicts,
  readDatasetDigest,
  readSchemaStatements,
  upsertNodes,
  upsertRelations,
  writeDatasetState,
  type Counts,
  type NodeRow,
  type RelationRow,
} from './seed.repository';
import { SeedValidationError, type SeedGraph } from './types';
import { seedDigest } from './digest';
import { validateSeedDir } from './validate';
import { basisCounts } from './support';

/** The dataset the project's own seed files make up; other imports use other names. */
export const SEED_DATASET = 'seed';
const BATCH = 1_000;

export interface ImportOptions {
  seedDir: string;
  documentsDir: string;
  dataset?: string;
  log?: (line: string) => void;
}

export interface ImportResult {
  counts: Counts;
  deletedNodes: number;
  deletedRelationships: number;
  keptNodes: string[];
}

/** The support check's tally, printed after every validation and import. */
export function formatBasisCounts(graph: SeedGraph): string {
  const counts = basisCounts(graph.nodes, graph.relations);
  return `basis of the facts: ${counts.STATED} stated, ${counts.INFERRED} inferred, ${counts.EDITORIAL} editorial`;
}

/** Validates the seed files without touching the database; throws SeedValidationError. */
export function checkSeeds(seedDir: string, documentsDir: string): SeedGraph {
  const { graph, problems } = validateSeedDir(seedDir, documentsDir);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return graph;
}

/** True when the dataset was last imported from exactly these seed files. */
export async function isImportCurrent(
  db: Database,
  seedDir: string,
  dataset = SEED_DATASET,
): Promise<boolean> {
  return (await readDatasetDigest(db, dataset)) === seedDigest(seedDir);
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/**
 * Validates everything, applies the schema, then writes the whole dataset in ONE transaction:
 * upsert nodes and relations by id, delete what the seeds no longer hold. A failure anywhere
 * rolls the transaction back, so the database is either fully updated or unchanged.
 */
export async function importSeeds(db: Database, options: ImportOptions): Promise<ImportResult> {
  const dataset = options.dataset ?? SEED_DATASET;
  const log = options.log ?? (() => undefined);
  const digest = seedDigest(options.seedDir);
  const graph = checkSeeds(options.seedDir, options.documentsDir);
  log(`validated ${graph.nodes.length} entities and ${graph.relations.length} relations`);
  log(formatBasisCounts(graph));

  await applySchema(db, readSchemaStatements());
  log('constraints and indexes in place');

  const total = graph.nodes.length + graph.relations.length;
  const showProgress = total > 5 * BATCH;
  let written = 0;
  const progress = (n: number) => {
    written += n;
    if (showProgress) log(`written ${written}/${total} (${Math.round((100 * written) / total)} %)`);
  };

  return db.executeWrite(async (tx) => {
    const conflicts = await findConflicts(
      tx,
      dataset,
      graph.nodes.map((n) => ({ id: n.id, type: n.type })),
    );
    if (conflicts.length > 0) {
      throw new AppError(
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

    const shownOn = seedAttestations(graph.relations);
    for (const type of NODE_LABELS) {
      const rows: NodeRow[] = graph.nodes
        .filter((n) => n.type === type)
        .map((n) => ({ id: n.id, props: nodeProperties(n, dataset, shownOn.get(n.id) ?? null) }));
      for (const batch of chunks(rows)) {
        await upsertNodes(tx, type, batch);
        progress(batch.length);
      }
    }
    for (const type of RELATION_TYPE_NAMES) {
      const rows: RelationRow[] = graph.relations
        .filter((r) => r.type === type)
        .map((r) => ({ id: r.id, from: r.from, to: r.to, props: relationProperties(r, dataset) }));
      for (const batch of chunks(rows)) {
        await upsertRelations(tx, type, batch);
        progress(batch.length);
      }
    }

    const deletedRelationships = await deleteStaleRelations(
      tx,
      dataset,
      graph.relations.map((r) => r.id),
    );
    const { deleted, kept } = await deleteStaleNodes(
      tx,
      dataset,
      graph.nodes.map((n) => n.id),
    );
    if (kept.length > 0) {
      log(
        `kept ${kept.length} node(s) no longer in the seeds because other data refers to them: ${kept.join(', ')}`,
      );
    }
    const counts = await countDataset(tx, dataset);
    await writeDatasetState(tx, dataset, digest, counts);
    return { counts, deletedNodes: deleted, deletedRelationships, keptNodes: kept };
  });
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
