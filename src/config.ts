import net from 'node:net';
import path from 'node:path';
import { redactUrl } from './common/redact';
import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import type { JSONWebKeySet } from 'jose';

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
  /**
   * Which proxies in front of the API to believe about the client's address (`TRUST_PROXY`,
   * Express's `trust proxy`): a number of hops, or addresses and subnets; false trusts none, so
   * every request counts as coming from the address that connected.
   */
  trustProxy: TrustProxy;
}

export type TrustProxy = false | number | string[];

/**
 * A Redis-compatible server that replicas share for state kept per process otherwise: the
 * persisted-query registry and the rate-limit counters (README "Scaling out").
 */
export interface SharedStoreConfig {
  /** `redis://` or `rediss://` URL; may carry a password, so it is logged only redacted. */
  url: string;
  /** Prepended to every key, so deployments (or test runs) can share one server. */
  prefix: string;
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

/** The JWS algorithms a JWT may be signed with: asymmetric only (see JwtConfig). */
export const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/**
 * JWTs verified with a public key the operator configures. Only asymmetric keys: the API can
 * check a token but never mint one, so a leak of its configuration grants nobody a role (an
 * HS256 secret would). None of this is secret, but none of it is logged either.
 */
export interface JwtConfig {
  /** One public key (PEM), or a JWK set whose keys the token's `kid` chooses among. */
  keys: { kind: 'pem'; key: KeyObject } | { kind: 'jwks'; jwks: JSONWebKeySet };
  /** The `iss` a token must carry. */
  issuer: string;
  /** The `aud` a token must carry (one of its audiences). */
  audience: string;
  algorithms: JwtAlgorithm[];
  /** The claim holding the role (a dotted path such as `realm_access.roles`): a name or a list. */
  roleClaim: string;
  /** Leeway for `exp` and `nbf` against clock skew, in seconds. */
  clockToleranceSeconds: number;
}

/** Credentials for writes (README "Credentials and roles"). */
export interface AuthConfig {
  /**
   * How long a verified API key is trusted without asking the database again, in seconds: the
   * longest a revocation made elsewhere (the CLI, another server process) takes to apply. 0 asks
   * on every request.
   */
  apiKeyCacheSeconds: number;
  /** Most verified keys remembered; the least recently used is dropped first. */
  apiKeyCacheEntries: number;
  /** How bearer tokens other than API keys are verified; null (the default) refuses them. */
  jwt: JwtConfig | null;
}

export const DEFAULT_AUTH: AuthConfig = {
  apiKeyCacheSeconds: 30,
  apiKeyCacheEntries: 1000,
  jwt: null,
};

export interface AppConfig {
  neo4j: Neo4jConfig;
  resultCaps: ResultCaps;
  launcher: LauncherConfig;
  seed: SeedConfig;
  server: ServerConfig;
  limits: LimitsConfig;
  /** Off (null) by default: everything stays in the process's memory. */
  sharedStore: SharedStoreConfig | null;
  auth: AuthConfig;
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
  const sharedStore = loadSharedStore(env, problems);
  const trustProxy = loadTrustProxy(env, problems);
  const auth = loadAuth(env, problems);
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
    server: { port, host: str('HOST', '127.0.0.1'), logLevel, development, trustProxy },
    limits,
    sharedStore,
    auth,
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

/** The default key prefix of the shared store. */
export const DEFAULT_SHARED_STORE_PREFIX = 'kg:';

const STORE_PREFIX = /^[A-Za-z0-9:_.-]{1,64}$/;

/**
 * `KG_SHARED_STORE_URL` (unset: off) and `KG_SHARED_STORE_PREFIX`. Messages show the URL only
 * redacted: it may carry the store's password.
 */
function loadSharedStore(env: Env, problems: string[]): SharedStoreConfig | null {
  const raw = env.KG_SHARED_STORE_URL ?? '';
  const prefix = env.KG_SHARED_STORE_PREFIX || DEFAULT_SHARED_STORE_PREFIX;
  if (!STORE_PREFIX.test(prefix)) {
    problems.push(
      `KG_SHARED_STORE_PREFIX: 1 to 64 letters, digits or ":_.-" (got "${env.KG_SHARED_STORE_PREFIX}")`,
    );
  }
  if (raw === '') {
    if (env.KG_SHARED_STORE_PREFIX) {
      problems.push('KG_SHARED_STORE_PREFIX: has no effect without KG_SHARED_STORE_URL');
    }
    return null;
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    problems.push('KG_SHARED_STORE_URL: not a URL (expected redis://[:password@]host[:port][/db])');
    return null;
  }
  if (!['redis:', 'rediss:'].includes(url.protocol)) {
    problems.push(
      `KG_SHARED_STORE_URL: scheme must be redis:// or rediss:// (got "${redactUrl(raw)}")`,
    );
  } else if (url.hostname === '') {
    problems.push(`KG_SHARED_STORE_URL: names no host (got "${redactUrl(raw)}")`);
  } else if (!/^\/?(\d{1,2})?$/.test(url.pathname)) {
    problems.push(
      `KG_SHARED_STORE_URL: the path can only be a database number like /0 (got "${redactUrl(raw)}")`,
    );
  }
  return { url: raw, prefix };
}

const TRUST_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Whether `entry` is an address, a subnet (address/prefix length) or one of Express's names. */
function isTrustEntry(entry: string): boolean {
  if (TRUST_NAMES.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const length = Number(bits);
  return /^\d+$/.test(bits) && length <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: unset or `0` trusts no proxy; a whole number trusts that many hops; otherwise a
 * comma-separated list of addresses, subnets, `loopback`, `linklocal` or `uniquelocal`. `true`
 * (trust any X-Forwarded-For) is refused: any client could then choose its own rate-limit key.
 */
function loadTrustProxy(env: Env, problems: string[]): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.every(isTrustEntry)) return entries;
  problems.push(
    'TRUST_PROXY: a number of proxy hops, or addresses, subnets (10.0.0.0/8), loopback, ' +
      `linklocal or uniquelocal separated by commas (got "${raw}")`,
  );
  return false;
}

/** The credential settings; a bad value adds a problem (never quoting a key) and leaves the default. */
function loadAuth(env: Env, problems: string[]): AuthConfig {
  const cacheRaw = env.KG_API_KEY_CACHE_SECONDS ?? '';
  let apiKeyCacheSeconds = DEFAULT_AUTH.apiKeyCacheSeconds;
  if (cacheRaw !== '') {
    const value = Number(cacheRaw);
    if (!Number.isInteger(value) || value < 0 || value > 3600) {
      problems.push(
        `KG_API_KEY_CACHE_SECONDS: expected whole seconds from 0 to 3600 (got "${cacheRaw}")`,
      );
    } else {
      apiKeyCacheSeconds = value;
    }
  }
  return {
    apiKeyCacheSeconds,
    apiKeyCacheEntries: positiveWhole(
      env,
      problems,
      'KG_API_KEY_CACHE_ENTRIES',
      DEFAULT_AUTH.apiKeyCacheEntries,
      'keys',
    ),
    jwt: loadJwt(env, problems),
  };
}

/** Which algorithms fit a public key (RSA, RSA-PSS, an EC curve, Ed25519/Ed448). */
function algorithmsFor(key: KeyObject): JwtAlgorithm[] {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (curve === 'prime256v1') return ['ES256'];
      if (curve === 'secp384r1') return ['ES384'];
      if (curve === 'secp521r1') return ['ES512'];
      return [];
    }
    case 'ed25519':
    case 'ed448':
      return ['EdDSA'];
    default:
      return [];
  }
}

