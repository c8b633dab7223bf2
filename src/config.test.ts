import {
  ConfigError,
  DEFAULT_LIMITS,
  DEV_PASSWORD,
  isLocalDatabaseUri,
  loadConfig,
} from './config';

describe('request limits in the configuration', () => {
  it('default to DEFAULT_LIMITS, outside development', () => {
    const config = loadConfig({});
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.server.development).toBe(false);
  });

  it('read each variable, sizes with or without a unit', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_DIRECTIVES: '3',
      GRAPHQL_MAX_COST: '1000',
      GRAPHQL_ASSUMED_LIST_LENGTH: '4',
      HTTP_MAX_BODY: '2048',
      HTTP_MAX_RESPONSE: '2mb',
      RATE_LIMIT: '10',
      RATE_LIMIT_WINDOW: '5',
      KG_DEV: '1',
    });
    expect(config.limits).toEqual({
      maxDepth: 8,
      maxAliases: 5,
      maxTokens: 500,
      maxDirectives: 3,
      maxCost: 1000,
      assumedListLength: 4,
      maxBodyBytes: 2048,
      maxResponseBytes: 2 * 1024 * 1024,
      rateLimit: 10,
      rateLimitWindowSeconds: 5,
    });
    expect(config.server.development).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).server.development).toBe(true);
    expect(loadConfig({ HTTP_MAX_BODY: '100KB' }).limits.maxBodyBytes).toBe(102400);
  });

  it('refuses values that are not positive whole numbers or sizes, each with its own message', () => {
    expect(() =>
      loadConfig({ GRAPHQL_MAX_DEPTH: '0', RATE_LIMIT: 'many', HTTP_MAX_BODY: '1gb' }),
    ).toThrow(
      new ConfigError([
        'GRAPHQL_MAX_DEPTH: expected a positive whole number (got "0")',
        'HTTP_MAX_BODY: expected a size like 100kb, 5mb or a byte count (got "1gb")',
        'RATE_LIMIT: expected a positive whole number (got "many")',
      ]),
    );
  });
});

