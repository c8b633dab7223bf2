import { ConfigError } from '../config';
import { Neo4jLauncherError, startNeo4j } from '../db/launcher';

/** `npm run db:start`: makes sure a Neo4j answers at NEO4J_URI, starting a local one if needed. */
async function main(): Promise<void> {
  await startNeo4j({ log: (line) => console.log(line) });
}

main().catch((error: unknown) => {
  // Expected failures carry a message written for the user; a stack only helps with real bugs.
  if (error instanceof ConfigError || error instanceof Neo4jLauncherError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = 1;
});
