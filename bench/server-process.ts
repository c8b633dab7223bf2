import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createLogger } from '../src/common/logger';
import type { Database } from '../src/db/database';
import { createApp } from '../src/server/app';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags';
import { startFloorEndpoint } from './floor-endpoint';
import { PeerUnavailableError } from './peer/server';

/** What a server process tells the bench. */
export type FromServer =
  | { kind: 'ready'; port: number; path: string; keepAliveMs: number; version?: string }
  | { kind: 'unavailable'; why: string }
  | { kind: 'transactions'; count: number };

/** What the bench asks of a server process. */
export type ToServer = { kind: 'stop' } | { kind: 'transactions' };

/** A server of the bench running in a process of its own (serve.ts). */
export interface ServerProcess {
  port: number;
  path: string;
  keepAliveMs: number;
  /** The peer's library version (ours: undefined). */
  version?: string;
  /** Database round trips the server has made so far (the peer: always 0, it is not counted). */
  transactions(): Promise<number>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

/**
 * Starts `ours` or `peer` in a child process with this process's environment (so the same
 * NEO4J_* settings) and the flags `npm start` gives the API server (or `nodeFlags`), for every
 * kind alike: the bench's clients, its floor and the two servers no longer share one event loop,
 * so a server's throughput is its own, not that of a thread that also sends, receives and checks
 * every request.
 */
export function startServerProcess(
  kind: 'ours' | 'peer' | 'floor',
  nodeFlags: readonly string[] = SERVER_NODE_FLAGS,
): Promise<ServerProcess> {
  const child = fork(path.join(__dirname, 'serve.js'), [kind], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...nodeFlags],
  });
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the ${kind} server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    let unavailable: string | undefined;
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(
        unavailable
          ? new PeerUnavailableError(unavailable)
          : new Error(`the ${kind} server exited with code ${code} before it was ready`),
      );
    };
    child.once('exit', onExit);
    child.on('message', (message: FromServer) => {
      if (message.kind === 'unavailable') unavailable = message.why;
      if (message.kind !== 'ready') return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({
        port: message.port,
        path: message.path,
        keepAliveMs: message.keepAliveMs,
        version: message.version,
        transactions: () => ask(child),
        stop: () => stopChild(child),
      });
    });
  });
}

function ask(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve) => {
    const onMessage = (message: FromServer) => {
      if (message.kind !== 'transactions') return;
      child.off('message', onMessage);
      resolve(message.count);
    };
    child.on('message', onMessage);
    child.send({ kind: 'transactions' } satisfies ToServer);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.send({ kind: 'stop' } satisfies ToServer);
  });
}

/**
 * Our server in this process, on a free loopback port, over `db` (its round trips are `db`'s;
 * stopping it leaves `db` open). One client on 127.0.0.1 sends thousands of requests: the
 * per-client rate limit is lifted.
 */
export async function startOursHere(db: Database): Promise<ServerProcess> {
  const { apollo, httpServer } = await createApp(db, createLogger('fatal'), {
    limits: { rateLimit: 100_000_000 },
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (httpServer.address() as AddressInfo).port,
    path: '/graphql',
    keepAliveMs: httpServer.keepAliveTimeout,
    transactions: () => Promise.resolve(db.transactions),
    stop: () => apollo.stop(),
  };
}

/** The hand-written floor over HTTP (floor-endpoint.ts) in this process, over `db`. */
export async function startFloorHere(db: Database): Promise<ServerProcess> {
  const endpoint = await startFloorEndpoint(db);
  return {
    port: endpoint.port,
    path: '/',
    keepAliveMs: endpoint.keepAliveMs,
    transactions: () => Promise.resolve(db.transactions),
    stop: () => endpoint.stop(),
  };
}
