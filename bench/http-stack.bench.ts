import '../src/cli/production-env';
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
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

/**
 * What the HTTP stack costs: the server's own CPU time per request for `{ __typename }` (no
 * data, no database), for our app (every limit, plugin and header it keeps) and for Apollo's
 * standalone server over the same schema with nothing else. Each server runs in a child process
 * of its own and reports `process.cpuUsage()` over a window in which autocannon, in this process,
 * holds CONNECTIONS connections busy; so the client's work is not in the number, as it is in the
 * API bench's throughput. `node dist/bench/http-stack.bench.js [--duration S]`.
 */
const CONNECTIONS = 16;
const BODY = JSON.stringify({ query: '{ __typename }' });
const SERVERS = ['ours', 'apollo-standalone'] as const;
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
  } else {
    const apollo = new ApolloServer({ schema: await buildAppSchema() });
    const { url } = await startStandaloneServer(apollo, {
      listen: { port: 0, host: '127.0.0.1' },
      context: () => {
        requests += 1;
        return Promise.resolve({});
      },
    });
    port = Number(new URL(url).port);
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

async function measure(kind: ServerKind, seconds: number) {
  const child = fork(__filename, ['--serve', kind], { stdio: 'inherit' });
  try {
    const { port } = await new Promise<{ port: number }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as { port: number }));
      child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    });
    await load(port, 2); // warm-up: JIT, caches, connections
    const before = await ask<Usage>(child);
    const perSecond = await load(port, seconds);
    const after = await ask<Usage>(child);
    const requests = after.requests - before.requests;
    return {
      kind,
      requests,
      perSecond,
      cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / requests,
    };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--duration');
  const seconds = at > 0 ? Number(process.argv[at + 1]) : 10;
  console.log(
    `{ __typename } over HTTP, ${CONNECTIONS} connections for ${seconds} s; ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}; ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
  );
  const rows = [];
  for (const kind of SERVERS) rows.push(await measure(kind, seconds));
  console.log('| server | requests | req/s (autocannon) | server CPU µs per request |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.kind} | ${row.requests.toLocaleString('en')} | ` +
        `${Math.round(row.perSecond).toLocaleString('en')} | ${row.cpuMicrosPerRequest.toFixed(0)} |`,
    );
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