/**
 * JWT settings: on when a key is given (`KG_JWT_PUBLIC_KEY`, `KG_JWT_PUBLIC_KEY_FILE` or
 * `KG_JWT_JWKS_FILE`, exactly one), and then issuer and audience are required.
 */
function loadJwt(env: Env, problems: string[]): JwtConfig | null {
  const set = (name: string) => (env[name] ?? '') !== '';
  const sources = ['KG_JWT_PUBLIC_KEY', 'KG_JWT_PUBLIC_KEY_FILE', 'KG_JWT_JWKS_FILE'].filter(set);
  const others = [
    'KG_JWT_ISSUER',
    'KG_JWT_AUDIENCE',
    'KG_JWT_ALGORITHMS',
    'KG_JWT_ROLE_CLAIM',
    'KG_JWT_CLOCK_TOLERANCE',
  ].filter(set);
  if (sources.length === 0) {
    for (const name of others) {
      problems.push(
        `${name}: set, but JWTs are off without a key (KG_JWT_PUBLIC_KEY, KG_JWT_PUBLIC_KEY_FILE or KG_JWT_JWKS_FILE)`,
      );
    }
    return null;
  }
  if (sources.length > 1) {
    problems.push(`${sources.join(', ')}: give one JWT key setting, not ${sources.length}`);
    return null;
  }
  const source = sources[0]!;
  const count = problems.length;
  let keys: JwtConfig['keys'] | undefined;
  let fitting: JwtAlgorithm[] = [...JWT_ALGORITHMS];
  const readFile = (name: string): string | undefined => {
    try {
      return fs.readFileSync(path.resolve(REPO_ROOT, env[name]!), 'utf8');
    } catch (error) {
      problems.push(`${name}: cannot read ${env[name]} (${(error as NodeJS.ErrnoException).code})`);
      return undefined;
    }
  };
  if (source === 'KG_JWT_JWKS_FILE') {
    const text = readFile(source);
    if (text !== undefined) {
      const jwks = publicJwks(text);
      if (typeof jwks === 'string') problems.push(`${source}: ${jwks}`);
      else keys = { kind: 'jwks', jwks };
    }
  } else {
    // An environment file may carry the PEM on one line with \n escapes.
    const pem =
      source === 'KG_JWT_PUBLIC_KEY' ? env[source]!.replace(/\\n/g, '\n') : readFile(source);
    if (pem !== undefined) {
      const key = publicPemKey(pem);
      if (typeof key === 'string') {
        problems.push(`${source}: ${key}`);
      } else {
        keys = { kind: 'pem', key };
        fitting = algorithmsFor(key);
        if (fitting.length === 0) problems.push(`${source}: a key of a type JWTs cannot use`);
      }
    }
  }

  const issuer = env.KG_JWT_ISSUER ?? '';
  if (issuer === '')
    problems.push('KG_JWT_ISSUER: required when JWTs are on (the `iss` to accept)');
  const audience = env.KG_JWT_AUDIENCE ?? '';
  if (audience === '') {
    problems.push('KG_JWT_AUDIENCE: required when JWTs are on (the `aud` to accept)');
  }
  let algorithms = fitting;
  const algRaw = env.KG_JWT_ALGORITHMS ?? '';
  if (algRaw !== '') {
    const names = algRaw.split(/[\s,]+/).filter((a) => a !== '');
    const unknown = names.filter((a) => !(fitting as string[]).includes(a));
    if (names.length === 0 || unknown.length > 0) {
      problems.push(`KG_JWT_ALGORITHMS: expected some of ${fitting.join(', ')} (got "${algRaw}")`);
    } else {
      algorithms = [...new Set(names)] as JwtAlgorithm[];
    }
  }
  const roleClaim = env.KG_JWT_ROLE_CLAIM || 'role';
  if (!/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/.test(roleClaim)) {
    problems.push(
      `KG_JWT_ROLE_CLAIM: expected a claim name or a dotted path such as realm_access.roles (got "${roleClaim}")`,
    );
  }
  const toleranceRaw = env.KG_JWT_CLOCK_TOLERANCE ?? '';
  let clockToleranceSeconds = 10;
  if (toleranceRaw !== '') {
    const value = Number(toleranceRaw);
    if (!Number.isInteger(value) || value < 0 || value > 300) {
      problems.push(
        `KG_JWT_CLOCK_TOLERANCE: expected whole seconds from 0 to 300 (got "${toleranceRaw}")`,
      );
    } else {
      clockToleranceSeconds = value;
    }
  }
  if (problems.length > count || !keys) return null;
  return { keys, issuer, audience, algorithms, roleClaim, clockToleranceSeconds };
}

/** A public key from PEM text, or why not; a private key is refused, not turned public. */
function publicPemKey(pem: string): KeyObject | string {
  if (/PRIVATE KEY/.test(pem)) {
    return 'holds a private key; give the public key only (the API never signs tokens)';
  }
  try {
    return createPublicKey(pem);
  } catch {
    return 'not a PEM public key (-----BEGIN PUBLIC KEY----- …)';
  }
}

/** A JWK set of public keys from JSON text, or why not. */
function publicJwks(text: string): JSONWebKeySet | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) return 'expected a JWK set: {"keys": [ … ]}';
  for (const [i, jwk] of keys.entries()) {
    if (typeof jwk !== 'object' || jwk === null) return `key ${i} is not an object`;
    const k = jwk as Record<string, unknown>;
    if (k.kty === 'oct' || 'd' in k) {
      return `key ${i} is a secret or private key; give public keys only (the API never signs tokens)`;
    }
    try {
      createPublicKey({ key: k, format: 'jwk' });
    } catch {
      return `key ${i} is not a public key JWTs can use`;
    }
  }
  return { keys } as JSONWebKeySet;
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
