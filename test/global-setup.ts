import { startNeo4j } from '../src/db/launcher';
import { applyTestEnv, TEST_URI } from './test-env';

/** Starts the test Neo4j when nothing answers; the teardown stops it only if we started it. */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const { started } = await startNeo4j({ log: (line) => console.log(`[neo4j] ${line}`) });
  (globalThis as { __kgStartedNeo4j?: boolean }).__kgStartedNeo4j = started;
  process.env.KG_TEST_NEO4J = TEST_URI;
}
