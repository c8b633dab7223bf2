import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/database';
import { NODE_LABELS, RELATION_TYPE_NAMES } from '../../model/model';
import { csvChunks, csvFileStats } from './csv-export';
import { CSV_FILES } from './export-files';
import { nodeFileStats, relationFileStats } from './export.repository';
import { cityJsonLd, graphJsonLdChunks } from './jsonld-export';

/** Exports to files, for the command line and the bench. */

export interface Progress {
  /** Rows the export will write, known before the first one. */
  start(total: number): void;
  /** `rows` more written, now in `file`. */
  advance(rows: number, file: string): void;
}

export interface WrittenFile {
  file: string;
  rows: number;
}

/**
 * Writes to `<file>.<pid>.partial` and renames when complete, so an interrupted export never
 * leaves a file that looks whole, and two exports to one place do not write into each other.
 */
async function writeAtomically(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    await pipeline(Readable.from(chunks), fs.createWriteStream(partial));
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** One CSV file per entity label and relationship type into `dir`. */
export async function exportCsvDir(
  db: Database,
  dir: string,
  progress?: Progress,
): Promise<WrittenFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const plan = [];
  for (const file of CSV_FILES) plan.push({ file, stats: await csvFileStats(db, file) });
  progress?.start(plan.reduce((sum, p) => sum + p.stats.rows, 0));
  const written: WrittenFile[] = [];
  for (const { file, stats } of plan) {
    let rows = 0;
    await writeAtomically(
      path.join(dir, file.name),
      csvChunks(db, file, stats, {
        onRows: (n) => {
          rows += n;
          progress?.advance(n, file.name);
        },
      }),
    );
    written.push({ file: path.join(dir, file.name), rows });
  }
  return written;
}

/** The whole graph as one JSON-LD file; `rows` counts entities and relationships. */
export async function exportGraphJsonLd(
  db: Database,
  file: string,
  progress?: Progress,
): Promise<WrittenFile> {
  let total = 0;
  for (const label of NODE_LABELS) total += (await nodeFileStats(db, label)).rows;
  for (const type of RELATION_TYPE_NAMES) total += (await relationFileStats(db, type)).rows;
  progress?.start(total);
  let rows = 0;
  await writeAtomically(
    file,
    graphJsonLdChunks(db, {
      onRows: (n) => {
        rows += n;
        progress?.advance(n, path.basename(file));
      },
    }),
  );
  return { file, rows };
}

/** One city's subgraph as a JSON-LD file. */
export async function exportCityJsonLd(
  db: Database,
  cityKey: string,
  file: string,
): Promise<WrittenFile> {
  const text = await cityJsonLd(db, cityKey);
  await writeAtomically(file, Readable.from([text]));
  const parsed = JSON.parse(text) as { '@graph': unknown[] };
  return { file, rows: parsed['@graph'].length };
}
