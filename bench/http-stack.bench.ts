import '../src/cli/production-env';
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase } from '../src/db/database';
import { createApp } from '../src/server/app';
import { buildAppSchema } from '../src/server/schema';
import { GraphqlClient } from './http-client';
import { median, numberArg } from './sampling';

/**
 * What the HTTP stack costs for `{ __typename }` (no data, no database), for our app (every
 * limit, plugin and header it keeps), for Apollo's standalone server over the same schema with
 * nothing else, and for a plain `node:http` server that reads the request and answers the same
 * JSON text without GraphQL: the least any HTTP API pays for a request to cross to it and back.
 * Each server runs in a child process of its own. Two measures:
 * - latency: p50 of requests sent one at a time by one client (bench/http-client.ts, as the API
 *   bench sends them), one to each server in turn, so a busy moment falls on all three;
 * - the server's own CPU time per request: `process.cpuUsage()` over a window in which
 *   autocannon, in this process, holds CONNECTIONS connections busy (the client's work is not in
 *   the number, as it is in the API bench's throughput).
 * `node dist/bench/http-stack.bench.js [--duration S] [--samples N]`.
 */
const CONNECTIONS = 16;
const BODY = JSON.stringify({ query: '{ __typename }' });
const SERVERS = ['ours', 'apollo-standalone', 'plain node:http'] as const;
const ANSWER = JSON.stringify({ data: { __typename: 'Query' } });
type ServerKind = (typeof SERVERS)[number];

interface Usage {
  cpuMicros: number;
  requests: number;
}

/** In the child: start the server, report its port, answer each 'usage' with the CPU used so far. */
async function serve(kind: ServerKind): Promise<void> {
  let requests = 0;
  let port: number;
  if (kind === 'ours') {
    const db = createDatabase(loadConfig().neo4j);
    // One client sends tens of thousands of requests: the rate limit is lifted.
    const { httpServer } = await createApp(db, createLogger('fatal'), {
      limits: { rateLimit: 1_000_000_000 },
    });
    httpServer.prependListener('request', () => (requests += 1));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    port = (httpServer.address() as AddressInfo).port;
  } else if (kind === 'apollo-standalone') {
    const apollo = new ApolloServer({ schema: await buildAppSchema() });
    const { url } = await startStandaloneServer(apollo, {
      listen: { port: 0, host: '127.0.0.1' },
      context: () => {
        requests += 1;
        return Promise.resolve({});
      },
    });
    port = Number(new URL(url).port);
  } else {
    // As bench/floor-endpoint.ts answers: the whole body read, then one JSON text written.
    const server = http.createServer((req, res) => {
      requests += 1;
      req.on('data', () => undefined);
      req.on('end', () => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(ANSWER),
        });
        res.end(ANSWER);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMicros: user + system, requests } satisfies Usage);
  });
  process.send!({ port });
}

function ask<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as T));
    child.send('usage');
  });
}

async function load(port: number, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

interface Running {
  kind: ServerKind;
  child: ChildProcess;
  port: number;
}

async function start(kind: ServerKind): Promise<Running> {
  const child = fork(__filename, ['--serve', kind], { stdio: 'inherit' });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { kind, child, port };
}

/** p50 ms per server of `samples` requests each, one at a time, one to each server in turn. */
async function latencyInTurn(servers: readonly Running[], samples: number): Promise<number[]> {
  // Every server here keeps Node's default keep-alive of 5 s.
  const clients = servers.map(
    (s) => new GraphqlClient(s.port, '/graphql', { serverKeepAliveMs: 5_000, maxSockets: 1 }),
  );
  try {
    const times = servers.map((): number[] => []);
    for (let i = 0; i < samples + 200; i += 1) {
      for (const [j, client] of clients.entries()) {
        const begin = performance.now();
        await client.request('{ __typename }');
        // The first 200 rounds warm up JIT, caches and sockets.
        if (i >= 200) times[j]!.push(performance.now() - begin);
      }
    }
    return times.map(median);
  } finally {
    for (const client of clients) client.close();
  }
}

async function cpuPerRequest(server: Running, seconds: number) {
  await load(server.port, 2); // warm-up: JIT, caches, connections
  const before = await ask<Usage>(server.child);
  const perSecond = await load(server.port, seconds);
  const after = await ask<Usage>(server.child);
  const requests = after.requests - before.requests;
  return {
    requests,
    perSecond,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / requests,
  };
}

async function main(): Promise<void> {
  const seconds = numberArg('--duration', 10);
  const samples = numberArg('--samples', 4_000);
  console.log(
    `{ __typename } over HTTP: p50 of ${samples} requests one at a time, in turn; then ` +
      `${CONNECTIONS} connections for ${seconds} s per server; ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}; ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
  );
  const servers: Running[] = [];
  try {
    for (const kind of SERVERS) servers.push(await start(kind));
    const p50s = await latencyInTurn(servers, samples);
    const rows = [];
    for (const server of servers) rows.push(await cpuPerRequest(server, seconds));
    console.log(
      '| server | p50 ms, one request at a time (in turn) | requests | req/s (autocannon) | server CPU µs per request |',
    );
    console.log('| --- | --- | --- | --- | --- |');
    for (const [i, row] of rows.entries()) {
      console.log(
        `| ${servers[i]!.kind} | ${p50s[i]!.toFixed(3)} | ${row.requests.toLocaleString('en')} | ` +
          `${Math.round(row.perSecond).toLocaleString('en')} | ${row.cpuMicrosPerRequest.toFixed(0)} |`,
      );
    }
  } finally {
    for (const server of servers) server.child.kill();
  }
}

const serving = process.argv.indexOf('--serve');
if (serving > 0) {
  serve(process.argv[serving + 1] as ServerKind).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
