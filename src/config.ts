import path from 'node:path';

/** Where the repository lives; every relative default below is resolved against it. */
export const REPO_ROOT =
  path.basename(path.dirname(__dirname)) === 'dist'
    ? path.resolve(__dirname, '..', '..')
    : path.resolve(__dirname, '..');

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
  /**
   * Server-side time limit of every read transaction, in ms (driver `timeout`); a query that runs
   * longer is stopped by Neo4j and answers QUERY_TIMEOUT. Callers may pass their own.
   */
  queryTimeoutMs: number;
  /** While the database is down, how often one probe asks whether it is back (ms). */
  probeIntervalMs?: number;
}

/** Settings of the embedded Neo4j that `npm run db:start` launches (ignored for external URIs). */
export interface LauncherConfig {
  /** Directory holding the instance's data, logs and pid file. */
  dataDir: string;
  heap: string;
  pageCache: string;
  /**
   * `db.memory.transaction.total.max` of the local instance: the memory all open transactions may
   * hold together. A dataset's switch holds its whole change in one transaction (README
   * "Importing at scale").
   */
  transactionMemory: string;
  /** Seconds to wait for Bolt to answer after launching. */
  startTimeoutSeconds: number;
  /**
   * `db.transaction.timeout` of the local instance, in seconds: the backstop for transactions
   * that set no limit of their own (reads set QUERY_TIMEOUT_MS, the import sets none).
   */
  transactionTimeoutSeconds: number;
  /**
   * Plugins the local instance loads (`NEO4J_PLUGINS`); none by default, so a normal start stays
   * lean. `apoc` = APOC core, which the @neo4j/graphql peer of the API bench needs.
   */
  plugins: LauncherPlugin[];
}

/** Plugins the launcher can load, fetched from Maven Central on first use (launcher/pom.xml). */
export const LAUNCHER_PLUGINS = ['apoc'] as const;
export type LauncherPlugin = (typeof LAUNCHER_PLUGINS)[number];

export interface SeedConfig {
  /** Seed files (YAML). */
  seedDir: string;
  /** Plain-text source documents the quotes are verified against. */
  documentsDir: string;
}

export interface ServerConfig {
  port: number;
  /** Interface the HTTP server binds to. */
  host: string;
  logLevel: string;
  /**
   * Development mode (`KG_DEV=1` or `NODE_ENV=development`): errors carry stack traces and
   * validation errors suggest field names. Off for a public service.
   */
  development: boolean;
}

/** Bounds on every request; README "Limits" lists each with its variable and refusal. */
export interface LimitsConfig {
  /** Deepest field nesting of an operation. */
  maxDepth: number;
  /** Aliases in an operation. */
  maxAliases: number;
  /** Lexical tokens of a query document. */
  maxTokens: number;
  /** Directives in an operation. */
  maxDirectives: number;
  /** Estimated cost: each field 1, a list field's selection multiplied by its length. */
  maxCost: number;
  /** Length assumed for a relation list (no `first`) when estimating the cost. */
  assumedListLength: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Largest GraphQL response body, in bytes. */
  maxResponseBytes: number;
  /** Requests one client (IP address) may send to /graphql and /export per window. */
  rateLimit: number;
  rateLimitWindowSeconds: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 200_000,
  assumedListLength: 10,
  maxBodyBytes: 100 * 1024,
  maxResponseBytes: 5 * 1024 * 1024,
  rateLimit: 600,
  rateLimitWindowSeconds: 60,
};

/** Caps on what one answer may hold, enforced in Cypher (LIMIT) rather than after loading. */
export interface ResultCaps {
  /** Most nodes `neighbourhood` returns (NEIGHBOURHOOD_MAX_NODES). */
  neighbourhoodNodes: number;
  /** Most edges `neighbourhood` returns (NEIGHBOURHOOD_MAX_EDGES). */
  neighbourhoodEdges: number;
  /** Most hits `search` ranks, pages through and counts (SEARCH_MAX_HITS). */
  searchHits: number;
}

export const DEFAULT_RESULT_CAPS: ResultCaps = {
  neighbourhoodNodes: 500,
  neighbourhoodEdges: 1000,
  searchHits: 1000,
};

export interface AppConfig {
  neo4j: Neo4jConfig;
  resultCaps: ResultCaps;
  launcher: LauncherConfig;
  seed: SeedConfig;
  server: ServerConfig;
  limits: LimitsConfig;
}

/** One message per bad variable, so a user can fix all of them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const MEMORY = /^\d+[kmg]$/i;

/** The password of the local development instance; not a secret, it only guards 127.0.0.1. */
export const DEV_PASSWORD = 'kommunalgraph-dev';

