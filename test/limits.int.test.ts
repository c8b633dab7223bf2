import { getIntrospectionQuery } from 'graphql';
import { REPO_ROOT, DEFAULT_LIMITS } from '../src/config';
import { seededApi, startTestApi, type TestApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * The request limits of README "Limits", over real HTTP: each attack measured in issue 9 is
 * refused with its code, status and a message naming the limit and the value; a query just
 * under the limit is answered; and the server answers again after the refusal.
 */
const api = seededApi();

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function send(
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const post = (query: string, variables?: Record<string, unknown>, url = api().url) =>
  send(url, JSON.stringify({ query, variables }));

/** The server still answers a real query after a refusal. */
async function stillAnswers(url = api().url): Promise<void> {
  const answer = await post('{ cities(first: 2) { nodes { key } } }', undefined, url);
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({
    data: { cities: { nodes: [{ key: 'bochum' }, { key: 'bremerhaven' }] } },
  });
}

/** `cities → nodes → orgUnits → node → city → node …` with `levels` fields after `nodes`. */
function cityUnitLoop(levels: number): string {
  const fields = Array.from(
    { length: levels },
    (_, i) => ['orgUnits', 'node', 'city', 'node'][i % 4],
  );
  return `{ cities { nodes { ${fields.map((f) => `${f} { `).join('')}key ${'} '.repeat(levels)}} } }`;
}

function refusal(answer: Answer) {
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.json.data).toBeUndefined();
  return answer.json.errors.map((e: any) => ({ message: e.message, extensions: e.extensions }));
}

describe('depth limit', () => {
  it('refuses the 23-level cities → orgUnits → node → city loop and answers one 12 deep', async () => {
    const attack = cityUnitLoop(20);
    expect(attack.length).toBeLessThan(300);
    const refused = await post(attack);
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message: `Query depth limit of ${DEFAULT_LIMITS.maxDepth} exceeded, found 23.`,
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, actual: 23 },
      },
    ]);

    const answered = await post(`{ cities(first: 1) { nodes { key
      orgUnits { node { city { node { key
        orgUnits { node { city { node { key sources { quote } } } } } } } } } } } }`);
    expect(answered.json.errors).toBeUndefined();
    expect(answered.json.data.cities.nodes[0].key).toBe('bochum');
    // Every city reached through its units is Bochum again.
    const cityKeys = new Set<string>();
    JSON.stringify(answered.json.data, (key, value) => {
      if (key === 'city' && value) cityKeys.add(value.node.key);
      return value;
    });
    expect([...cityKeys]).toEqual(['bochum']);
    await stillAnswers();
  });
});

describe('alias limit', () => {
  it('refuses 31 aliases and answers 30', async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `c${i}: cities(first: 1) { totalCount }`).join(' ')} }`;
    const refused = await post(aliased(31));
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message: 'Aliases limit of 30 exceeded, found 31.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 30, actual: 31 },
      },
    ]);
    const answered = await post(aliased(30));
    expect(answered.json).toEqual({
      data: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`c${i}`, { totalCount: 4 }])),
    });
    await stillAnswers();
  });

  it('refuses 500 aliases of a nested list (7 MB in 9 s before) at the token limit', async () => {
    const attack = `{ ${Array.from(
      { length: 500 },
      (_, i) => `a${i}: cities { nodes { orgUnits { node { name posts { person { name } } } } } }`,
    ).join(' ')} }`;
    const refused = await post(attack);
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message: 'Token limit of 3000 exceeded.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 3000 },
      },
    ]);
    await stillAnswers();
  });
});

describe('token limit', () => {
  /** `cities(where: {key: {in: [...]}})` with exactly `tokens` lexical tokens. */
  const keysIn = (tokens: number) =>
    `{ cities(where: { key: { in: [${Array.from({ length: tokens - 23 }, () => '"bochum"').join(' ')}] } }) { nodes { key } } }`;

  it('refuses 3,001 tokens and answers 3,000', async () => {
    const refused = await post(keysIn(3001));
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message: 'Token limit of 3000 exceeded.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 3000 },
      },
    ]);
    const answered = await post(keysIn(3000));
    expect(answered.json).toEqual({ data: { cities: { nodes: [{ key: 'bochum' }] } } });
    await stillAnswers();
  });

  it('refuses it in a GET query string too', async () => {
    // Counted before parsing: 3,003 short tokens fit in a URL.
    const query = encodeURIComponent(`{ ${'a '.repeat(3001)}}`);
    const response = await fetch(`${api().url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'tokens',
      max: 3000,
    });
  });
});

