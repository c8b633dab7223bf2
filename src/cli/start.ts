import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { startNeo4j } from '../db/launcher';
import { formatCounts, importSeeds } from '../seed/import';
import { runCli } from './run-cli';

/**
 * The main job: make sure a database answers (starting the embedded one if needed), then import
 * the seeds. The GraphQL API will be served from here too.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await startNeo4j({ log: (line) => console.log(`[neo4j] ${line}`) });
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    const result = await importSeeds(db, {
      ...config.seed,
      log: (line) => console.log(`[seed] ${line}`),
    });
    console.log(formatCounts(result.counts));
    console.log(
      `Graph ready at ${config.neo4j.uri} (user ${config.neo4j.user}, database ${config.neo4j.database}).`,
    );
  } finally {
    await db.close();
  }
}

runCli(main);
