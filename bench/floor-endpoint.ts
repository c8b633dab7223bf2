import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import type { Database } from '../src/db/database';

/**
 * The hand-written floor served over HTTP, for the API bench: a plain `node:http` endpoint that
 * runs the Cypher statement a request carries, with `Database.readStatement` as our API does, and
 * answers its records as JSON rows (`{ data: rows }`, so the bench's GraphQL client reads it). No
 * GraphQL, no limits, no planner: what a hand-written HTTP endpoint per question would cost.
 *
 * Why it exists: the floor proper runs its statement from the bench process, back to back, while
 * every HTTP API's statement comes after the request has crossed to the server, and a statement
 * sent after the sender and Neo4j have idled for a moment takes longer (bench/README, "A
 * statement after an idle moment"). This endpoint pays the same crossing as our server does.
 * It runs any statement it is sent: bench only, on the loopback interface.
 */
export async function startFloorEndpoint(
  db: Database,
): Promise<{ port: number; keepAliveMs: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(db, Buffer.concat(chunks).toString('utf8')).then(
        (body) => {
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          });
          res.end(body);
        },
        (error: unknown) => {
          const body = JSON.stringify({ errors: [{ message: String(error) }] });
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(body);
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    keepAliveMs: server.keepAliveTimeout,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(db: Database, body: string): Promise<string> {
  const request = JSON.parse(body, reviveIntegers) as {
    query: string;
    variables: Record<string, unknown>;
  };
  const result = await db.readStatement(request.query, request.variables);
  return JSON.stringify({ data: result.records.map((r) => r.toObject()) });
}

/**
 * Statement parameters as JSON: Neo4j integers (`neo4j.int`, which `LIMIT` and `SKIP` need)
 * travel as `{ "$int": "…" }`.
 */
export function encodeParams(params: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(params, (_key, value: unknown) =>
      neo4j.isInt(value) ? { $int: value.toString() } : value,
    ),
  ) as Record<string, unknown>;
}

function reviveIntegers(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$int' in value) {
    return neo4j.int((value as { $int: string }).$int);
  }
  return value;
}
