import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createDatabase, type Database } from '../src/db/database';
import { importReference, REFERENCE_DATASET } from '../src/reference/import';
import { readDatasetStates, removeDataset } from '../src/seed/seed.repository';
import type { NationalStats } from './national';
import { measureWriteFloor } from './write-floor';
import { numberArg } from './sampling';

/**
 * The national import bench: generates the national graph (bench/national.ts; `--scale`,
 * `--seed`), imports it twice — first into an empty dataset, then again unchanged — each time in
 * a process of its own, and records elements, seconds, elements/s, the importer's peak RSS, the
 * largest heap a transaction held meanwhile (`SHOW TRANSACTIONS`, sampled every 250 ms: the
 * switch) and the load average. Then, on the imported national graph, the API bench's questions
 * (bench/api.bench.ts `--graph national`: mission, city profile, nested filter, paged walk,
 * node(id:), stats, compareCities of 50 cities, search, paths, as-of) and the whole-graph CSV
 * export with the exporter's peak RSS (bench/export.bench.ts `--graph national`), each in a
 * process of its own. The reference dataset (the Länder and Kreise the graph is in) is imported
 * first if the database lacks it, and removed again afterwards in that case; the national dataset
 * is removed afterwards unless `--keep`.
 *
 *   npm run bench -- national [--scale 0.1] [--seed 1] [--import-only] [--keep] [--no-floor]
 *   npm run bench -- --no-national          (all other benches)
 */
const DATASET = 'bench-national';

interface ImportRun {
  ms: number;
  peakRssMb: number;
  nodes: number;
  relationships: number;
  tally: {
    nodes: { new: number; changed: number; unchanged: number };
    relations: { new: number; changed: number; unchanged: number };
  };
}

/**
 * The importer's V8 heap limit. Its live set at national scale is the seed index and one batch
 * (about 200 MB); without a limit V8 keeps far more than it needs (574–719 MB RSS measured).
 */
const IMPORTER_FLAGS = ['--max-old-space-size=256'];

function runNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  output: 'capture' | 'show' = 'capture',
  flags: string[] = [],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, path.join(__dirname, script), ...args], {
      env,
      stdio: ['ignore', output === 'capture' ? 'pipe' : 'inherit', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

/** The largest heap any transaction reported while `work` ran (sampled). */
async function peakTransactionMemory<T>(db: Database, work: Promise<T>): Promise<[T, number]> {
  let peak = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      try {
        const bytes = await db.executeRead(async (tx) => {
          const result = await tx.run(
            'SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory RETURN max(estimatedUsedHeapMemory) AS bytes',
          );
          return (result.records[0]?.get('bytes') as number | null) ?? 0;
        });
        peak = Math.max(peak, bytes);
      } catch {
        // A sample that fails (a busy database) is skipped.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    return [await work, peak];
  } finally {
    done = true;
    await sampler;
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

async function main(): Promise<void> {
  const scale = numberArg('--scale', 1);
  const seed = numberArg('--seed', 1);
  const keep = process.argv.includes('--keep');
  const importOnly = process.argv.includes('--import-only');
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-national-'));
  let ownReference = false;
  try {
    await db.verify();
    console.log(
      `Neo4j at ${config.neo4j.uri}; ${os.cpus().length} × ${os.cpus()[0]?.model}; ` +
        `${mb(os.totalmem())} MB RAM; Node ${process.version}; load average ${load()}`,
    );
    const datasets = await readDatasetStates(db);
    if (!datasets.some((d) => d.name === REFERENCE_DATASET)) {
      ownReference = true;
      await importReference(db);
      console.log('imported the reference dataset (removed again at the end)');
    }

    const started = Date.now();
    const generated = JSON.parse(
      await runNode(
        'national-seeds.js',
        ['--out', root, '--scale', String(scale), '--seed', String(seed)],
        process.env,
      ),
    ) as NationalStats;
    const generateMs = Date.now() - started;
    console.log(
      `generated scale ${scale}, seed ${seed} in ${(generateMs / 1000).toFixed(1)} s: ` +
        `${generated.municipalities} municipalities, ${generated.units} units, ${generated.people} people, ` +
        `${generated.programmes} programmes, ${generated.participations} participations, ` +
        `${generated.documents} documents; ${generated.elements} elements in ${generated.files} files`,
    );

    if (!process.argv.includes('--no-floor')) {
      const floor = await measureWriteFloor(db);
      const nodesPerS = floor.nodes / (floor.nodeMs / 1000);
      const relsPerS = floor.relationships / (floor.relationshipMs / 1000);
      const seconds = generated.entities / nodesPerS + generated.relations / relsPerS;
      console.log(
        `write floor (plain UNWIND CREATE in batches of 10,000, nothing read or checked, no switch): ` +
          `${floor.nodes} nodes in ${floor.nodeMs} ms (${Math.round(nodesPerS)}/s), ` +
          `${floor.relationships} relationships in ${floor.relationshipMs} ms (${Math.round(relsPerS)}/s); ` +
          `at these rates the graph's ${generated.entities} nodes and ${generated.relations} relationships ` +
          `take ${seconds.toFixed(1)} s`,
      );
    }

    const env = {
      ...process.env,
      SEED_DIR: path.join(root, 'seeds'),
      SEED_DOCUMENTS_DIR: path.join(root, 'documents'),
    };
    const rows: string[] = [];
    for (const run of ['first', 'repeat']) {
      const loadBefore = load();
      const [out, txPeak] = await peakTransactionMemory(
        db,
        runNode(
          'national-import.js',
          ['--dataset', DATASET, '--quiet'],
          env,
          'capture',
          IMPORTER_FLAGS,
        ),
      );
      const result = JSON.parse(out) as ImportRun;
      const seconds = result.ms / 1000;
      const row =
        `| ${run} | ${generated.elements} | ${seconds.toFixed(1)} | ` +
        `${Math.round(generated.elements / seconds)} | ${result.peakRssMb} | ${mb(txPeak)} | ` +
        `${result.tally.nodes.new + result.tally.relations.new} / ` +
        `${result.tally.nodes.changed + result.tally.relations.changed} / ` +
        `${result.tally.nodes.unchanged + result.tally.relations.unchanged} | ${loadBefore} → ${load()} |`;
      rows.push(row);
      console.log(row);
    }
    console.log(
      '\n| import | elements | seconds | elements/s | importer peak RSS (MB) | largest transaction heap (MB) | new / changed / unchanged | load average (1/5/15 min) before → after |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);

    if (!importOnly) {
      console.log(`\n# API questions on the national graph (load average ${load()})`);
      await runNode(
        'api.bench.js',
        ['--graph', 'national', '--dataset', DATASET, '--no-peer'],
        process.env,
        'show',
      );
      console.log(`\n# Whole-graph CSV export (load average ${load()})`);
      await runNode('export.bench.js', ['--graph', 'national', '--runs', '1'], process.env, 'show');
      console.log(`load average after: ${load()}`);
    }
  } finally {
    if (keep) {
      console.log(`kept the dataset ${DATASET}${ownReference ? ' and the reference dataset' : ''}`);
    } else {
      await removeDataset(db, DATASET).catch(() => undefined);
      if (ownReference) await removeDataset(db, REFERENCE_DATASET).catch(() => undefined);
    }
    fs.rmSync(root, { recursive: true, force: true });
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
