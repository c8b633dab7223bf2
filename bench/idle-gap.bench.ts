import '../src/cli/production-env';
import { fork } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { loadConfig } from '../src/config';
import { createDatabase, type Database } from '../src/db/database';

/**
 * What a moment of idleness costs the next small request on this machine, for reading the API
 * bench's p50 columns. The floor there runs its statements back to back from one process; an
 * HTTP API's statement comes after the request has crossed to the server, while the sender and
 * Neo4j wait. Measured here, sequentially: p50 of 1,000, the median of three rounds:
 *
 * 1. one small statement (`RETURN 1`, and an index lookup of one city) through
 *    `Database.readStatement`, back to back and after the sender has slept or spun for a while;
 * 2. one HTTP request to a `node:http` server in a process of its own that answers at once
 *    (no database): what crossing to a server and back costs by itself.
 *
 * Usage: node dist/bench/idle-gap.bench.js [--samples 1000]
 */

const argAt = process.argv.indexOf('--samples');
const SAMPLES = argAt > 0 ? Number(process.argv[argAt + 1]) : 1_000;
const ROUNDS = 3;

type Gap = { name: string; wait: () => Promise<void> | void };

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const GAPS: Gap[] = [
  { name: 'back to back', wait: () => undefined },
  { name: 'after 1 ms spinning (sender busy)', wait: () => spin(1) },
  { name: 'after sleeping 1 ms', wait: () => sleep(1) },
  { name: 'after sleeping 5 ms', wait: () => sleep(5) },
];

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.5 * sorted.length) - 1)]!;
}

async function timed(run: () => Promise<unknown>, gap: Gap): Promise<number> {
  for (let i = 0; i < 200; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    await gap.wait();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return p50(samples);
}

/** A server that answers `{}` at once, in a child process (this file run with `serve`). */
function serveNothing(): void {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
      res.end('{}');
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
  process.on('disconnect', () => process.exit(0));
}

function post(agent: http.Agent, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/', agent },
      (res) => {
        res.resume();
        res.on('end', resolve);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

async function main(db: Database): Promise<void> {
  console.log(
    `## A small request after an idle moment (p50 of ${SAMPLES}, median of ${ROUNDS} rounds, ms) — ${new Date().toISOString()}\n\n` +
      `${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}; load average ` +
      `${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}; Neo4j at ${loadConfig().neo4j.uri}\n`,
  );
  const child = fork(__filename, ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const city = await db.readStatement('MATCH (c:City) RETURN c.id AS key LIMIT 1');
  const key = city.records[0]?.get('key') as string | undefined;
  const runs: [string, () => Promise<unknown>][] = [
    ['`RETURN 1`', () => db.readStatement('RETURN 1')],
    ...(key
      ? [
          [
            'one city by key',
            () => db.readStatement('MATCH (c:Entity {id: $key}) RETURN c.name AS name', { key }),
          ] as [string, () => Promise<unknown>],
        ]
      : []),
    ['HTTP to a server that answers at once', () => post(agent, port)],
  ];
  const heads = ['gap before each request', ...runs.map(([name]) => name)];
  console.log(`| ${heads.join(' | ')} |\n|${' --- |'.repeat(heads.length)}`);
  try {
    // Rounds interleave the gaps, so that a slow moment of the machine does not fall on one.
    const rounds: number[][][] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const table: number[][] = [];
      for (const gap of GAPS) {
        const row: number[] = [];
        for (const [, run] of runs) row.push(await timed(run, gap));
        table.push(row);
      }
      rounds.push(table);
    }
    GAPS.forEach((gap, g) => {
      const cells = runs.map((_, r) => p50(rounds.map((t) => t[g]![r]!)).toFixed(3));
      console.log(`| ${[gap.name, ...cells].join(' | ')} |`);
    });
  } finally {
    agent.destroy();
    child.disconnect();
  }
}

if (process.argv[2] === 'serve') {
  serveNothing();
} else {
  const db = createDatabase(loadConfig().neo4j);
  main(db)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    })
    .finally(() => db.close());
}
