import { ConfigError } from '../config';
import { Neo4jLauncherError, stopNeo4j } from '../db/launcher';

/** `npm run db:stop`: stops the local Neo4j that `npm run db:start` launched, if any. */
async function main(): Promise<void> {
  await stopNeo4j({ log: (line) => console.log(line) });
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
