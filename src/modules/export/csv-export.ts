import type { Database } from '../../db/database';
import { csvRow } from './csv';
import { nodeCells, nodeColumns, relationCells, relationColumns } from './csv-columns';
import type { CsvFile } from './export-files';
import { nodeFileStats, relationFileStats, type FileStats } from './export.repository';
import { EXPORT_BATCH, nodesOf, relationsOf } from './batches';

export interface StreamOptions {
  batchSize?: number;
  /** Called after each batch with the number of data rows it held. */
  onRows?: (rows: number) => void;
}

/** Row count and the widest citation list of a file: read before its header is written. */
export function csvFileStats(db: Database, file: CsvFile): Promise<FileStats> {
  return file.kind === 'entity' ? nodeFileStats(db, file.label) : relationFileStats(db, file.type);
}

/**
 * One CSV file as text chunks: the header, then one chunk per keyset page. Consumed through a
 * Node stream (`Readable.from`), a page is only read once the previous one has been written, so
 * memory stays at one page however large the graph.
 */
export async function* csvChunks(
  db: Database,
  file: CsvFile,
  stats: FileStats,
  options: StreamOptions = {},
): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  const { maxSources } = stats;
  if (file.kind === 'entity') {
    yield csvRow(nodeColumns(file.label, maxSources));
    for await (const batch of nodesOf(db, file.label, batchSize)) {
      yield batch.map((n) => csvRow(nodeCells(n, maxSources))).join('');
      options.onRows?.(batch.length);
    }
  } else {
    yield csvRow(relationColumns(file.type, maxSources));
    for await (const batch of relationsOf(db, file.type, batchSize)) {
      yield batch.map((r) => csvRow(relationCells(r, maxSources))).join('');
      options.onRows?.(batch.length);
    }
  }
}
