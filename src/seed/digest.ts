import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { seedFilePaths } from './load';
import { readSchemaStatements } from './seed.repository';

/**
 * Version of what the importer derives from the seeds (date bounds, validity, content hashes); a
 * change makes `npm start` re-import even though the seed files are the same.
 */
const STORED_FORMAT = 5;
const CHUNK_BYTES = 1 << 20;

/**
 * A digest of the seed files (YAML and NDJSON, read in chunks, so any size) and the schema:
 * equal digests mean an import would change nothing.
 */
export function seedDigest(seedDir: string): string {
  const hash = createHash('sha256');
  hash.update(`format ${STORED_FORMAT}\0`);
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (const full of seedFilePaths(seedDir)) {
    hash.update(path.basename(full)).update('\0');
    const fd = fs.openSync(full, 'r');
    try {
      for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
        hash.update(buffer.subarray(0, read));
      }
    } finally {
      fs.closeSync(fd);
    }
    hash.update('\0');
  }
  hash.update('schema.cypher').update('\0').update(readSchemaStatements().join(';\n')).update('\0');
  return hash.digest('hex');
}
