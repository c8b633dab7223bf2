import { curationApi } from './curation-fixture';

/*
 * Writes and HTTP caching: a write changes the data version at once (the ETag of every cached
 * read), so a revalidation after it gets the new answer, not a 304; answers to writes and to
 * requests with a credential are never cached.
 */

const p = 'curc';
// The data version is reused for 2 s by default: a write must drop it, not wait for it to expire.
const c = curationApi(p, { dataVersionTtlMs: 60_000 });

const QUERY = `{ orgUnits(where: { key: { startsWith: "${p}" } }) { nodes { key } } }`;
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

function get(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${c().api.url}/graphql?${new URLSearchParams({ query: QUERY })}`, {
    headers: { ...PREFLIGHT, ...headers },
  });
}

function post(query: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${c().api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

const CREATE = `mutation {
  createOrgUnit(
    input: { key: "${p}-beirat", name: "Seniorenbeirat", kind: "ADVISORY_COUNCIL" }
    links: [{ type: BELONGS_TO, other: "${p}-testhausen" }]
    citation: { document: "${p}-doc", quote: "Der Rat der Stadt Testhausen", basis: INFERRED, reasoning: "Ein Test." }
  ) { outcome }
}`;

describe('caching around writes', () => {
  it('changes the ETag at once after a write, and after a proposal', async () => {
    const first = await get();
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('max-age=300, public');
    expect(etag).toMatch(/^W\/"[0-9a-f]{20}"$/);
    expect((await get({ 'if-none-match': etag })).status).toBe(304);

    const write = await post(CREATE, c().keys.headers('EDITOR'));
    expect(((await write.json()) as { data: unknown }).data).toEqual({
      createOrgUnit: { outcome: 'APPLIED' },
    });
    const after = await get({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    const newEtag = after.headers.get('etag')!;
    expect(newEtag).not.toBe(etag);
    expect(((await after.json()) as { data: unknown }).data).toEqual({
      orgUnits: {
        nodes: [{ key: `${p}-beirat` }, { key: `${p}-rat` }, { key: `${p}-stabsstelle` }],
      },
    });

    // A proposal changes no read of the graph, but the review queue: a new version too.
    const proposal = await post(
      `mutation { updateOrgUnit(id: "${p}-beirat", version: 1, set: { germanKind: "Beirat" }, citation: { document: "${p}-doc", quote: "Der Rat der Stadt Testhausen" }) { outcome } }`,
      c().keys.headers('CONTRIBUTOR'),
    );
    expect(((await proposal.json()) as { data: unknown }).data).toEqual({
      updateOrgUnit: { outcome: 'PROPOSED' },
    });
    const afterProposal = await get({ 'if-none-match': newEtag });
    expect(afterProposal.status).toBe(200);
    expect(afterProposal.headers.get('etag')).not.toBe(newEtag);
  });

  it('never caches the answer to a write, nor one to a request with a credential', async () => {
    const refused = await post(CREATE, {});
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const write = await post(
      `mutation { rejectProposal(id: "proposal-0", reason: "x") { id } }`,
      c().keys.headers('EDITOR'),
    );
    expect(write.headers.get('cache-control')).toBe('no-store');
    // No ETag: writes and answers to credentials are not cached.
    expect(write.headers.get('etag')).toBeNull();
    const credentialed = await get(c().keys.headers('EDITOR'));
    expect(credentialed.status).toBe(200);
    expect(credentialed.headers.get('cache-control')).toBe('no-store');
    expect(credentialed.headers.get('etag')).toBeNull();
  });
});
