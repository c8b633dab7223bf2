import { startNeo4j } from '../db/launcher';
import { runCli } from './run-cli';

/** `npm run db:start`: makes sure a Neo4j answers at NEO4J_URI, starting a local one if needed. */
runCli(async () => {
  await startNeo4j({ log: (line) => console.log(line) });
});
