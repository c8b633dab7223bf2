import neo4j from 'neo4j-driver';
import { encodeParams, startFloorEndpoint } from '../bench/floor-endpoint';
import { GraphqlClient } from '../bench/http-client';
import type { Database } from '../src/db/database';
import { testDatabase } from './db';

/*
 * The API bench's floor over HTTP (bench/floor-endpoint.ts) answers a statement as the database
 * answers it from this process: same rows, Neo4j integers (LIMIT needs them) carried over JSON.
 */

let db: Database;
let endpoint: Awaited<ReturnType<typeof startFloorEndpoint>>;
let client: GraphqlClient;

beforeAll(async () => {
  db = testDatabase();
  endpoint = await startFloorEndpoint(db);
  client = new GraphqlClient(endpoint.port, '/', {
    serverKeepAliveMs: endpoint.keepAliveMs,
    maxSockets: 1,
  });
});

afterAll(async () => {
  client.close();
  await endpoint.stop();
  await db.close();
});

describe('the floor over HTTP', () => {
  it('carries Neo4j integers as JSON and back', () => {
    expect(encodeParams({ first: neo4j.int(3), keys: ['a'], n: 2.5, none: null })).toEqual({
      first: { $int: '3' },
      keys: ['a'],
      n: 2.5,
      none: null,
    });
  });

  it('answers a statement with the rows the database gives this process', async () => {
    const text = `UNWIND range(1, 10) AS i WITH i, {even: i % 2 = 0, name: 'n' + i} AS m
      RETURN i, m, [i, i * 2] AS pair ORDER BY i DESC LIMIT $first`;
    const params = { first: neo4j.int(4) };
    const direct = (await db.readStatement(text, params)).records.map((r) => r.toObject());
    const overHttp = await client.request<unknown[]>(text, encodeParams(params));
    expect(overHttp).toEqual(direct);
    expect(overHttp.map((row) => (row as { i: number }).i)).toEqual([10, 9, 8, 7]);
  });

  it('answers a failing statement with an error, not rows', async () => {
    await expect(client.request('RETURN 1 +', {})).rejects.toThrow();
  });
});
