import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEFAULT_AUTH, loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase, type Database } from '../src/db/database';
import { deleteApiKeys } from '../src/modules/auth/api-key.repository';
import { hashApiKey, newApiKeySecret, newKeyId } from '../src/modules/auth/api-key.secret';
import { createApiKey } from '../src/modules/auth/api-key.service';
import { createAuthenticator } from '../src/modules/auth/authenticator';
import { createApp } from '../src/server/app';
import { numberArg } from './sampling';

/**
 * What a credential costs, against the database NEO4J_URI names: one scrypt hash of a key; the
 * authenticator verifying a key afresh (look-up, scrypt, lastUsedAt) and from its cache; and a
 * `{ me { id } }` request over real HTTP (keep-alive `fetch`, sequential) anonymous, with a key the
 * server caches, and with a key it checks every time (KG_API_KEY_CACHE_SECONDS=0). Medians of
 * `--runs` timings after a warm-up. The bench makes one key and deletes it at the end.
 * Usage: node dist/bench/auth.bench.js [--runs 30]
 */
const RUNS = numberArg('--runs', 30);

function stats(samples: number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function httpServer(db: Database, apiKeyCacheSeconds: number) {
  const { apollo, httpServer } = await createApp(db, createLogger('fatal'), {
    auth: { ...DEFAULT_AUTH, apiKeyCacheSeconds },
    limits: { rateLimit: 1_000_000 },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  const me = async (authorization?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (response.status !== 200 || body.errors) throw new Error(JSON.stringify(body));
  };
  return { me, stop: () => apollo.stop() };
}

async function main(): Promise<void> {
  const db = createDatabase(loadConfig().neo4j);
  await db.verify();
  const { key, secret } = await createApiKey(db, {
    name: 'auth bench',
    role: 'EDITOR',
    createdBy: 'bench',
  });
  const header = `Bearer ${secret}`;
  const rows: [string, number[], string][] = [];
  try {
    const token = newApiKeySecret(newKeyId());
    rows.push([
      'scrypt hash of a key (hashApiKey)',
      await time(RUNS, () => hashApiKey(token)),
      'ms',
    ]);

    const fresh = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 0 });
    rows.push(['authenticator, key verified afresh', await time(RUNS, () => fresh(header)), 'ms']);
    const cached = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 3600 });
    const cachedSamples = await time(RUNS * 100, () => cached(header));
    rows.push(['authenticator, key from the cache', cachedSamples.map((ms) => ms * 1000), 'µs']);

    const cachingServer = await httpServer(db, 30);
    const checkingServer = await httpServer(db, 0);
    try {
      rows.push([
        'HTTP `{ me { id } }`, anonymous',
        await time(RUNS, () => cachingServer.me()),
        'ms',
      ]);
      rows.push([
        'HTTP `{ me { id } }`, key cached (30 s)',
        await time(RUNS, () => cachingServer.me(header)),
        'ms',
      ]);
      rows.push([
        'HTTP `{ me { id } }`, key checked every time (0 s)',
        await time(RUNS, () => checkingServer.me(header)),
        'ms',
      ]);
    } finally {
      await cachingServer.stop();
      await checkingServer.stop();
    }
  } finally {
    await deleteApiKeys(db, [key.id]);
    await db.close();
  }

  console.log(
    `auth bench: ${RUNS} runs each (cache: ${RUNS * 100}), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}, Node ${process.version}\n`,
  );
  console.log('| what | median | min | max | unit |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [what, samples, unit] of rows) {
    const s = stats(samples);
    const f = (n: number) => n.toFixed(unit === 'µs' ? 0 : 1);
    console.log(`| ${what} | ${f(s.median)} | ${f(s.min)} | ${f(s.max)} | ${unit} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
