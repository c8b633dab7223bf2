import { stopNeo4j } from '../src/db/launcher';

export default async function globalTeardown(): Promise<void> {
  if ((globalThis as { __kgStartedNeo4j?: boolean }).__kgStartedNeo4j) {
    await stopNeo4j({ log: (line) => console.log(`[neo4j] ${line}`) });
  }
}
