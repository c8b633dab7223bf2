import './production-env';
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
 * until SIGTERM or SIGINT, which drain running requests, close the driver and exit with 0.
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
  await new Promise<void>((resolve, reject) => {
    // Apollo's own signal handling is off (see createApp): it would re-raise the signal and end
    // the process with 143 before the driver has closed. A second signal (Ctrl-C in a terminal
    // reaches both npm and this process, and npm forwards it) changes nothing.
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: draining requests, closing the database driver');
      server.stop().then(() => {
        logger.info('requests drained and database driver closed; exiting');
        resolve();
      }, reject);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
});