/** Loopback host names and addresses: the only hosts the launcher starts a database on. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * True for the URIs of a database the launcher runs: plain `bolt://` or `neo4j://` (the local
 * instance speaks no TLS) on a loopback host (127.0.0.0/8, localhost, [::1]). Only these may use
 * the development password; any other database needs NEO4J_PASSWORD.
 */
export function isLocalDatabaseUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (
      ['bolt:', 'neo4j:'].includes(url.protocol) &&
      isLoopbackHost(url.hostname.replace(/^\[(.*)\]$/, '$1'))
    );
  } catch {
    return false;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    return value;
  };

  const uri = str('NEO4J_URI', 'bolt://127.0.0.1:7687');
  try {
    const parsed = new URL(uri);
    if (
      !['bolt:', 'neo4j:', 'bolt+s:', 'neo4j+s:', 'bolt+ssc:', 'neo4j+ssc:'].includes(
        parsed.protocol,
      )
    ) {
      problems.push(`NEO4J_URI: scheme must be bolt:// or neo4j:// (got "${uri}")`);
    }
  } catch {
    problems.push(`NEO4J_URI: not a URI (got "${uri}")`);
  }
  const password = str('NEO4J_PASSWORD', DEV_PASSWORD);
  if (!env.NEO4J_PASSWORD && !isLocalDatabaseUri(uri)) {
    problems.push(
      `NEO4J_PASSWORD: required for the database at ${uri}; the development password is only ` +
        'used for the local database the launcher runs (bolt:// or neo4j:// on 127.0.0.1, ' +
        'localhost or [::1])',
    );
  } else if (password.length < 8) {
    problems.push('NEO4J_PASSWORD: Neo4j requires at least 8 characters');
  }

  // Sized for the national graph on a 2-core, 24 GiB machine (README "Importing at scale"): its
  // switch holds about 1.2 GB of transaction state; its store is about 1 GB.
  const heap = str('NEO4J_HEAP', '4g');
  if (!MEMORY.test(heap))
    problems.push(`NEO4J_HEAP: expected a size like 768m or 1g (got "${heap}")`);
  const pageCache = str('NEO4J_PAGECACHE', '2g');
  if (!MEMORY.test(pageCache)) {
    problems.push(`NEO4J_PAGECACHE: expected a size like 256m or 1g (got "${pageCache}")`);
  }
  const transactionMemory = str('NEO4J_TRANSACTION_MEMORY', '2g');
  if (!MEMORY.test(transactionMemory)) {
    problems.push(
      `NEO4J_TRANSACTION_MEMORY: expected a size like 256m or 1g (got "${transactionMemory}")`,
    );
  }
  const timeoutRaw = str('NEO4J_START_TIMEOUT', '180');
  const startTimeoutSeconds = Number(timeoutRaw);
  if (!Number.isInteger(startTimeoutSeconds) || startTimeoutSeconds <= 0) {
    problems.push(
      `NEO4J_START_TIMEOUT: expected a positive whole number of seconds (got "${timeoutRaw}")`,
    );
  }

  const queryTimeoutMs = positiveWhole(env, problems, 'QUERY_TIMEOUT_MS', 10_000, 'milliseconds');
  const transactionTimeoutSeconds = positiveWhole(
    env,
    problems,
    'NEO4J_TRANSACTION_TIMEOUT',
    60,
    'seconds',
  );
  const resultCaps: ResultCaps = {
    neighbourhoodNodes: positiveWhole(
      env,
      problems,
      'NEIGHBOURHOOD_MAX_NODES',
      DEFAULT_RESULT_CAPS.neighbourhoodNodes,
      'nodes',
    ),
    neighbourhoodEdges: positiveWhole(
      env,
      problems,
      'NEIGHBOURHOOD_MAX_EDGES',
      DEFAULT_RESULT_CAPS.neighbourhoodEdges,
      'edges',
    ),
    searchHits: positiveWhole(
      env,
      problems,
      'SEARCH_MAX_HITS',
      DEFAULT_RESULT_CAPS.searchHits,
      'hits',
    ),
  };
  const probeRaw = str('NEO4J_PROBE_MS', '1000');
  const probeIntervalMs = Number(probeRaw);
  if (!Number.isInteger(probeIntervalMs) || probeIntervalMs < 100 || probeIntervalMs > 60_000) {
    problems.push(
      `NEO4J_PROBE_MS: expected whole milliseconds from 100 to 60000 (got "${probeRaw}")`,
    );
  }

  const portRaw = str('PORT', '4000');
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT: expected a port number 0–65535 (got "${portRaw}")`);
  }
  const logLevel = str('LOG_LEVEL', 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL: one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }

  const limits = loadLimits(env, problems);
  const plugins = launcherPlugins(env, problems);
  const development = ['1', 'true'].includes(env.KG_DEV ?? '') || env.NODE_ENV === 'development';

  if (problems.length > 0) throw new ConfigError(problems);

  const resolve = (p: string) => path.resolve(REPO_ROOT, p);
  return {
    neo4j: {
      uri,
      user: str('NEO4J_USER', 'neo4j'),
      password,
      database: str('NEO4J_DATABASE', 'neo4j'),
      queryTimeoutMs,
      probeIntervalMs,
    },
    resultCaps,
    launcher: {
      dataDir: resolve(str('NEO4J_DATA_DIR', `.neo4j/${defaultInstanceName(uri)}`)),
      heap,
      pageCache,
      transactionMemory,
      startTimeoutSeconds,
      transactionTimeoutSeconds,
      plugins,
    },
    seed: {
      seedDir: resolve(str('SEED_DIR', 'seeds')),
      documentsDir: resolve(str('SEED_DOCUMENTS_DIR', '../shared/seeds')),
    },
    server: { port, host: str('HOST', '127.0.0.1'), logLevel, development },
    limits,
  };
}

/**
 * A positive whole number from `env[name]`, or `fallback` when unset; a bad value adds a problem
 * (naming the unit, when given) and leaves the fallback.
 */
function positiveWhole(
  env: Env,
  problems: string[],
  name: string,
  fallback: number,
  unit?: string,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    const what = unit ? `a positive whole number of ${unit}` : 'a positive whole number';
    problems.push(`${name}: expected ${what} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/**
 * `NEO4J_PLUGINS`: plugin names separated by commas or spaces (`apoc`), or the JSON list the
 * official Docker image reads (`["apoc"]`); unknown names add a problem.
 */
