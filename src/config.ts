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
  /** While the database is down, how often one probe asks whether it is back (ms). */
  probeIntervalMs?: number;
}

/** Settings of the embedded Neo4j that `npm run db:start` launches (ignored for external URIs). */
export interface LauncherConfig {
  /** Directory holding the instance's data, logs and pid file. */
  dataDir: string;
  heap: string;
  pageCache: string;
  /** Seconds to wait for Bolt to answer after launching. */
  startTimeoutSeconds: number;
}

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
}

export interface AppConfig {
  neo4j: Neo4jConfig;
  launcher: LauncherConfig;
  seed: SeedConfig;
  server: ServerConfig;
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
  if (password.length < 8) {
    problems.push('NEO4J_PASSWORD: Neo4j requires at least 8 characters');
  }

  const heap = str('NEO4J_HEAP', '768m');
  if (!MEMORY.test(heap))
    problems.push(`NEO4J_HEAP: expected a size like 768m or 1g (got "${heap}")`);
  const pageCache = str('NEO4J_PAGECACHE', '256m');
  if (!MEMORY.test(pageCache)) {
    problems.push(`NEO4J_PAGECACHE: expected a size like 256m or 1g (got "${pageCache}")`);
  }
  const timeoutRaw = str('NEO4J_START_TIMEOUT', '180');
  const startTimeoutSeconds = Number(timeoutRaw);
  if (!Number.isInteger(startTimeoutSeconds) || startTimeoutSeconds <= 0) {
    problems.push(
      `NEO4J_START_TIMEOUT: expected a positive whole number of seconds (got "${timeoutRaw}")`,
    );
  }

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

  if (problems.length > 0) throw new ConfigError(problems);

  const resolve = (p: string) => path.resolve(REPO_ROOT, p);
  return {
    neo4j: {
      uri,
      user: str('NEO4J_USER', 'neo4j'),
      password,
      database: str('NEO4J_DATABASE', 'neo4j'),
      probeIntervalMs,
    },
    launcher: {
      dataDir: resolve(str('NEO4J_DATA_DIR', `.neo4j/${defaultInstanceName(uri)}`)),
      heap,
      pageCache,
      startTimeoutSeconds,
    },
    seed: {
      seedDir: resolve(str('SEED_DIR', 'seeds')),
      documentsDir: resolve(str('SEED_DOCUMENTS_DIR', '../shared/seeds')),
    },
    server: { port, host: str('HOST', '127.0.0.1'), logLevel },
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
