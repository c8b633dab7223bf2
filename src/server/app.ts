import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { printSchema } from 'graphql';
import {
  DEFAULT_LIMITS,
  REPO_ROOT,
  type AppConfig,
  type LimitsConfig,
  type ResultCaps,
} from '../config';
import { parseExamples } from '../common/examples';
import { ideRouter } from '../common/ide';
import type { Database } from '../db/database';
import { AppError } from '../common/errors';
import { createFormatError } from '../common/graphql-errors';
import type { Logger } from '../common/logger';
import { etagPlugin } from '../common/plugins/etag.plugin';
import { retryAfterPlugin } from '../common/plugins/retry-after.plugin';
import { noStorePlugin } from '../common/plugins/no-store.plugin';
import { DocumentTexts, PROJECT_DOCUMENTS } from '../seed/documents';
import { exportRouter } from '../modules/export/export.router';
import { CONTEXT_FILE } from '../modules/export/jsonld';
import { buildDigest } from './build-digest';
import { createContext, type Context } from './context';
import { DataVersion } from './data-version';
import { DEFAULT_MAX_AGE_SECONDS, graphqlEtag, graphqlNotModified } from './http-cache';
import { graphqlLimits, jsonErrorHandler, rateLimiter, tokenLimit } from './limits';
import { buildAppSchema } from './schema';
import { anonymousOnly, type Authenticator } from '../modules/auth/principal';

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

const EXAMPLES_FILE = path.join(REPO_ROOT, 'schema', 'examples.graphql');

export interface AppOptions {
  /** Max age of cacheable responses (every read field's default cache hint). */
  maxAgeSeconds?: number;
  /** How long the data version behind ETags is reused (tests set 0). */
  dataVersionTtlMs?: number;
  /** Request limits (README "Limits"); unset ones keep their defaults. */
  limits?: Partial<LimitsConfig>;
  /** Stack traces and field suggestions in errors (KG_DEV). */
  development?: boolean;
  /** Caps on result sizes (default: DEFAULT_RESULT_CAPS; the server passes the configured ones). */
  resultCaps?: ResultCaps;
  /** The query planner (default on); off answers every relation field through loaders. */
  planner?: boolean;
  /** Turns the Authorization header into a principal (default: every request anonymous). */
  authenticate?: Authenticator;
  /**
   * The seed documents quotes of curation writes are checked against (SEED_DOCUMENTS_DIR), and
   * the project's own documents (the seed directory's `documents/`). Without them, a write
   * citing a seed document is refused: its quote cannot be checked.
   */
  documents?: { dir: string; projectDir?: string };
}

/**
 * The HTTP app: GraphQL at /graphql (POST, and GET for queries), exports under /export, the
 * self-hosted IDE at / and /graphiql (opening with the research questions of
 * schema/examples.graphql), liveness at /health, readiness (database answers) at /ready. Apollo's
 * landing page loads from a CDN and stays off.
 */
export async function createApp(db: Database, logger: Logger, options: AppOptions = {}) {
  const httpServer = http.createServer();
  const schema = await buildAppSchema();
  // Answers depend on the data and on the code; a deploy that changes either changes the ETags.
  const build = buildDigest([printSchema(schema), fs.readFileSync(CONTEXT_FILE, 'utf8')]);
  const dataVersion = new DataVersion(db, options.dataVersionTtlMs);
  const maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const authenticate = options.authenticate ?? anonymousOnly;
  const guard = graphqlLimits<Context>(schema, limits, options.development ?? false);
  const documents = options.documents
    ? new DocumentTexts(options.documents.dir, options.documents.projectDir)
    : null;
  // A write changes the data version at once for this process (other replicas within the TTL).
  const curation = { documents, onWrite: () => dataVersion.invalidate() };
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createFormatError(logger),
    introspection: true,
    // Apollo's default, stated so it is not switched off by accident: a GET must carry a
    // non-simple content type or an `apollo-require-preflight` header.
    csrfPrevention: true,
    // Automatic persisted queries are built in; entries stay until the bounded in-memory cache
    // evicts them rather than expiring after a fixed time.
    persistedQueries: { ttl: null },
    validationRules: guard.validationRules,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    includeStacktraceInErrorResponses: guard.includeStacktraceInErrorResponses,
    // Apollo's own handler would stop the server and re-raise the signal, killing the process
    // before the driver closes; src/cli/start.ts handles SIGTERM/SIGINT instead.
    stopOnTerminationSignals: false,
    plugins: [
      ...guard.plugins,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The graph changes only on import: every read field may be cached for the default age.
      ApolloServerPluginCacheControl({ defaultMaxAge: maxAgeSeconds }),
      etagPlugin<Context>(async () => graphqlEtag(await dataVersion.current(), build)),
      noStorePlugin<Context>(),
      retryAfterPlugin<Context>(() => db.health.retryAfterSeconds()),
    ],
  });
  await apollo.start();
  db.health.onChange((state, downForMs) => {
    if (state === 'down') {
      logger.warn('the database does not answer: failing requests fast while probing for it');
    } else {
      logger.info({ downForMs }, 'the database answers again');
    }
  });

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
      // The reason names no address or user: those go to the log only.
      logger.warn({ err: error, detail: (error as AppError).detail }, 'not ready');
      // The same state that fails GraphQL requests fast while the database is down.
      if (db.health.isDown()) res.setHeader('Retry-After', String(db.health.retryAfterSeconds()));
      res.status(503).json({
        status: 'unavailable',
        reason: error instanceof AppError ? error.message : 'The database cannot be reached.',
      });
    }
  });
  const limiter = rateLimiter(
    { limit: limits.rateLimit, windowSeconds: limits.rateLimitWindowSeconds },
    logger,
  );
  app.use(
    '/graphql',
    limiter,
    graphqlNotModified(dataVersion, build, maxAgeSeconds),
    express.json({ limit: limits.maxBodyBytes }),
    tokenLimit(limits.maxTokens),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(
          db,
          logger,
          options.resultCaps,
          options.planner ?? true,
          await authenticate(req.headers.authorization),
          curation,
        ),
    }),
  );
  app.use(
    '/export',
    limiter,
    exportRouter(db, { dataVersion, buildDigest: build, maxAgeSeconds, logger }),
  );
  app.use(
    ideRouter({
      endpoint: '/graphql',
      examples: parseExamples(fs.readFileSync(EXAMPLES_FILE, 'utf8')),
      title: 'Kommunalgraph',
    }),
  );
  app.use(jsonErrorHandler(logger));
  httpServer.on('request', app);
  return { app, apollo, httpServer };
}

/** Listens, and stops gracefully: in-flight requests drain, then the driver closes. */
export async function startServer(
  config: AppConfig,
  db: Database,
  logger: Logger,
): Promise<RunningServer> {
  const { apollo, httpServer } = await createApp(db, logger, {
    limits: config.limits,
    development: config.server.development,
    resultCaps: config.resultCaps,
    documents: {
      dir: config.seed.documentsDir,
      projectDir: path.join(config.seed.seedDir, PROJECT_DOCUMENTS),
    },
  });
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
