import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/database';
import { importSeeds } from '../src/seed/import';

/**
 * One import of SEED_DIR (with SEED_DOCUMENTS_DIR) as a dataset, in a process of its own so that
 * its peak memory is the importer's alone; prints one JSON line with the time, the importer's
 * peak RSS, the counts and what was staged. Used by bench/national.bench.ts; by hand:
 *
 *   SEED_DIR=/tmp/national/seeds SEED_DOCUMENTS_DIR=/tmp/national/documents \
 *     node dist/bench/national-import.js --dataset national [--quiet] [--batch-size 2500]
 *
 * (src/seed/import-atomic.int.test.ts also runs it, to kill an import midway.)
 */
async function main(): Promise<void> {
  const i = process.argv.indexOf('--dataset');
  const dataset = i > 0 ? process.argv[i + 1] : undefined;
  if (!dataset) throw new Error('usage: node dist/bench/national-import.js --dataset <name>');
  const quiet = process.argv.includes('--quiet');
  const b = process.argv.indexOf('--batch-size');
  const batchSize = b > 0 ? Number(process.argv[b + 1]) : undefined;
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    const started = process.hrtime.bigint();
    const result = await importSeeds(db, {
      ...config.seed,
      dataset,
      ...(batchSize ? { batchSize } : {}),
      log: (line) => {
        if (!quiet) console.error(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);
      },
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const sum = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        dataset,
        ms: Math.round(ms),
        peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1024 / 1024),
        nodes: sum(result.counts.nodes),
        relationships: sum(result.counts.relationships),
        tally: result.tally,
        deleted: result.deletedNodes + result.deletedRelationships,
      }),
    );
  } finally {
    await db.close();
  }
}

const t0 = Date.now();
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
