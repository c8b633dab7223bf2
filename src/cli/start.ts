import { loadConfig } from '../config';
import { createLogger } from '../common/logger';
import { createDatabase } from '../db/database';
import { startNeo4j } from '../db/launcher';
import { formatCounts, importSeeds, isImportCurrent } from '../seed/import';
import { startServer } from '../server/app';
import { runCli } from './run-cli';

/**
 * The main job: make sure a database answers (starting the embedded one if needed), import the
 * seeds when the database is empty or holds other seed files (by digest), then serve the API
 * until SIGTERM or SIGINT.
 */
runCli(async () => {
  const config = loadConfig();
  const logger = createLogger(config.server.logLevel);
  await startNeo4j({ log: (line) => logger.info({ component: 'neo4j' }, line) });
  const db = createDatabase(config.neo4j);
  await db.verify();
  if (await isImportCurrent(db, config.seed.seedDir)) {
    logger.info(
      { component: 'seed' },
      'the database holds the current seed files; no import needed',
    );
  } else {
    const result = await importSeeds(db, {
      ...config.seed,
      log: (line) => logger.info({ component: 'seed' }, line),
    });
    logger.info(
      { component: 'seed', counts: result.counts },
      formatCounts(result.counts).split('\n')[0],
    );
  }
  const server = await startServer(config, db, logger);
  logger.info({ url: `${server.url}/graphql` }, `GraphQL API at ${server.url}/graphql`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down: draining requests, closing the database driver');
      void server.stop().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
});