describe('directive limit', () => {
  it('refuses 21 directives and answers 20', async () => {
    const directed = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`;
    const refused = await post(directed(21));
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message: 'Directives limit of 20 exceeded, found 21.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 20, actual: 21 },
      },
    ]);
    const answered = await post(directed(20));
    expect(answered.json).toEqual({
      data: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, 'Query'])),
    });
    await stillAnswers();
  });
});

describe('cost limit', () => {
  // Cost 1 + first × (1 + 1 + 1 + 10 × (1 + 1 + 1 + 1 + 10 × (1 + 1 + 1 + 1))) = 1 + first × 343:
  // relation lists count 10 items each.
  const units = `query($first: Int) {
    cities(first: $first) { nodes { key orgUnits { node { key name posts { roleTitle person { name } } } } } }
  }`;

  it('multiplies by the page size from a variable: first 584 costs 200,313', async () => {
    const refused = await post(units, { first: 584 });
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message:
          'Query cost limit of 200000 exceeded, found 200313: ask for smaller pages (first/last) or fewer nested lists.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 200000, actual: 200313 },
      },
    ]);
    // 583 costs 199,970: past the cost limit, refused by the page-size limit instead.
    const underCost = await post(units, { first: 583 });
    expect(underCost.json.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    const answered = await post(units, { first: 4 });
    expect(answered.json.errors).toBeUndefined();
    expect(answered.json.data.cities.nodes.map((c: any) => c.key)).toEqual([
      'bochum',
      'bremerhaven',
      'castrop-rauxel',
      'herten',
    ]);
    await stillAnswers();
  });

  it('refuses nested lists 12 deep with 100 per page, which stay under the depth limit', async () => {
    const attack = `{ cities(first: 100) { nodes { orgUnits { node { posts { person { posts { person { posts { person { name } } } } } } } } } } }`;
    const refused = await post(attack);
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message:
          'Query cost limit of 200000 exceeded, found 2222201: ask for smaller pages (first/last) or fewer nested lists.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 200000, actual: 2222201 },
      },
    ]);
    await stillAnswers();
  });
});

describe('introspection', () => {
  it('answers the full introspection query of GraphiQL and other tools under every limit', async () => {
    const answer = await post(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.__schema.queryType).toEqual({ kind: 'OBJECT', name: 'Query' });
  });
});

describe('HTTP request bounds', () => {
  it('refuses a batch (JSON array) of operations with a JSON error', async () => {
    const refused = await send(
      api().url,
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    );
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      { message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } },
    ]);
    await stillAnswers();
  });

  it('refuses a body over 100 kB with 413 and a JSON error (50,000 aliases, 150k tokens)', async () => {
    const attack = JSON.stringify({
      query: `{ ${Array.from({ length: 50000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    });
    const refused = await send(api().url, attack);
    expect(refused.status).toBe(413);
    const size = Buffer.byteLength(attack);
    expect(refusal(refused)).toEqual([
      {
        message: `Request body size limit of 102400 bytes exceeded, found ${size}.`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'bodyBytes', max: 102400, actual: size },
      },
    ]);
    // Just under the limit: a body of 102,400 bytes padded with spaces is read and answered.
    const padded = JSON.stringify({ query: '{ __typename }' });
    const answered = await send(api().url, padded + ' '.repeat(102400 - padded.length));
    expect(answered.json).toEqual({ data: { __typename: 'Query' } });
    await stillAnswers();
  });

  it.each([
    ['malformed JSON', '{"query": ', 'application/json', 400, 'BAD_REQUEST'],
    [
      'an unsupported charset',
      '{"query":"{ __typename }"}',
      'application/json; charset=latin1',
      415,
      'BAD_REQUEST',
    ],
  ])(
    'answers %s with a JSON error, not an HTML page with a stack',
    async (_what, body, contentType, status, code) => {
      const refused = await send(api().url, body, { 'content-type': contentType });
      expect(refused.status).toBe(status);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(refused.json.errors).toHaveLength(1);
      expect(refused.json.errors[0].extensions).toEqual({ code });
      expect(refused.json.errors[0].message).toMatch(/^Invalid request body: /);
      expect(refused.text).not.toContain(REPO_ROOT);
      expect(refused.text).not.toMatch(/<html|at .*\.js:\d+/);
      await stillAnswers();
    },
  );
});

describe('stack traces and field suggestions', () => {
  let dev: TestApi | undefined;
  let missingDb: TestApi | undefined;
  afterAll(async () => {
    await dev?.close();
    await missingDb?.close();
  });

  /**
   * Apollo's own default shows stack traces unless NODE_ENV is production or test; `npm start`
   * leaves it unset, so the server is started that way here.
   */
  async function withoutNodeEnv<T>(start: () => Promise<T>): Promise<T> {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      return await start();
    } finally {
      process.env.NODE_ENV = saved;
    }
  }

  it('a client error carries no stack trace, no path and no suggestion', async () => {
    missingDb = await withoutNodeEnv(() => startTestApi({}, { database: 'no-such-database' }));
    const answer = await post('{ cities { nodes { nam } } }', undefined, missingDb.url);
    expect(answer.status).toBe(400);
    expect(refusal(answer)).toEqual([
      {
        message: 'Cannot query field "nam" on type "City". [Suggestion hidden]?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    expect(answer.text).not.toContain(REPO_ROOT);
  });

  it('an INTERNAL error carries no stack trace and no path', async () => {
    // The database named in the configuration does not exist: a server fault.
    const answer = await post('{ cities { nodes { key } } }', undefined, missingDb!.url);
    expect(answer.json.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['cities'],
        extensions: { code: 'INTERNAL' },
      },
    ]);
    expect(answer.text).not.toContain(REPO_ROOT);
  });

  it('development mode (KG_DEV) shows both', async () => {
    dev = await startTestApi({ development: true });
    const answer = await post('{ cities { nodes { nam } } }', undefined, dev.url);
    const [error] = answer.json.errors;
    expect(error.message).toBe('Cannot query field "nam" on type "City". Did you mean "name"?');
    expect(error.extensions.stacktrace.length).toBeGreaterThan(0);
  });
});

describe('rate limit', () => {
  let limited: TestApi | undefined;
  afterAll(async () => {
    await limited?.close();
  });

  it('answers 429 with Retry-After past the limit for /graphql and /export, not /health or /ready', async () => {
    limited = await startTestApi({ limits: { rateLimit: 3, rateLimitWindowSeconds: 1 } });
    const url = limited.url;
    expect((await post('{ __typename }', undefined, url)).status).toBe(200);
    expect((await post('{ __typename }', undefined, url)).status).toBe(200);
    expect((await fetch(`${url}/export/graph.jsonld`)).status).toBe(200);

    const refused = await post('{ __typename }', undefined, url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refusal(refused)).toEqual([
      {
        message:
          'Rate limit of 3 requests per 1 s exceeded; retry after the time in the Retry-After header.',
        extensions: { code: 'RATE_LIMITED', limit: 'requestsPerWindow', max: 3, windowSeconds: 1 },
      },
    ]);
    const exportRefused = await fetch(`${url}/export/graph.jsonld`);
    expect(exportRefused.status).toBe(429);
    expect(((await exportRefused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');

    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
    }

    // After the window the client is served again (bounded wait, not a timing assertion).
    let status = 429;
    for (let attempt = 0; attempt < 30 && status === 429; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await post('{ __typename }', undefined, url)).status;
    }
    expect(status).toBe(200);
  });

  it('is sized for real use by default: 600 requests a minute', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ rateLimit: 600, rateLimitWindowSeconds: 60 });
  });
});

