import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import { printSchema } from 'graphql';
import {
  DEFAULT_AUTH,
  DEFAULT_LIMITS,
  REPO_ROOT,
  type AppConfig,
  type AuthConfig,
  type LimitsConfig,
  type ResultCaps,
  type SharedStoreConfig,
  type TrustProxy,
} from '../config';
import { parseExamples } from '../common/examples';
import { EXPLORER_DIR, explorerRouter } from '../common/explorer';
import { ideRouter } from '../common/ide';
import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../common/errors';
import { createFormatError, credentialRefusal } from '../common/graphql-errors';
import type { Logger } from '../common/logger';
import { etagPlugin } from '../common/plugins/etag.plugin';
import { cachePolicyPlugin } from '../common/plugins/cache-policy.plugin';
import { noStorePlugin } from '../common/plugins/no-store.plugin';
import { retryAfterPlugin } from '../common/plugins/retry-after.plugin';
import { DocumentTexts, PROJECT_DOCUMENTS } from '../seed/documents';
import { exportRouter } from '../modules/export/export.router';
import { CONTEXT_FILE } from '../modules/export/jsonld';
import { buildDigest } from './build-digest';
import { createContext, type Context } from './context';
import { DataVersion } from './data-version';
import { clientAddressOf, trustFunction } from './client-address';
import { graphqlHandler, graphqlRoute, isGraphqlPath } from './graphql-handler';
import { DEFAULT_MAX_AGE_SECONDS, graphqlEtag, graphqlNotModified } from './http-cache';
import { graphqlLimits, jsonErrorHandler, rateLimiter, tokenLimit } from './limits';
import { buildAppSchema } from './schema';
import { PersistedQueryCache } from '../store/persisted-query-cache';
import { SharedRateLimitStore } from '../store/rate-limit-store';
import { SharedStore, type SharedStoreTimings } from '../store/shared-store';
import { createAuthenticator, type CredentialAuthenticator } from '../modules/auth/authenticator';
import type { Authenticator } from '../modules/auth/principal';

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
  /** Credential settings for the default authenticator (default: DEFAULT_AUTH, no JWTs). */
  auth?: AuthConfig;
  /**
   * Turns the Authorization header into a principal (default: API keys in the database, and JWTs
   * when `auth.jwt` is set; `anonymousOnly` refuses nothing and admits nobody).
   */
  authenticate?: Authenticator;
  /** The explorer's build served at /explore/ (default: EXPLORER_DIR). */
  explorerDir?: string;
  /**
   * The store replicas share for persisted queries and rate-limit counters (KG_SHARED_STORE_URL);
   * unset or null keeps both in this process's memory.
   */
  sharedStore?: SharedStoreConfig | null;
  /** Waits on the shared store (default DEFAULT_STORE_TIMINGS; tests shorten them). */
  sharedStoreTimings?: SharedStoreTimings;
  /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY; default none). */
  trustProxy?: TrustProxy;
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
 * schema/examples.graphql), the explorer web app at /explore/, liveness at /health, readiness
 * (database answers) at /ready. Apollo's landing page loads from a CDN and stays off.
 */