/** The problems loadConfig reports for an environment, or [] when it accepts it. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the development password', () => {
  it('is the default for the local database the launcher runs', () => {
    for (const uri of [
      'bolt://127.0.0.1:7687',
      'bolt://localhost:7688',
      'neo4j://127.0.0.1',
      'bolt://[::1]:7687',
      'bolt://127.0.0.2:7693',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.password).toBe(DEV_PASSWORD);
    }
    expect(loadConfig({}).neo4j.password).toBe(DEV_PASSWORD);
  });

  it('is refused for any other database: NEO4J_PASSWORD is then required', () => {
    for (const uri of [
      'bolt://neo4j:7687',
      'neo4j+s://graph.example.org',
      'bolt://10.0.0.5:7687',
      'bolt+s://127.0.0.1:7687',
      'bolt+ssc://localhost:7687',
      'neo4j://127.example.org',
    ]) {
      expect(problemsOf({ NEO4J_URI: uri })).toEqual([
        `NEO4J_PASSWORD: required for the database at ${uri}; the development password is only ` +
          'used for the local database the launcher runs (bolt:// or neo4j:// on 127.0.0.1, ' +
          'localhost or [::1])',
      ]);
      expect(problemsOf({ NEO4J_URI: uri, NEO4J_PASSWORD: '' })).toHaveLength(1);
    }
  });

  it('is accepted for another database when given explicitly, like any other password', () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://neo4j:7687', NEO4J_PASSWORD: DEV_PASSWORD });
    expect(config.neo4j.password).toBe(DEV_PASSWORD);
    expect(
      loadConfig({ NEO4J_URI: 'neo4j+s://graph.example.org', NEO4J_PASSWORD: 'a-long-secret' })
        .neo4j.password,
    ).toBe('a-long-secret');
  });

  it('tells local from other URIs exactly', () => {
    expect(isLocalDatabaseUri('bolt://127.0.0.1:7687')).toBe(true);
    expect(isLocalDatabaseUri('neo4j://localhost')).toBe(true);
    expect(isLocalDatabaseUri('bolt://[::1]:7687')).toBe(true);
    expect(isLocalDatabaseUri('bolt://0.0.0.0:7687')).toBe(false);
    expect(isLocalDatabaseUri('bolt://localhost.example.org')).toBe(false);
    expect(isLocalDatabaseUri('bolt+s://localhost')).toBe(false);
    expect(isLocalDatabaseUri('not a uri')).toBe(false);
  });
});

describe('time limits', () => {
  it('default to 10 s per read and 60 s on the local instance', () => {
    const config = loadConfig({});
    expect(config.neo4j.queryTimeoutMs).toBe(10_000);
    expect(config.launcher.transactionTimeoutSeconds).toBe(60);
  });

  it('take positive whole numbers and name the variable otherwise', () => {
    const config = loadConfig({ QUERY_TIMEOUT_MS: '250', NEO4J_TRANSACTION_TIMEOUT: '5' });
    expect(config.neo4j.queryTimeoutMs).toBe(250);
    expect(config.launcher.transactionTimeoutSeconds).toBe(5);
    expect(problemsOf({ QUERY_TIMEOUT_MS: '0', NEO4J_TRANSACTION_TIMEOUT: '1.5' })).toEqual([
      'QUERY_TIMEOUT_MS: expected a positive whole number of milliseconds (got "0")',
      'NEO4J_TRANSACTION_TIMEOUT: expected a positive whole number of seconds (got "1.5")',
    ]);
  });
});

describe('plugins of the local instance', () => {
  it('are none by default, so a normal start stays lean', () => {
    expect(loadConfig({}).launcher.plugins).toEqual([]);
    expect(loadConfig({ NEO4J_PLUGINS: '' }).launcher.plugins).toEqual([]);
  });

  it('read apoc as a plain list or as the Docker image writes it', () => {
    for (const value of ['apoc', ' APOC ', 'apoc,apoc', '["apoc"]', '[ "apoc" ]']) {
      expect(loadConfig({ NEO4J_PLUGINS: value }).launcher.plugins).toEqual(['apoc']);
    }
  });

  it('refuse names the launcher cannot load', () => {
    expect(problemsOf({ NEO4J_PLUGINS: 'apoc, graph-data-science' })).toEqual([
      'NEO4J_PLUGINS: the local instance can load apoc (got "apoc, graph-data-science")',
    ]);
  });
});

describe('the shared store', () => {
  it('is off by default', () => {
    expect(loadConfig({}).sharedStore).toBeNull();
    expect(loadConfig({ KG_SHARED_STORE_URL: '' }).sharedStore).toBeNull();
  });

  it('takes a redis:// or rediss:// URL, with a password and a database number', () => {
    expect(loadConfig({ KG_SHARED_STORE_URL: 'redis://redis:6379' }).sharedStore).toEqual({
      url: 'redis://redis:6379',
      prefix: 'kg:',
    });
    expect(
      loadConfig({
        KG_SHARED_STORE_URL: 'rediss://:s3cret@cache.example.org:6380/2',
        KG_SHARED_STORE_PREFIX: 'kommunalgraph:prod:',
      }).sharedStore,
    ).toEqual({ url: 'rediss://:s3cret@cache.example.org:6380/2', prefix: 'kommunalgraph:prod:' });
  });

  it('refuses other URLs and prefixes, and never repeats the password', () => {
    expect(problemsOf({ KG_SHARED_STORE_URL: 'http://:s3cret@cache:6379' })).toEqual([
      'KG_SHARED_STORE_URL: scheme must be redis:// or rediss:// (got "http://***@cache:6379/")',
    ]);
    expect(problemsOf({ KG_SHARED_STORE_URL: 's3cret' })).toEqual([
      'KG_SHARED_STORE_URL: not a URL (expected redis://[:password@]host[:port][/db])',
    ]);
    expect(problemsOf({ KG_SHARED_STORE_URL: 'redis://:s3cret@cache/kg' })).toEqual([
      'KG_SHARED_STORE_URL: the path can only be a database number like /0 (got "redis://***@cache/kg")',
    ]);
    expect(
      problemsOf({ KG_SHARED_STORE_URL: 'redis://cache', KG_SHARED_STORE_PREFIX: 'has space' }),
    ).toEqual(['KG_SHARED_STORE_PREFIX: 1 to 64 letters, digits or ":_.-" (got "has space")']);
    expect(problemsOf({ KG_SHARED_STORE_PREFIX: 'kg:' })).toEqual([
      'KG_SHARED_STORE_PREFIX: has no effect without KG_SHARED_STORE_URL',
    ]);
  });
});

describe('trusted proxies', () => {
  it('are none by default', () => {
    expect(loadConfig({}).server.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).server.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).server.trustProxy).toBe(false);
  });

  it('are a number of hops or a list of addresses, subnets and names', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).server.trustProxy).toBe(1);
    expect(
      loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 172.18.0.2' }).server.trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '172.18.0.2']);
  });

  it('refuse "true" (any client could choose its own address) and malformed entries', () => {
    for (const value of ['true', '10.0.0.0/33', 'proxy.example.org', '10.0.0.0/8/1', '-1']) {
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([
        'TRUST_PROXY: a number of proxy hops, or addresses, subnets (10.0.0.0/8), loopback, ' +
          `linklocal or uniquelocal separated by commas (got "${value}")`,
      ]);
    }
  });
});
