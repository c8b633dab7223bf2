import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startNeo4j, stopNeo4j } from '.';

/*
 * Runs its own Neo4j on ports and directories nobody else uses, so it neither needs nor disturbs
 * the dev instance (7687) or the instance of the integration global setup.
 */

const PORT = 7699;
const BUSY_PORT = 7698;
const PASSWORD = 'launcher-test-password';

// One cold start may include a Maven build of the launcher.
jest.setTimeout(240_000);

let root: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let lines: string[];
const log = (line: string) => lines.push(line);

function envFor(port: number, dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: PASSWORD,
    NEO4J_DATA_DIR: dir,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    NEO4J_START_TIMEOUT: '180',
    NEO4J_TRANSACTION_TIMEOUT: '45',
  };
}

async function queryOne(uri: string, cypher: string): Promise<unknown> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), {
    connectionTimeout: 3000,
    connectionAcquisitionTimeout: 3000,
    // Otherwise a stopped server is retried for 30 s before the query fails.
    maxTransactionRetryTime: 0,
  });
  try {
    const { records } = await driver.executeQuery(cypher);
    return records[0]?.get(0);
  } finally {
    await driver.close();
  }
}

async function returnOne(uri: string): Promise<number> {
  return ((await queryOne(uri, 'RETURN 1 AS one')) as { toNumber(): number }).toNumber();
}

/** A pid that certainly belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined) throw new Error('could not spawn a short-lived process');
  return child.pid;
}

/** The java process is our child here, so it lingers as a zombie until Node has reaped it. */
async function processGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-launcher-'));
  dataDir = path.join(root, 'neo4j');
  env = envFor(PORT, dataDir);
});

beforeEach(() => {
  lines = [];
});

afterAll(async () => {
  // Whatever happened above, leave no instance behind.
  await stopNeo4j({ env, log: () => {} });
  fs.rmSync(root, { recursive: true, force: true });
});

test('refuses to start when another program holds the port', async () => {
  // Accepts connections and never answers, like a program that speaks another protocol.
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(BUSY_PORT, '127.0.0.1', resolve));
  try {
    await expect(
      startNeo4j({ env: envFor(BUSY_PORT, path.join(root, 'busy')), log }),
    ).rejects.toThrow(`Port ${BUSY_PORT} on 127.0.0.1 is in use by another program`);
  } finally {
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  }
  expect(fs.existsSync(path.join(root, 'busy', 'neo4j.pid'))).toBe(false);
});

test('removes a stale pid file, then starts an instance that answers Cypher', async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, 'neo4j.pid');
  const stale = deadPid();
  fs.writeFileSync(pidFile, `${stale}\n`);

  const result = await startNeo4j({ env, log });

  expect(result).toEqual({ started: true, uri: `bolt://127.0.0.1:${PORT}` });
  expect(lines.some((line) => line.includes('stale pid file'))).toBe(true);
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  expect(pid).not.toBe(stale);
  expect(() => process.kill(pid, 0)).not.toThrow();
  await expect(returnOne(result.uri)).resolves.toBe(1);
  // NEO4J_TRANSACTION_TIMEOUT reaches the instance as db.transaction.timeout.
  await expect(
    queryOne(
      result.uri,
      "SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.timeout' RETURN value",
    ),
  ).resolves.toBe('45s');
  // Time limits are checked every 100 ms, not Neo4j's default 2 s.
  await expect(
    queryOne(
      result.uri,
      "SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.monitor.check.interval' RETURN value",
    ),
  ).resolves.toBe('100ms');
});

test('a second start finds the running instance and does nothing', async () => {
  const pidBefore = fs.readFileSync(path.join(dataDir, 'neo4j.pid'), 'utf8');

  await expect(startNeo4j({ env, log })).resolves.toEqual({
    started: false,
    uri: `bolt://127.0.0.1:${PORT}`,
  });

  expect(lines).toEqual([`Neo4j already answers at bolt://127.0.0.1:${PORT}; nothing to do`]);
  expect(fs.readFileSync(path.join(dataDir, 'neo4j.pid'), 'utf8')).toBe(pidBefore);
});

test('stop ends the instance and Bolt no longer answers', async () => {
  const pidFile = path.join(dataDir, 'neo4j.pid');
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));

  await expect(stopNeo4j({ env, log })).resolves.toEqual({ stopped: true });

  expect(fs.existsSync(pidFile)).toBe(false);
  expect(await processGone(pid)).toBe(true);
  await expect(returnOne(`bolt://127.0.0.1:${PORT}`)).rejects.toThrow();
});

test('a second stop has nothing to stop', async () => {
  await expect(stopNeo4j({ env, log })).resolves.toEqual({ stopped: false });
  expect(lines[0]).toMatch(/no Neo4j started by this launcher is running \(no pid file at /i);
});