describe('response size limit', () => {
  let capped: TestApi | undefined;
  afterAll(async () => {
    await capped?.close();
  });

  it('replaces an answer over the limit by RESPONSE_TOO_LARGE and sends one at the limit', async () => {
    const query = '{ cities { nodes { key name ags orgUnits { node { name } } } } }';
    const full = await post(query);
    expect(full.json.errors).toBeUndefined();
    const size = Buffer.byteLength(JSON.stringify(full.json));

    capped = await startTestApi({ limits: { maxResponseBytes: size - 1 } });
    const refused = await post(query, undefined, capped.url);
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toEqual([
      {
        message: `Response size limit of ${size - 1} bytes exceeded, found ${size}: ask for smaller pages (first/last) or fewer fields.`,
        extensions: {
          code: 'RESPONSE_TOO_LARGE',
          limit: 'responseBytes',
          max: size - 1,
          actual: size,
        },
      },
    ]);
    // A cacheable GET gets no cache lifetime and no data-version ETag for the refusal.
    const byGet = await fetch(`${capped.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(byGet.status).toBe(400);
    expect(byGet.headers.get('cache-control')).toBe('no-store');
    expect(byGet.headers.get('etag')).toBeNull();
    await stillAnswers(capped.url);
    await capped.close();
    capped = await startTestApi({ limits: { maxResponseBytes: size } });
    expect((await post(query, undefined, capped.url)).json).toEqual(full.json);
  });
});