function launcherPlugins(env: Env, problems: string[]): LauncherPlugin[] {
  const raw = env.NEO4J_PLUGINS ?? '';
  const names = raw
    .replace(/^\s*\[(.*)\]\s*$/, '$1')
    .split(/[\s,]+/)
    .map((name) => name.replace(/^"(.*)"$/, '$1').toLowerCase())
    .filter((name) => name !== '');
  const known = (name: string): name is LauncherPlugin =>
    (LAUNCHER_PLUGINS as readonly string[]).includes(name);
  const unknown = names.filter((name) => !known(name));
  if (unknown.length > 0) {
    problems.push(
      `NEO4J_PLUGINS: the local instance can load ${LAUNCHER_PLUGINS.join(', ')} (got "${raw}")`,
    );
    return [];
  }
  return [...new Set(names.filter(known))];
}

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** The request limits; a bad value adds a problem and leaves the default. */
function loadLimits(env: Env, problems: string[]): LimitsConfig {
  const count = (name: string, fallback: number) => positiveWhole(env, problems, name, fallback);
  const size = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const match = SIZE.exec(raw.trim());
    const value = match ? Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]! : 0;
    if (value <= 0) {
      problems.push(`${name}: expected a size like 100kb, 5mb or a byte count (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const d = DEFAULT_LIMITS;
  return {
    maxDepth: count('GRAPHQL_MAX_DEPTH', d.maxDepth),
    maxAliases: count('GRAPHQL_MAX_ALIASES', d.maxAliases),
    maxTokens: count('GRAPHQL_MAX_TOKENS', d.maxTokens),
    maxDirectives: count('GRAPHQL_MAX_DIRECTIVES', d.maxDirectives),
    maxCost: count('GRAPHQL_MAX_COST', d.maxCost),
    assumedListLength: count('GRAPHQL_ASSUMED_LIST_LENGTH', d.assumedListLength),
    maxBodyBytes: size('HTTP_MAX_BODY', d.maxBodyBytes),
    maxResponseBytes: size('HTTP_MAX_RESPONSE', d.maxResponseBytes),
    rateLimit: count('RATE_LIMIT', d.rateLimit),
    rateLimitWindowSeconds: count('RATE_LIMIT_WINDOW', d.rateLimitWindowSeconds),
  };
}

/** Each local port gets its own data directory, so the test instance never touches dev data. */
function defaultInstanceName(uri: string): string {
  try {
    const port = new URL(uri).port || '7687';
    return port === '7687' ? 'dev' : `port-${port}`;
  } catch {
    return 'dev';
  }
}
