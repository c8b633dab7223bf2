import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/database';
import { checkSeeds, importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { writeSyntheticSeeds } from './synthetic';

/**
 * Seed validation and import speed on the project seeds and on synthetic seed sets, against the
 * database NEO4J_URI names. The synthetic data lives in its own dataset and is removed afterwards.
 * Usage: npm run bench [-- --cities 2000]
 */
async function time<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const argIndex = process.argv.indexOf('--cities');
  const sizes = argIndex > 0 ? [Number(process.argv[argIndex + 1])] : [200, 2000];
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  const rows: string[] = [];
  const record = (
    name: string,
    elements: number,
    validateMs: number,
    firstMs: number,
    repeatMs: number,
  ) => {
    const line = `| ${name} | ${elements} | ${validateMs.toFixed(0)} | ${firstMs.toFixed(0)} | ${repeatMs.toFixed(0)} | ${Math.round(elements / (firstMs / 1000))} |`;
    rows.push(line);
    console.log(line);
  };
  try {
    await db.verify();
    console.log(
      `Neo4j at ${config.neo4j.uri}; ${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}`,
    );
    console.log(
      '| seed set | elements | validate ms | import ms (first) | import ms (repeat) | elements/s |',
    );
    console.log('| --- | --- | --- | --- | --- | --- |');

    const [graph, validateMs] = await time(() =>
      checkSeeds(config.seed.seedDir, config.seed.documentsDir),
    );
    const [, firstMs] = await time(() => importSeeds(db, { ...config.seed, dataset: 'seed' }));
    const [, repeatMs] = await time(() => importSeeds(db, { ...config.seed, dataset: 'seed' }));
    record(
      'project seeds',
      graph.nodes.length + graph.relations.length,
      validateMs,
      firstMs,
      repeatMs,
    );

    for (const cities of sizes) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
      const seedDir = path.join(root, 'seeds');
      const documentsDir = path.join(root, 'documents');
      const synthDataset = `bench-synthetic-${cities}`;
      try {
        const elements = writeSyntheticSeeds(seedDir, documentsDir, { cities });
        const [, v] = await time(() => checkSeeds(seedDir, documentsDir));
        const options = { seedDir, documentsDir, dataset: synthDataset };
        const [, first] = await time(() => importSeeds(db, options));
        const [, repeat] = await time(() => importSeeds(db, options));
        record(`synthetic, ${cities} cities`, elements, v, first, repeat);
      } finally {
        await deleteDataset(db, synthDataset);
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
    console.log(`peak RSS of the importer process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
