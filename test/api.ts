import type { AddressInfo } from 'node:net';
import { loadConfig, type Neo4jConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase, type Database } from '../src/db/database';
import { createApp, type AppOptions } from '../src/server/app';
import { importSeeds, SEED_DATASET } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are dynamic JSON; the assertions check them
type Json = any;

export interface TestApi {
  url: string;
  db: Database;
  /** POSTs a GraphQL operation to the running server (with extra headers, e.g. a credential). */
  query(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ data?: Json; errors?: Json[] }>;
  close(): Promise<void>;
}

/**
 * The real HTTP server on a free loopback port, against the test database (`neo4j` overrides its
 * settings, e.g. to reach a database that does not exist).
 */
export async function startTestApi(
  options: AppOptions = {},
  neo4j: Partial<Neo4jConfig> = {},
): Promise<TestApi> {
  const db = createDatabase({ ...loadConfig().neo4j, ...neo4j });
  const { apollo, httpServer } = await createApp(
    db,
    createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    options,
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    db,
    async query(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
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

/**
 * For a test file: the API over the seeded test database, started before its tests and torn down
 * (seeds removed) after them. Call the returned function inside tests.
 */
export function seededApi(options: AppOptions = {}): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi(options);
    await importSeeds(api.db, { ...loadConfig().seed, dataset: SEED_DATASET });
  });
  afterAll(async () => {
    if (!api) return;
    await deleteDataset(api.db, SEED_DATASET);
    await api.close();
  });
  return () => {
    if (!api) throw new Error('the API is started in beforeAll');
    return api;
  };
}

/**
 * For a test file: a second API over the same database with the query planner off, so answers
 * can be compared with the loaders' (the seeded API of `seededApi` owns the data).
 */
export function loadersOnlyApi(): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi({ planner: false });
  });
  afterAll(async () => {
    await api?.close();
  });
  return () => {
    if (!api) throw new Error('the API is started in beforeAll');
    return api;
  };
}
