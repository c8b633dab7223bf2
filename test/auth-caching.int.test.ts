import { startTestApi, type TestApi } from './api';

/*
 * What may be cached once credentials exist: anonymous reads as before (public, with the data
 * version's ETag on GET), but never a mutation's answer, an answer to a request with a credential,
 * or `me`; and a conditional GET with a credential is checked, never answered 304 unseen.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ dataVersionTtlMs: 0 });
});
afterAll(async () => {
  await api.close();
});

const READ = '{ themes(first: 1) { nodes { key } } }';
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const DATA_VERSION_ETAG = /^W\/"[0-9a-f]{20}"$/;

async function send(
  method: 'GET' | 'POST',
  query: string,
  headers: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Promise<{ status: number; cacheControl: string | null; etag: string | null; body: string }> {
  const response =
    method === 'POST'
      ? await fetch(`${api.url}/graphql`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        })
      : await fetch(`${api.url}/graphql?${new URLSearchParams({ query })}`, {
          headers: { ...PREFLIGHT, ...headers },
        });
  const etag = response.headers.get('etag');
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    // Only the API's ETags (of the data version) count: Express tags any GET body by its hash.
    etag: etag !== null && DATA_VERSION_ETAG.test(etag) ? etag : null,
    body: await response.text(),
  };
}

describe('caching with credentials', () => {
  it('keeps anonymous reads cacheable, with an ETag on GET', async () => {
    const get = await send('GET', READ);
    expect([get.status, get.cacheControl]).toEqual([200, 'max-age=300, public']);
    expect(get.etag).toMatch(DATA_VERSION_ETAG);
    expect((await send('POST', READ)).cacheControl).toBe('max-age=300, public');
  });

  it('never caches an answer to a request with a credential, though the read is the same', async () => {
    const key = await api.keyFor('CONTRIBUTOR');
    const anonymous = await send('GET', READ);
    const get = await send('GET', READ, { authorization: key.authorization });
    const post = await send('POST', READ, { authorization: key.authorization });
    expect([get.status, get.cacheControl, get.etag, get.body]).toEqual([
      200,
      'no-store',
      null,
      anonymous.body,
    ]);
    expect([post.status, post.cacheControl, post.etag]).toEqual([200, 'no-store', null]);
  });

  it('never caches me, even anonymous, nor any mutation, refused or not', async () => {
    expect(await send('GET', '{ me { id } }')).toEqual({
      status: 200,
      cacheControl: 'no-store',
      etag: null,
      body: '{"data":{"me":null}}\n',
    });
    const admin = await api.keyFor('ADMIN');
    const refused = await send('POST', 'mutation { revokeApiKey(id: "0000000000000000") { id } }');
    expect([
      refused.status,
      refused.cacheControl,
      JSON.parse(refused.body).errors[0].extensions.code,
    ]).toEqual([200, 'no-store', 'UNAUTHENTICATED']);
    const revoke = await send(
      'POST',
      'mutation ($id: ID!) { revokeApiKey(id: $id) { revoked } }',
      { authorization: admin.authorization },
      { id: (await api.keyFor('EDITOR')).id },
    );
    expect(revoke).toEqual({
      status: 200,
      cacheControl: 'no-store',
      etag: null,
      body: '{"data":{"revokeApiKey":{"revoked":true}}}\n',
    });
  });

  it('checks the credential of a conditional GET instead of answering 304', async () => {
    const { etag } = await send('GET', READ);
    expect((await send('GET', READ, { 'if-none-match': etag! })).status).toBe(304);
    const invalid = await send('GET', READ, {
      'if-none-match': etag!,
      authorization: `Bearer kg_0123456789abcdef_${'0'.repeat(64)}`,
    });
    expect([invalid.status, invalid.cacheControl, JSON.parse(invalid.body)]).toEqual([
      401,
      'no-store',
      {
        errors: [
          {
            message: 'The API key is not valid (unknown, mistyped or not a key of this server).',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    ]);
    const key = await api.keyFor('EDITOR');
    const valid = await send('GET', '{ me { id } }', {
      'if-none-match': etag!,
      authorization: key.authorization,
    });
    expect([valid.status, valid.cacheControl, valid.etag, JSON.parse(valid.body)]).toEqual([
      200,
      'no-store',
      null,
      { data: { me: { id: key.id } } },
    ]);
  });
});
