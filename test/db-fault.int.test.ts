import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase, type Database } from '../src/db/database';
import { startNeo4j, stopNeo4j } from '../src/db/launcher';
import { createApp } from '../src/server/app';
import { importSeeds, SEED_DATASET } from '../src/seed/import';

/*
 * The database goes away under load and comes back. Its own Neo4j (a free port, a temporary data
 * directory), so stopping it disturbs no other test file. While the API knows the database is
 * down, every request fails fast with DATABASE_UNAVAILABLE and a Retry-After, and /ready is 503;
 * once the database is back, the API answers again without a restart, and every answer it gives
 * at any time is the answer it gave before the fault.
 */

// Two starts of a JVM on a busy machine.
jest.setTimeout(420_000);

/**
 * Bounds, not timings: generous against a loaded machine (a JVM starting beside the test on two
 * cores once held one request past 1 s), far below the 7–9 s the driver would wait.
 */
const FAST_MS = 3000;
const RECOVERY_MS = 30_000;
const WORKERS = 4;
const PHASE_MS = 2500;

const QUERIES = [
  `{ cities { nodes { key name orgUnits { node { key name posts { roleTitle person { ... on Person { key name } } sources { quote } } } } } } }`,
  `{ orgUnits(first: 50) { nodes { key kind city { node { key } } themes { node { key } } } } }`,
  `{ programmes(first: 50) { totalCount nodes { key name funders { funder { ... on Organisation { key } } } } } }`,
];

type Outcome = 'ok' | 'wrong' | 'unavailable' | 'other';

