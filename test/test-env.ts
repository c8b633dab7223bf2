/**
 * Integration tests run against their own Neo4j (default bolt://127.0.0.1:7688, data in
 * .neo4j/port-7688), never the instance `NEO4J_URI` points at: the seed tests replace and then
 * remove the seed dataset, which must not happen to a developer's database.
 */
export const TEST_URI = process.env.NEO4J_TEST_URI ?? 'bolt://127.0.0.1:7688';

/**
 * The test instance holds small data: it keeps the small memory settings the launcher had before
 * its defaults were sized for the national graph, unless the environment sets others.
 */
const TEST_MEMORY = {
  NEO4J_HEAP: '768m',
  NEO4J_PAGECACHE: '256m',
  NEO4J_TRANSACTION_MEMORY: '256m',
};

export function applyTestEnv(): void {
  process.env.NEO4J_URI = TEST_URI;
  for (const [name, value] of Object.entries(TEST_MEMORY)) process.env[name] ??= value;
  if (process.env.NEO4J_TEST_PASSWORD) process.env.NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD;
  if (process.env.NEO4J_TEST_USER) process.env.NEO4J_USER = process.env.NEO4J_TEST_USER;
}
