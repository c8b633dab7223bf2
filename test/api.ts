import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase, type Database } from '../src/db/database';
import { createApp } from '../src/server/app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are dynamic JSON; the assertions check them
type Json = any;

export interface TestApi {
  url: string;
  db: Database;
  /** POSTs a GraphQL operation to the running server. */
  query(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: Json; errors?: Json[] }>;
  close(): Promise<void>;
}

/** The real HTTP server on a free loopback port, against the test database. */
export async function startTestApi(): Promise<TestApi> {
  const db = createDatabase(loadConfig().neo4j);
  const { apollo, httpServer } = await createApp(db, createLogger('silent'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    db,
    async query(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Json; errors?: Json[] };
    },
    async close() {
      await apollo.stop();
      await db.close();
    },
  };
}
