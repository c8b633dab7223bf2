import { stopNeo4j } from '../db/launcher';
import { runCli } from './run-cli';

/** `npm run db:stop`: stops the local Neo4j that `npm run db:start` launched, if any. */
runCli(async () => {
  await stopNeo4j({ log: (line) => console.log(line) });
});