export async function createApp(db: Database, logger: Logger, options: AppOptions = {}) {
  const httpServer = http.createServer();
  if (!db.boltJoin.joined) {
    logger.warn(
      { reason: db.boltJoin.why },
      'large records are decoded as the driver does, in pieces (slower): see src/db/bolt-messages.ts',
    );
  }
  const schema = await buildAppSchema();
  // Answers depend on the data and on the code; a deploy that changes either changes the ETags.
  const build = buildDigest([printSchema(schema), fs.readFileSync(CONTEXT_FILE, 'utf8')]);
  const dataVersion = new DataVersion(db, options.dataVersionTtlMs);
  const maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // The default authenticator can drop a key revoked through this server from its cache.
  const given = options.authenticate;
  const credentials: CredentialAuthenticator = given
    ? Object.assign((authorization: string | undefined) => given(authorization), {
        forget: () => undefined,
      })
    : createAuthenticator(db, options.auth ?? DEFAULT_AUTH);
  const guard = graphqlLimits<Context>(schema, limits, options.development ?? false);
  const store = options.sharedStore
    ? new SharedStore(options.sharedStore, logger, options.sharedStoreTimings)
    : undefined;
  const rateLimitStore = store ? new SharedRateLimitStore(store) : undefined;
  // The first requests use the store when it answers at start; the server starts either way.
  await store?.firstConnection();
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
    // Automatic persisted queries are built in. In memory, entries stay until the bounded cache
    // evicts them rather than expiring after a fixed time; the shared store gives them its own
    // sliding expiry (PERSISTED_QUERY_TTL_SECONDS) in front of the same bounded local cache.
    persistedQueries: store ? { cache: new PersistedQueryCache(store) } : { ttl: null },
    validationRules: guard.validationRules,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    includeStacktraceInErrorResponses: guard.includeStacktraceInErrorResponses,
    stringifyResult: guard.stringifyResult,
    // Apollo's own handler would stop the server and re-raise the signal, killing the process
    // before the driver closes; src/cli/start.ts handles SIGTERM/SIGINT instead.
    stopOnTerminationSignals: false,
    plugins: [
      ...guard.plugins,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The graph changes only on import: every read may be cached for the default age. Apollo's
      // own cache-control plugin, installed unless disabled, would hook every field's resolver.
      cachePolicyPlugin<Context>(maxAgeSeconds),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin<Context>(),
      etagPlugin<Context>(async () => graphqlEtag(await dataVersion.current(), build)),
      retryAfterPlugin<Context>(() => db.health.retryAfterSeconds()),
      {
        // After the HTTP server has drained (drainServer runs before serverWillStop).
        async serverWillStart() {
          return {
            async serverWillStop() {
              rateLimitStore?.shutdown();
              await store?.close();
            },
          };
        },
      },
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await store?.close();
    throw error;
  }
  db.health.onChange((state, downForMs) => {
    if (state === 'down') {
      logger.warn('the database does not answer: failing requests fast while probing for it');
    } else {
      logger.info({ downForMs }, 'the database answers again');
    }
  });

  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For names the client (the rate limit's key); nobody's by default.
  const trust = trustFunction(options.trustProxy ?? false);
  const clientAddress = clientAddressOf(trust);
  app.set('trust proxy', trust);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    // The store is reported, not required: without it each replica falls back to its memory.
    const storeStatus = store?.status();
    const sharedStore = async () => (storeStatus ? { sharedStore: await storeStatus } : {});
    try {
      await db.verify();
      res.json({ status: 'ready', ...(await sharedStore()) });
    } catch (error) {
      // The reason names no address or user: those go to the log only.
      logger.warn({ err: error, detail: (error as AppError).detail }, 'not ready');
      // The same state that fails GraphQL requests fast while the database is down.
      if (db.health.isDown()) res.setHeader('Retry-After', String(db.health.retryAfterSeconds()));
      res.status(503).json({
        status: 'unavailable',
        reason: error instanceof AppError ? error.message : 'The database cannot be reached.',
        ...(await sharedStore()),
      });
    }
  });
  const limiter = rateLimiter(
    { limit: limits.rateLimit, windowSeconds: limits.rateLimitWindowSeconds },
    clientAddress,
    logger,
    rateLimitStore,
  );
  const graphql = graphqlRoute(
    [
      limiter,
      graphqlNotModified(dataVersion, build, maxAgeSeconds),
      express.json({ limit: limits.maxBodyBytes }),
      tokenLimit(limits.maxTokens),
    ],
    graphqlHandler(apollo, async (req) => {
      let principal;
      try {
        principal = await credentials(req.headers.authorization);
      } catch (error) {
        // For whoever watches for guessing; the reason never holds the credential itself.
        if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) {
          logger.info({ reason: error.message, ip: clientAddress(req) }, 'credential refused');
        }
        // Refused before any field runs: 401 (or 503), not Apollo's "Context creation failed".
        throw credentialRefusal(error, () => db.health.retryAfterSeconds());
      }
      return createContext(
        db,
        logger,
        options.resultCaps,
        options.planner ?? true,
        principal,
        credentials.forget,
        curation,
      );
    }),
    logger,
  );
  app.use(
    '/export',
    limiter,
    exportRouter(db, { dataVersion, buildDigest: build, maxAgeSeconds, logger }),
  );
  app.use('/explore', explorerRouter({ dir: options.explorerDir ?? EXPLORER_DIR, logger }));
  app.use(
    ideRouter({
      endpoint: '/graphql',
      examples: parseExamples(fs.readFileSync(EXAMPLES_FILE, 'utf8')),
      title: 'Kommunalgraph',
    }),
  );
  app.use(jsonErrorHandler(logger));
  httpServer.on('request', (req, res) => {
    if (isGraphqlPath(req.url)) graphql(req, res);
    else app(req, res);
  });
  return { app, apollo, httpServer, sharedStore: store };
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
    sharedStore: config.sharedStore,
    trustProxy: config.server.trustProxy,
    auth: config.auth,
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
