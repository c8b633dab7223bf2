import http from 'node:http';
import { SEED_DATASET } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { testDatabase } from './db';
import {
  buildDist,
  descendants,
  isAlive,
  spawnServer,
  waitFor,
  type ServerProcess,
} from './server-process';
import { TEST_URI } from './test-env';

/*
 * SIGTERM and SIGINT end the server cleanly: running requests finish, the driver closes, the
 * exit code is 0 — also when the signal goes to `npm start` rather than to node itself.
 */

jest.setTimeout(300_000);

/** As `npm start` runs: without jest's NODE_ENV=test, under which Apollo installs no signal handlers. */
function env(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: TEST_URI,
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  delete env.NODE_ENV;
  return env;
}

/** Processes this file started, so none outlives it even when an assertion fails. */
const started: number[] = [];

beforeAll(() => buildDist());

afterAll(async () => {
  for (const pid of started) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  const db = testDatabase();
  try {
    await deleteDataset(db, SEED_DATASET);
  } finally {
    await db.close();
  }
});

const QUERY = JSON.stringify({ query: '{ cities { nodes { key } } }' });

/**
 * Starts a POST whose body follows only after `between` ran: with `Expect: 100-continue` the
 * server confirms that it has the request before the body is sent, so the request is certainly
 * in flight while `between` runs.
 */
function requestAround(
  url: string,
  between: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(QUERY),
        expect: '100-continue',
      },
    });
    req.on('continue', () => {
      between().then(() => req.end(QUERY), reject);
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    // Bounded: a server that dies or hangs fails the test instead of stalling it.
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.flushHeaders();
  });
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe.each(['SIGTERM', 'SIGINT'] as const)('node dist/src/cli/start.js on %s', (signal) => {
  it('finishes the request in flight, closes the driver and exits 0', async () => {
    const server: ServerProcess = await spawnServer(
      process.execPath,
      ['dist/src/cli/start.js'],
      env(),
    );
    started.push(server.proc.pid!);
    const answer = await requestAround(server.url, async () => {
      server.proc.kill(signal);
      await waitFor(
        () => (server.output().includes('shutting down') ? true : undefined),
        10_000,
        server.output,
      );
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      data: {
        cities: {
          nodes: [
            { key: 'bochum' },
            { key: 'bremerhaven' },
            { key: 'castrop-rauxel' },
            { key: 'herten' },
          ],
        },
      },
    });
    expect(await within(30_000, server.exited)).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('database driver closed');
    expect(await refusesConnections(server.url)).toBe(true);
  });
});

describe('npm start', () => {
  it('passes SIGTERM on to the server, which stops, frees its port and exits 0', async () => {
    const npm = await spawnServer('npm', ['start'], env());
    started.push(npm.proc.pid!);
    const servers = descendants(npm.proc.pid!);
    started.push(...servers);
    expect(servers.length).toBeGreaterThan(0);
    npm.proc.kill('SIGTERM');
    expect(await within(30_000, npm.exited)).toEqual({ code: 0, signal: null });
    expect(npm.output()).toContain('database driver closed');
    // Bounded: the server may need a moment after npm has gone.
    await waitFor(
      () => (servers.every((pid) => !isAlive(pid)) ? true : undefined),
      15_000,
      () => `still running: ${servers.filter(isAlive).join(', ')}`,
    );
    expect(await refusesConnections(npm.url)).toBe(true);
  });
});
