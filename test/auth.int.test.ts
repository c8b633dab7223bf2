import { toGlobalId } from '../src/common/global-id';
import { deleteApiKeys, seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/*
 * Credentials and roles over real HTTP against the test database: anonymous reads, API keys of
 * each role, admin key management, refusals, and what is stored. Each test makes the keys it
 * uses; keys made with api().keyFor are deleted when the file ends, keys made through the API by
 * the test that made them.
 */
const api = seededApi();

const ME = '{ me { id name role via } }';
const KEY_FIELDS = 'id name role createdAt createdBy revoked revokedAt revokedBy lastUsedAt';
const API_KEYS = `{ apiKeys { ${KEY_FIELDS} } }`;
const CREATE = `mutation ($name: String!, $role: Role!) {
  createApiKey(name: $name, role: $role) { secret key { ${KEY_FIELDS} } }
}`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;

/** Each error's code and path, for exact comparison. */
const codes = (answer: { errors?: any[] }) =>
  (answer.errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path }));

/** POSTs with an Authorization header and gives status, headers and the body as text. */
async function post(
  url: string,
  query: string,
  authorization?: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Every property of an ApiKey node, as stored. */
async function storedKey(id: string): Promise<Record<string, unknown>> {
  const result = await api().db.executeRead((tx) =>
    tx.run('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS props, labels(k) AS labels', {
      id,
    }),
  );
  const record = result.records[0]!;
  return { ...(record.get('props') as object), labels: record.get('labels') };
}

/** How much the graph holds: a change to it changes this. */
const GRAPH_SIZE = `{
  cities { totalCount } orgUnits { totalCount } people { totalCount } themes { totalCount }
  programmes { totalCount } organisations { totalCount } sources { totalCount }
}`;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('reads stay anonymous', () => {
  it('answers a read without a credential, and the same read with a key the same', async () => {
    const query = '{ cities(first: 2) { nodes { key } } }';
    const anonymous = await api().query(query);
    expect(anonymous).toEqual({
      data: { cities: { nodes: [{ key: 'bochum' }, { key: 'bremerhaven' }] } },
    });
    const contributor = await api().keyFor('CONTRIBUTOR');
    expect(await contributor.query(query)).toEqual(anonymous);
  });

  it('says who asks: me is null when anonymous, the key as principal with one', async () => {
    expect(await api().query(ME)).toEqual({ data: { me: null } });
    const editor = await api().keyFor('EDITOR', 'Redaktion Bochum');
    expect(await editor.query(ME)).toEqual({
      data: { me: { id: editor.id, name: 'Redaktion Bochum', role: 'EDITOR', via: 'API_KEY' } },
    });
  });
});

describe('admin operations', () => {
  it('refuse anonymous requests as UNAUTHENTICATED, each on its own field', async () => {
    const answers = [
      await api().query(API_KEYS),
      await api().query(CREATE, { name: 'x', role: 'ADMIN' }),
      await api().query(REVOKE, { id: '0123456789abcdef' }),
    ];
    expect(answers.map((a) => [a.data ?? null, codes(a)])).toEqual([
      [null, [{ code: 'UNAUTHENTICATED', path: ['apiKeys'] }]],
      [null, [{ code: 'UNAUTHENTICATED', path: ['createApiKey'] }]],
      [null, [{ code: 'UNAUTHENTICATED', path: ['revokeApiKey'] }]],
    ]);
    expect(answers[0]!.errors![0].message).toBe(
      'This needs a credential with the role ADMIN or above: send "Authorization: Bearer <API key>".',
    );
  });

  it('refuse contributors and editors as FORBIDDEN, and create or revoke nothing', async () => {
    const victim = await api().keyFor('EDITOR', 'stays valid');
    const keys = [await api().keyFor('CONTRIBUTOR'), await api().keyFor('EDITOR')];
    const countKeys = async () =>
      (
        await api().db.executeRead((tx) => tx.run('MATCH (k:ApiKey) RETURN count(k) AS n'))
      ).records[0]!.get('n') as number;
    const before = await countKeys();
    for (const key of keys) {
      const role = key === keys[0] ? 'CONTRIBUTOR' : 'EDITOR';
      const answers = [
        await key.query(API_KEYS),
        await key.query(CREATE, { name: `made by ${role}`, role: 'ADMIN' }),
        await key.query(REVOKE, { id: victim.id }),
      ];
      expect([role, answers.map((a) => [a.data ?? null, codes(a)])]).toEqual([
        role,
        [
          [null, [{ code: 'FORBIDDEN', path: ['apiKeys'] }]],
          [null, [{ code: 'FORBIDDEN', path: ['createApiKey'] }]],
          [null, [{ code: 'FORBIDDEN', path: ['revokeApiKey'] }]],
        ],
      ]);
      expect(answers[0]!.errors![0].message).toBe(
        `This needs the role ADMIN or above (ADMIN: do what an editor may, and manage API keys (create, list, revoke)); the credential ${key.id} has the role ${role}.`,
      );
    }
    expect(await countKeys()).toBe(before);
    expect((await storedKey(victim.id)).revokedAt).toBeUndefined();
    expect((await victim.query(ME)).data.me.id).toBe(victim.id);
  });

  it('let an admin create a key that works, list it without secret, and revoke it', async () => {
    const admin = await api().keyFor('ADMIN', 'Ops');
    const created = await admin.query(CREATE, { name: 'Dashboard Bremerhaven', role: 'EDITOR' });
    expect(created.errors).toBeUndefined();
    const { secret, key } = created.data.createApiKey;
    try {
      expect(secret).toMatch(new RegExp(`^kg_${key.id}_[0-9a-f]{64}$`));
      expect(key).toEqual({
        id: key.id,
        name: 'Dashboard Bremerhaven',
        role: 'EDITOR',
        createdAt: expect.stringMatching(ISO),
        createdBy: admin.id,
        revoked: false,
        revokedAt: null,
        revokedBy: null,
        lastUsedAt: null,
      });
      // The new key works at once.
      expect(await api().query(ME, undefined, `Bearer ${secret}`)).toEqual({
        data: { me: { id: key.id, name: 'Dashboard Bremerhaven', role: 'EDITOR', via: 'API_KEY' } },
      });

      // Listed without secret or hash: exactly the fields of the type, and the secret nowhere.
      const listed = await admin.query(API_KEYS);
      expect(listed.errors).toBeUndefined();
      const mine = listed.data.apiKeys.filter((k: any) => [key.id, admin.id].includes(k.id));
      expect(mine).toEqual([
        {
          id: admin.id,
          name: 'Ops',
          role: 'ADMIN',
          createdAt: expect.stringMatching(ISO),
          createdBy: 'test',
          revoked: false,
          revokedAt: null,
          revokedBy: null,
          lastUsedAt: expect.stringMatching(ISO),
        },
        { ...key, lastUsedAt: expect.stringMatching(ISO) },
      ]);
      expect(JSON.stringify(listed)).not.toContain(secret.slice(20));
      const introspected = await api().query('{ __type(name: "ApiKey") { fields { name } } }');
      expect(introspected.data.__type.fields.map((f: any) => f.name).sort()).toEqual(
        KEY_FIELDS.split(' ').sort(),
      );

      const revoked = await admin.query(REVOKE, { id: key.id });
      expect(revoked.data.revokeApiKey).toEqual({
        ...key,
        revoked: true,
        revokedAt: expect.stringMatching(ISO),
        revokedBy: admin.id,
        lastUsedAt: expect.stringMatching(ISO),
      });
      // Refused at once by this server, although it had verified the key a moment ago.
      const refused = await post(api().url, ME, `Bearer ${secret}`);
      expect([refused.status, JSON.parse(refused.text)]).toEqual([
        401,
        {
          errors: [
            { message: 'This API key has been revoked.', extensions: { code: 'UNAUTHENTICATED' } },
          ],
        },
      ]);
      // Revoking again changes nothing; the listing without revoked keys leaves it out.
      const again = await admin.query(REVOKE, { id: key.id });
      expect(again.data.revokeApiKey.revokedAt).toBe(revoked.data.revokeApiKey.revokedAt);
      const active = await admin.query('{ apiKeys(includeRevoked: false) { id revoked } }');
      expect(active.data.apiKeys.map((k: any) => k.id)).not.toContain(key.id);
      expect(active.data.apiKeys.every((k: any) => k.revoked === false)).toBe(true);
      expect(active.data.apiKeys.map((k: any) => k.id)).toContain(admin.id);
    } finally {
      await deleteApiKeys(api().db, [key.id]);
    }
  });

  it('answer NOT_FOUND for an unknown key id and BAD_USER_INPUT for a name without text or with control characters', async () => {
    const admin = await api().keyFor('ADMIN');
    const answers = [
      await admin.query(REVOKE, { id: 'ffffffffffffffff' }),
      await admin.query(CREATE, { name: '   ', role: 'EDITOR' }),
      await admin.query(CREATE, { name: 'two\nlines', role: 'EDITOR' }),
      await admin.query(CREATE, { name: 'x'.repeat(201), role: 'EDITOR' }),
    ];
    expect(
      answers.map((a) => [a.data ?? null, a.errors?.map((e) => [e.extensions.code, e.message])]),
    ).toEqual([
      [null, [['NOT_FOUND', 'no API key with the id "ffffffffffffffff"']]],
      [null, [['BAD_USER_INPUT', 'A key needs a name that says whose it is.']]],
      [
        null,
        [['BAD_USER_INPUT', 'A key name may not contain control characters (line breaks, tabs).']],
      ],
      [null, [['BAD_USER_INPUT', 'A key name has at most 200 characters (got 201).']]],
    ]);
  });

  it('store injection strings as key names literally and read them back unchanged', async () => {
    const admin = await api().keyFor('ADMIN');
    const names = [
      "x'); MATCH (n) DETACH DELETE n //",
      '" OR 1=1 -- ',
      '${process.env.NEO4J_PASSWORD}',
      '<script>alert(1)</script>',
      '{{7*7}} `id` $(id) \\n \u00e4\u00f6\u00fc \u{1F511}',
    ];
    const made: string[] = [];
    const graphBefore = await api().query(GRAPH_SIZE);
    try {
      for (const name of names) {
        const created = await admin.query(CREATE, { name, role: 'CONTRIBUTOR' });
        expect(created.errors).toBeUndefined();
        made.push(created.data.createApiKey.key.id);
        expect(created.data.createApiKey.key.name).toBe(name);
        const me = await api().query(ME, undefined, `Bearer ${created.data.createApiKey.secret}`);
        expect(me.data.me.name).toBe(name);
      }
      const listed = await admin.query(API_KEYS);
      expect(
        made.map((id) => listed.data.apiKeys.find((k: any) => k.id === id)?.name ?? null),
      ).toEqual(names);
      // The graph is untouched.
      expect(await api().query(GRAPH_SIZE)).toEqual(graphBefore);
    } finally {
      await deleteApiKeys(api().db, made);
    }
  });
});

describe('credentials that are not valid', () => {
  it('refuse the whole request with 401 UNAUTHENTICATED and a Bearer challenge, for reads too', async () => {
    const editor = await api().keyFor('EDITOR');
    const id = editor.id;
    // kg_ + 16 hex digits of id + _ : the secret part follows.
    const secretPart = editor.secret.slice(20);
    const lastChanged = secretPart.slice(0, -1) + (secretPart.endsWith('0') ? '1' : '0');
    const wrongSecret = `kg_${id}_${lastChanged}`;
    const unknownId = `kg_${id === 'ffffffffffffffff' ? '0000000000000000' : 'ffffffffffffffff'}_${secretPart}`;
    const INVALID = 'The API key is not valid (unknown, mistyped or not a key of this server).';
    const HEADER = 'The Authorization header must be "Bearer <API key>".';
    const cases: [string, string][] = [
      [`Bearer ${wrongSecret}`, INVALID],
      [`Bearer ${unknownId}`, INVALID],
      [`Bearer ${editor.secret.slice(0, -1)}`, INVALID],
      [`Bearer kg_${id}`, INVALID],
      [editor.secret, HEADER],
      [`Basic ${Buffer.from(`user:${editor.secret}`).toString('base64')}`, HEADER],
      [`Bearer ${editor.secret} extra`, HEADER],
      ['Bearer', HEADER],
      ['', HEADER],
      [
        'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x',
        'The bearer token is not an API key (kg_…), and this server accepts no JWTs.',
      ],
    ];
    for (const [authorization, message] of cases) {
      const response = await post(
        api().url,
        '{ cities(first: 1) { nodes { key } } }',
        authorization,
      );
      expect([authorization, response.status, JSON.parse(response.text)]).toEqual([
        authorization,
        401,
        { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
      ]);
      expect([
        response.headers.get('www-authenticate'),
        response.headers.get('content-type'),
        response.headers.get('cache-control'),
      ]).toEqual([
        'Bearer realm="kommunalgraph", error="invalid_token"',
        'application/json; charset=utf-8',
        'no-store',
      ]);
      expect(response.text).not.toMatch(/stack|\.ts|\/work\/|bolt:|Context creation/);
    }
    // The correct key still works (a wrong secret does not lock the key).
    expect((await editor.query(ME)).data.me.id).toBe(editor.id);
  });

  it('accept the scheme in any case', async () => {
    const key = await api().keyFor('CONTRIBUTOR');
    expect((await api().query(ME, undefined, `bearer ${key.secret}`)).data.me.id).toBe(key.id);
  });
});

describe('stored keys', () => {
  it('hold no secret: the key string and its secret part appear in no property', async () => {
    const key = await api().keyFor('EDITOR', 'stored');
    await key.query(ME);
    const stored = await storedKey(key.id);
    expect(Object.keys(stored).sort()).toEqual(
      [
        'createdAt',
        'createdBy',
        'hash',
        'id',
        'kdf',
        'labels',
        'lastUsedAt',
        'name',
        'role',
        'salt',
      ].sort(),
    );
    expect(stored.labels).toEqual(['ApiKey']);
    const secretPart = key.secret.split('_')[2]!;
    for (const [name, value] of Object.entries(stored)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      expect([name, text.includes(secretPart), text.includes(key.secret)]).toEqual([
        name,
        false,
        false,
      ]);
    }
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are no part of the graph: not in node(id:), search, counts, stats or the exports', async () => {
    const NAME = 'Bochum Senioren Stabsstelle';
    const counts = `{
      search(text: "${NAME}", first: 100) { totalCount hits { entity { key } } }
      stats { cities { total } orgUnits { total } people { total } sources { total } }
      cities { totalCount }
    }`;
    const before = await api().query(counts);
    expect(before.errors).toBeUndefined();
    const key = await api().keyFor('ADMIN', NAME);
    expect(await api().query(counts)).toEqual(before);
    expect(before.data.search.hits.map((h: any) => h.entity.key)).not.toContain(key.id);
    const node = await api().query('query ($id: ID!) { node(id: $id) { id } }', {
      id: toGlobalId('ApiKey', key.id),
    });
    expect(node.data?.node ?? null).toBeNull();

    const index = (await (await fetch(`${api().url}/export/`)).json()) as any;
    expect(JSON.stringify(index)).not.toMatch(/api-?key/i);
    const files = (index.files as { url: string }[]).map((f) => f.url);
    expect(files.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(30);
    for (const file of files) {
      const text = await (await fetch(`${api().url}${file}`)).text();
      expect([file, text.length > 0, text.includes(key.id), text.includes(NAME)]).toEqual([
        file,
        true,
        false,
        false,
      ]);
    }
  });
});
