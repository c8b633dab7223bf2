import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { REPO_ROOT, type AppConfig } from '../config';
import { parseExamples } from '../common/examples';
import { ideRouter } from '../common/ide';
import type { Database } from '../db/database';
import { createFormatError } from '../common/graphql-errors';
import type { Logger } from '../common/logger';
import { createContext, type Context } from './context';
import { buildAppSchema } from './schema';

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

const EXAMPLES_FILE = path.join(REPO_ROOT, 'schema', 'examples.graphql');

/**
 * The HTTP app: GraphQL at /graphql, the self-hosted IDE at / and /graphiql (opening with the
 * research questions of schema/examples.graphql), liveness at /health, readiness (database
 * answers) at /ready. Apollo's landing page loads from a CDN and stays off.
 */
export async function createApp(db: Database, logger: Logger) {
  const httpServer = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError: createFormatError(logger),
    introspection: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await db.verify();
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async () => createContext(db, logger),
    }),
  );
  app.use(
    ideRouter({
      endpoint: '/graphql',
      examples: parseExamples(fs.readFileSync(EXAMPLES_FILE, 'utf8')),
      title: 'Kommunalgraph',
    }),
  );
  httpServer.on('request', app);
  return { app, apollo, httpServer };
}

/** Listens, and stops gracefully: in-flight requests drain, then the driver closes. */
export async function startServer(
  config: AppConfig,
  db: Database,
  logger: Logger,
): Promise<RunningServer> {
  const { apollo, httpServer } = await createApp(db, logger);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.server.port, config.server.host, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  const url = `http://${config.server.host === '0.0.0.0' ? 'localhost' : config.server.host}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    httpServer,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        await db.close();
      })();
      return stopping;
    },
  };
}
