import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db/database';
import { importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { testDatabase } from './db';

/**
 * Imports a small dataset beside whatever else is stored, through the importer, so that its
 * dates and validity are stored as for real data: `seeds` and `documents` by file name (a name
 * may hold a folder, e.g. the project's own documents). The files live only for the import. The
 * returned function removes the dataset again.
 */
export async function importDataset(
  db: Database,
  dataset: string,
  seeds: Record<string, string>,
  documents: Record<string, string>,
): Promise<() => Promise<void>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `kg-${dataset}-`));
  const seedDir = path.join(root, 'seeds');
  const documentsDir = path.join(root, 'documents');
  const write = (dir: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  };
  fs.mkdirSync(seedDir);
  fs.mkdirSync(documentsDir);
  write(seedDir, seeds);
  write(documentsDir, documents);
  try {
    await importSeeds(db, { seedDir, documentsDir, dataset });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return () => deleteDataset(db, dataset);
}

/**
 * A test file's own dataset: imported before its tests and removed after them, on a connection
 * of its own (returned, for the file's checks in Cypher) that is closed afterwards.
 */
export function datasetForTests(
  dataset: string,
  seeds: Record<string, string>,
  documents: Record<string, string>,
): Database {
  const db = testDatabase();
  let remove: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    remove = await importDataset(db, dataset, seeds, documents);
  });
  afterAll(async () => {
    await remove?.();
    await db.close();
  });
  return db;
}
