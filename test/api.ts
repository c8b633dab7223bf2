import type { AddressInfo } from 'node:net';
import { loadConfig, type Neo4jConfig } from '../src/config';
import { createLogger, type Logger } from '../src/common/logger';
import { createDatabase, type Database } from '../src/db/database';
import { createApp, type AppOptions } from '../src/server/app';
import { deleteApiKeys } from '../src/modules/auth/api-key.repository';
import { createApiKey } from '../src/modules/auth/api-key.service';
import type { Role } from '../src/modules/auth/principal';
import { importSeeds, SEED_DATASET } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are dynamic JSON; the assertions check them
type Json = any;

type Answer = { data?: Json; errors?: Json[] };

export interface TestApi {
  url: string;
  db: Database;
  /**
   * POSTs a GraphQL operation to the running server. `authorization` is sent as the header of
   * that name, exactly as given (so tests can send malformed ones); an object adds those headers.
   */
  query(
    query: string,
    variables?: Record<string, unknown>,
    authorization?: string | Record<string, string>,
  ): Promise<Answer>;
  /**
   * A real API key with this role in the test database (made as `npm run keys -- create` makes
   * it), and a `query` that sends it. Keys made here are deleted on close.
   */
  keyFor(role: Role, name?: string): Promise<TestKey>;
  close(): Promise<void>;
}

export interface TestKey {
  id: string;
  /** The key string, `kg_<id>_<secret>`. */
  secret: string;
  /** `Bearer <secret>`, the Authorization header that sends it. */
  authorization: string;
  query(query: string, variables?: Record<string, unknown>): Promise<Answer>;
}

/** Deletes API keys by id (tests clean up the keys they made). */
export { deleteApiKeys };

/**
 * The real HTTP server on a free loopback port, against the test database (`neo4j` overrides its
 * settings, e.g. to reach a database that does not exist; `logger` lets a test read the log).
 */
export async function startTestApi(
  options: AppOptions = {},
  neo4j: Partial<Neo4jConfig> = {},
  logger: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
): Promise<TestApi> {
  const db = createDatabase({ ...loadConfig().neo4j, ...neo4j });
  const { apollo, httpServer } = await createApp(db, logger, options);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const keys: string[] = [];
  const query: TestApi['query'] = async (query, variables, authorization) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined
          ? {}
          : typeof authorization === 'string'
            ? { authorization }
            : authorization),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };
  return {
    url,
    db,
    query,
    async keyFor(role, name = `test ${role.toLowerCase()}`) {
      const { key, secret } = await createApiKey(db, { name, role, createdBy: 'test' });
      keys.push(key.id);
      const authorization = `Bearer ${secret}`;
      return {
        id: key.id,
        secret,
        authorization,
        query: (q, variables) => query(q, variables, authorization),
      };
    },
    async close() {
      await apollo.stop();
      if (keys.length > 0) await deleteApiKeys(db, keys);
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
