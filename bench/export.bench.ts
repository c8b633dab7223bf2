import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/database';
import {
  exportCsvDir,
  exportGraphJsonLd,
  type Progress,
} from '../src/modules/export/export.writer';
import { importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { writeSyntheticSeeds } from './synthetic';
import { argValue } from './sampling';

/**
 * Export throughput on synthetic graphs: rows (entities + relationships) per second and peak RSS
 * of the exporting process, for the CSV files and the whole-graph JSON-LD, written to a temp
 * directory. Each export runs in a fresh child process, so its peak RSS is the export's own and
 * not the importer's (which holds the parsed seed YAML); an "idle" child that only connects gives
 * the baseline; a last run per format caps the V8 heap to show that memory does not grow with
 * the graph. The synthetic data is imported under its own dataset and deleted afterwards.
 * Usage: node dist/bench/export.bench.js [--cities 2000] [--runs 2]
 *        node dist/bench/export.bench.js --graph national [--runs 1]
 * `--graph national` exports the whole graph already in the database (the national graph that
 * bench/national.bench.ts imported, which runs this) as CSV, imports nothing and deletes nothing.
 */

interface WorkerResult {
  rows: number;
  ms: number;
  bytes: number;
  maxRssMb: number;
  /** Largest V8 heap in use, sampled after every batch. */
  maxHeapMb: number;
}

const WORKER_FLAG = '--worker';

/** In the child: one export (or none, for the baseline), then its measurements as JSON. */
async function worker(kind: string, out: string): Promise<void> {
  const db = createDatabase(loadConfig().neo4j);
  try {
    await db.verify();
    let maxHeap = process.memoryUsage().heapUsed;
    const sampler: Progress = {
      start: () => undefined,
      advance: () => {
        maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
      },
    };
    const start = process.hrtime.bigint();
    let rows = 0;
    if (kind === 'csv') {
      rows = (await exportCsvDir(db, out, sampler)).reduce((sum, f) => sum + f.rows, 0);
    } else if (kind === 'jsonld') {
      rows = (await exportGraphJsonLd(db, path.join(out, 'graph.jsonld'), sampler)).rows;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const bytes = fs.existsSync(out)
      ? fs.readdirSync(out).reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0)
      : 0;
    const result: WorkerResult = {
      rows,
      ms,
      bytes,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      maxHeapMb: maxHeap / 1024 / 1024,
    };
    console.log(JSON.stringify(result));
  } finally {
    await db.close();
  }
}

/**
 * A V8 heap cap far below what the whole graph would take as objects: an export that held it
 * all would die at this size; a streaming one finishes.
 */
const CAPPED_HEAP_MB = 48;

function runWorker(kind: string, heapMb?: number): WorkerResult {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `kg-export-${kind}-`));
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  try {
    const child = spawnSync(process.execPath, [...flags, __filename, WORKER_FLAG, kind, out], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`the ${kind} export failed (exit ${child.status})`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerResult;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function argument(name: string): number | undefined {
  const value = argValue(name);
  return value === undefined ? undefined : Number(value);
}

function printRow(
  graph: string,
  kind: string,
  heapMb: number | undefined,
  results: WorkerResult[],
): void {
  const cell = (f: (r: WorkerResult) => string) => results.map(f).join(' / ');
  const format = heapMb ? `${kind}, heap capped at ${heapMb} MB` : kind;
  console.log(
    `| ${graph} | ${format} | ${results[0]!.rows} | ${cell((r) => (r.bytes / 1e6).toFixed(1))} | ${cell((r) => r.ms.toFixed(0))} | ${cell((r) => Math.round(r.rows / (r.ms / 1000)).toString())} | ${cell((r) => r.maxRssMb.toFixed(0))} | ${cell((r) => r.maxHeapMb.toFixed(0))} |`,
  );
}

async function main(): Promise<void> {
  const sizes = argument('--cities') !== undefined ? [argument('--cities')!] : [200, 2000];
  const runs = argument('--runs') ?? 2;
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    console.log(
      `Neo4j at ${config.neo4j.uri}; ${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}`,
    );
    const idle = runWorker('idle');
    console.log(
      `baseline: a process that only connects peaks at ${idle.maxRssMb.toFixed(0)} MB RSS`,
    );
    console.log(
      '| graph | format | rows | MB written | ms | rows/s | peak RSS MB | peak heap MB |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    if (process.argv.includes('--graph')) {
      if (process.argv[process.argv.indexOf('--graph') + 1] !== 'national') {
        throw new Error('--graph takes "national"');
      }
      for (const heapMb of [undefined, CAPPED_HEAP_MB]) {
        const results = Array.from({ length: heapMb ? 1 : runs }, () => runWorker('csv', heapMb));
        printRow('national graph (whole database)', 'csv', heapMb, results);
      }
      return;
    }
    for (const cities of sizes) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-export-'));
      const dataset = `bench-export-synthetic-${cities}`;
      try {
        writeSyntheticSeeds(path.join(root, 'seeds'), path.join(root, 'documents'), { cities });
        await importSeeds(db, {
          seedDir: path.join(root, 'seeds'),
          documentsDir: path.join(root, 'documents'),
          dataset,
        });
        for (const [kind, heapMb] of [
          ['csv', undefined],
          ['jsonld', undefined],
          ['csv', CAPPED_HEAP_MB],
          ['jsonld', CAPPED_HEAP_MB],
        ] as const) {
          const results = Array.from({ length: heapMb ? 1 : runs }, () => runWorker(kind, heapMb));
          printRow(`synthetic, ${cities} cities`, kind, heapMb, results);
        }
      } finally {
        await deleteDataset(db, dataset);
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  } finally {
    await db.close();
  }
}

const workerAt = process.argv.indexOf(WORKER_FLAG);
const run =
  workerAt > 0 ? worker(process.argv[workerAt + 1]!, process.argv[workerAt + 2]!) : main();
run.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
