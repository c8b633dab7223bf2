import type { Database } from '../../db/database';
import type { NodeLabel, RelationType } from '../../model/model';
import {
  nodeBatch,
  relationBatch,
  type ExportNode,
  type ExportRelation,
} from './export.repository';

/** Rows per keyset page: large enough to amortise a round trip, small enough to stay flat. */
export const EXPORT_BATCH = 1_000;

/** Every node of a label, a page at a time in key order; only one page is held at once. */
export async function* nodesOf(
  db: Database,
  label: NodeLabel,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportNode[]> {
  let after = '';
  for (;;) {
    const batch = await nodeBatch(db, label, after, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.key;
  }
}

/** Every relationship of a type, a page at a time in id order. */
export async function* relationsOf(
  db: Database,
  type: RelationType,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportRelation[]> {
  let after = '';
  for (;;) {
    const batch = await relationBatch(db, type, after, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.id;
  }
}