interface Sample {
  start: number;
  end: number;
  query: number;
  outcome: Outcome;
  retryAfter: string | null;
  detail?: string;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let root: string;
let env: NodeJS.ProcessEnv;
let db: Database;
let stopApi: () => Promise<void>;
let url: string;
const log = (line: string) => console.log(`[fault neo4j] ${line}`);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-fault-'));
  env = {
    ...process.env,
    NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
    NEO4J_DATA_DIR: path.join(root, 'neo4j'),
    NEO4J_HEAP: '384m',
    NEO4J_PAGECACHE: '64m',
  };
  await startNeo4j({ env, log });
  const config = loadConfig(env);
  db = createDatabase(config.neo4j);
  await importSeeds(db, { ...config.seed, dataset: SEED_DATASET });
  // The client loops send far more than one client's rate limit; this test is about the database.
  const { apollo, httpServer } = await createApp(db, createLogger('silent'), {
    limits: { rateLimit: 1_000_000 },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  stopApi = async () => {
    await apollo.stop();
    await db.close();
  };
});

afterAll(async () => {
  await stopApi?.();
  if (env) await stopNeo4j({ env, log });
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function ask(query: string): Promise<{ body: string; retryAfter: string | null }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { body: await response.text(), retryAfter: response.headers.get('retry-after') };
}

function classify(body: string, expected: string): { outcome: Outcome; detail?: string } {
  const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
  if (!parsed.errors) return { outcome: body === expected ? 'ok' : 'wrong', detail: body };
  const codes = parsed.errors.map((e) => e.extensions?.code);
  if (codes.every((c) => c === 'DATABASE_UNAVAILABLE')) return { outcome: 'unavailable' };
  return { outcome: 'other', detail: body };
}

async function readyStatus(): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  const response = await fetch(`${url}/ready`);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - start };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return performance.now();
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function perSecond(samples: Sample[], from: number, to: number): number {
  const ok = samples.filter((s) => s.outcome === 'ok' && s.end >= from && s.end < to).length;
  return Math.round((ok / (to - from)) * 1000);
}

it('fails fast while the database is down and recovers without a restart, never with wrong data', async () => {
  const expected: string[] = [];
  for (const query of QUERIES) {
    const { body } = await ask(query);
    expect(JSON.parse(body)).not.toHaveProperty('errors');
    expected.push(body);
  }

  const samples: Sample[] = [];
  const transitions: { state: string; at: number }[] = [];
  db.health.onChange((state) => transitions.push({ state, at: performance.now() }));
  let running = true;
  const worker = async (offset: number) => {
    for (let i = offset; running; i++) {
      const query = i % QUERIES.length;
      const start = performance.now();
      const { body, retryAfter } = await ask(QUERIES[query]!);
      samples.push({
        start,
        end: performance.now(),
        query,
        retryAfter,
        ...classify(body, expected[query]!),
      });
      // A client that heeds the answer does not hammer a database that is down.
      if (samples[samples.length - 1]!.outcome === 'unavailable') await sleep(100);
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));

  const loadStart = performance.now();
  await sleep(PHASE_MS);
  const stopAt = performance.now();
  await stopNeo4j({ env, log });
  // The API learns it from a failing request or from /ready itself.
  const knownDown = await until(async () => (await readyStatus()).status === 503, 30_000);
  await sleep(PHASE_MS);
  const readyWhileDown = await readyStatus();
  await startNeo4j({ env, log });
  const backAt = performance.now();
  const recoveredAt = await until(
    async () => samples.some((s) => s.start >= backAt && s.outcome === 'ok'),
    RECOVERY_MS,
  );
  await sleep(PHASE_MS);
  running = false;
  await Promise.all(workers);
  const end = performance.now();

  // Down as far as the API knows: from /ready's first 503 until its probe gets an answer again
  // (which may come a little before startNeo4j has seen Bolt answer).
  const upAgain = transitions.find((t) => t.state === 'up' && t.at > knownDown)?.at ?? backAt;
  const down = samples.filter((s) => s.start >= knownDown && s.end <= Math.min(backAt, upAgain));
  const slowWhileDown = down.filter((s) => s.end - s.start >= FAST_MS);
  const count = (outcome: Outcome) => samples.filter((s) => s.outcome === outcome).length;
  const figures = {
    requests: samples.length,
    ok: count('ok'),
    wrong: count('wrong'),
    unavailable: count('unavailable'),
    other: count('other'),
    whileKnownDown: down.length,
    slowestWhileDownMs: Math.round(Math.max(0, ...down.map((s) => s.end - s.start))),
    readyWhileDownMs: Math.round(readyWhileDown.ms),
    msToKnowDown: Math.round(knownDown - stopAt),
    msToRecoverAfterBolt: Math.round(recoveredAt - backAt),
    okPerSecondBefore: perSecond(samples, loadStart, stopAt),
    okPerSecondAfterRecovery: perSecond(samples, recoveredAt, end),
    msFromProbeUpToBolt: Math.round(backAt - upAgain),
    // The first queries on a freshly started database (cold plans, pooled connections from
    // before the fault to be replaced) may be slow; reported, not asserted.
    slowestAfterKnownDownMs: Math.round(
      Math.max(0, ...samples.filter((s) => s.start >= knownDown).map((s) => s.end - s.start)),
    ),
  };
  console.log(`database fault under load: ${JSON.stringify(figures)}`);

  expect(samples.filter((s) => s.outcome === 'wrong').map((s) => s.detail)).toEqual([]);
  expect(samples.filter((s) => s.outcome === 'other').map((s) => s.detail)).toEqual([]);
  expect(down.length).toBeGreaterThan(0);
  expect(down.filter((s) => s.outcome !== 'unavailable')).toEqual([]);
  expect(down.filter((s) => s.retryAfter !== '1')).toEqual([]);
  expect(slowWhileDown).toEqual([]);
  expect(readyWhileDown.status).toBe(503);
  expect(readyWhileDown.ms).toBeLessThan(FAST_MS);
  expect(recoveredAt - backAt).toBeLessThan(RECOVERY_MS);
  // Load went on after recovery, and answered.
  expect(
    samples.filter((s) => s.start >= recoveredAt && s.outcome === 'ok').length,
  ).toBeGreaterThan(0);
});
