import fs from 'node:fs';
import path from 'node:path';
import { writeNationalSeeds } from './national';
import { argValue, numberArg } from './sampling';

/**
 * Writes the national synthetic graph for any benchmark:
 *
 *   npm run bench:national-seeds -- --out /tmp/national [--scale 0.1] [--seed 1]
 *
 * creates `<out>/seeds` (NDJSON) and `<out>/documents` (the texts the quotes come from). Import
 * it beside the reference data, which holds the Länder and Kreise it refers to:
 *
 *   npm run reference
 *   SEED_DIR=<out>/seeds SEED_DOCUMENTS_DIR=<out>/documents node dist/bench/national-import.js --dataset national
 */
const USAGE =
  'usage: node dist/bench/national-seeds.js --out <dir> [--scale <factor>] [--seed <n>]';

const out = argValue('--out');
const scale = numberArg('--scale', 1);
const seed = numberArg('--seed', 1);
if (!out || !(scale > 0) || !Number.isInteger(seed)) {
  console.error(USAGE);
  process.exit(2);
}
const seedDir = path.resolve(out, 'seeds');
const documentsDir = path.resolve(out, 'documents');
for (const dir of [seedDir, documentsDir]) fs.rmSync(dir, { recursive: true, force: true });
const started = Date.now();
const stats = writeNationalSeeds(seedDir, documentsDir, { seed, scale });
console.log(
  JSON.stringify({ seedDir, documentsDir, seed, scale, ...stats, ms: Date.now() - started }),
);
