import { ConfigError, DEFAULT_LIMITS, loadConfig } from './config';

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
