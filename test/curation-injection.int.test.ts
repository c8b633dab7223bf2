import { curationApi } from './curation-fixture';

/*
 * Injection strings in every text input of the writes are stored and read back literally: they
 * travel as parameters, never as Cypher, Lucene or HTML. Ids that are not ids are refused before
 * any database work.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Json = any;

const p = 'curi';
const c = curationApi(p);

const CITY = `${p}-testhausen`;
const UNIT = `${p}-boese`;
const DOC = `${p}-boese-presse`;
const PERSON = `${p}-erika-muster`;

/** One sentence each, no space at either end (strings are trimmed as in the seeds). */
const INJECTIONS = [
  "Robert'); MATCH (n) DETACH DELETE n; //",
  '" OR 1=1 -- ${x} {{y}} %s %n',
  "<script>alert('x')</script> & <b>fett</b> &amp;",
  "C:\\temp\\neu \\u0000 \\' back\\slash",
  '$where: {key: {eq: "x"}} … „Zitat“ ‘ein’ – ☃ 𝄞',
  '+Lucene -(a OR b)~ [1 TO 2] ^3 * ? : / \\ AND NOT',
  'CALL db.clearQueryCaches() YIELD * RETURN 1',
  "}) MERGE (x:Entity {id: 'evil'}) WITH x MATCH (y",
];
const [I0, I1, I2, I3, I4, I5, I6, I7] = INJECTIONS as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const TEXT = ['Eine böse Pressemitteilung', ...INJECTIONS].join('\n');

async function editor(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const result = await c().as('EDITOR', query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function entityCount(): Promise<number> {
  const result = await c().api.db.executeRead((tx) =>
    tx.run('MATCH (n:Entity) RETURN count(n) AS n'),
  );
  return result.records[0]!.get('n') as number;
}

describe('injection strings', () => {
  let entitiesBefore: number;
  beforeAll(async () => {
    entitiesBefore = await entityCount();
  });

  it('stores every text of a new unit, its link, citation and new document literally', async () => {
    await editor(
      `mutation($input: OrgUnitCreateInput!, $citation: CitationInput!) {
        createOrgUnit(input: $input, citation: $citation, links: [{ type: BELONGS_TO, other: "${CITY}" }]) { outcome }
      }`,
      {
        input: {
          key: UNIT,
          name: I0,
          kind: 'OFFICE',
          germanKind: I1,
          description: I2,
          altNames: [I3, I4],
          goals: [I5, I6],
        },
        citation: {
          newDocument: {
            key: DOC,
            title: 'Eine böse Pressemitteilung',
            kind: 'PRESS_RELEASE',
            publisher: I1,
            author: I2,
            publishedNote: I3,
            url: `https://example.org/?q=${encodeURIComponent(I0)}`,
            language: 'de',
            note: I4,
            text: TEXT,
          },
          quote: I7,
          mentions: [
            { entity: UNIT, words: ['MERGE (x:Entity'] },
            { entity: CITY, words: ['MATCH (y'] },
          ],
          moreQuotes: [{ quote: I0 }, { quote: I5 }],
          basis: 'INFERRED',
          reasoning: I6,
        },
      },
    );
    const read = await c().as(
      null,
      `{ node(id: "${UNIT}") { reasoning sources { quote document { title publisher author publishedNote url } }
           ... on OrgUnit { name germanKind description altNames goals city { node { key } reasoning sources { quote } } } } }`,
    );
    expect(read.errors).toBeUndefined();
    const document = {
      title: 'Eine böse Pressemitteilung',
      publisher: I1,
      author: I2,
      publishedNote: I3,
      url: `https://example.org/?q=${encodeURIComponent(I0)}`,
    };
    expect(read.data.node).toEqual({
      reasoning: I6,
      sources: [I7, I0, I5].map((quote) => ({ quote, document })),
      name: I0,
      germanKind: I1,
      description: I2,
      altNames: [I3, I4],
      goals: [I5, I6],
      city: {
        node: { key: CITY },
        reasoning: I6,
        sources: [{ quote: I7 }, { quote: I0 }, { quote: I5 }],
      },
    });
    // The document's own note is not a field of the API; its history shows it as stored.
    const history = await c().as(
      null,
      `{ history(id: "${DOC}") { changes { after { fields { field value } } } } }`,
    );
    const fields = history.data.history.changes[0].after.fields;
    expect(fields.find((f: Json) => f.field === 'note')).toEqual({
      field: 'note',
      value: JSON.stringify(I4),
    });
  });

  it('stores relationship texts, review reasons and withdrawal notes literally', async () => {
    const post = `${PERSON}~HOLDS_POST~${UNIT}`;
    await editor(
      `mutation($c: CitationInput!) { createHoldsPost(from: "${PERSON}", to: "${UNIT}", input: { roleTitle: ${JSON.stringify(I4)}, role: "HEAD" }, citation: $c) { outcome } }`,
      {
        c: {
          document: DOC,
          quote: I2,
          mentions: [
            { entity: PERSON, words: ['<b>fett</b>'] },
            { entity: UNIT, words: ["alert('x')"] },
          ],
        },
      },
    );
    const proposed = await c().as(
      'CONTRIBUTOR',
      `mutation($c: CitationInput!) { updateOrgUnit(id: "${UNIT}", version: 1, set: { description: ${JSON.stringify(I5)} }, citation: $c) { proposal { id } } }`,
      { c: { document: DOC, quote: I5 } },
    );
    const accepted = await editor(
      `mutation($id: ID!, $reason: String) { acceptProposal(id: $id, reason: $reason) { proposal { reason } node { ... on OrgUnit { description } } } }`,
      { id: proposed.data.updateOrgUnit.proposal.id, reason: I6 },
    );
    expect(accepted.acceptProposal).toEqual({
      proposal: { reason: I6 },
      node: { description: I5 },
    });
    const second = await c().as(
      'CONTRIBUTOR',
      `mutation($c: CitationInput!) { updateOrgUnit(id: "${UNIT}", version: 2, set: { germanKind: ${JSON.stringify(I3)} }, citation: $c) { proposal { id } } }`,
      { c: { document: DOC, quote: I3 } },
    );
    const rejected = await editor(
      `mutation($id: ID!, $r: String!) { rejectProposal(id: $id, reason: $r) { reason } }`,
      {
        id: second.data.updateOrgUnit.proposal.id,
        r: I7,
      },
    );
    expect(rejected.rejectProposal).toEqual({ reason: I7 });
    await editor(
      `mutation($n: String) { retireRelation(id: "${post}", version: 1, reason: WITHDRAWN, note: $n) { outcome } }`,
      { n: I1 },
    );
    const history = await c().as(
      null,
      `{ history(id: "${post}") { changes { action note before { fields { field value } } after { fields { field value } } } } }`,
    );
    expect(history.data.history.changes).toEqual([
      {
        action: 'CREATED',
        note: null,
        before: null,
        after: {
          fields: [
            { field: 'roleTitle', value: JSON.stringify(I4) },
            { field: 'role', value: '"HEAD"' },
          ],
        },
      },
      {
        action: 'WITHDRAWN',
        note: I1,
        before: {
          fields: [
            { field: 'roleTitle', value: JSON.stringify(I4) },
            { field: 'role', value: '"HEAD"' },
          ],
        },
        after: null,
      },
    ]);
  });

  it('refuses injection strings as ids and keys before any write, and filters on them harmlessly', async () => {
    for (const [query, argument] of [
      [
        `mutation { retireEntity(id: ${JSON.stringify(I0)}, version: 1, reason: WITHDRAWN, note: "x") { outcome } }`,
        'id',
      ],
      [
        `mutation { createHoldsPost(from: ${JSON.stringify(I7)}, to: "${UNIT}", input: { roleTitle: "x", role: "HEAD" }, citation: { document: "${DOC}", quote: "x" }) { outcome } }`,
        'from',
      ],
      [
        `mutation { createOrgUnit(input: { key: ${JSON.stringify(I0)}, name: "x", kind: "OFFICE" }, citation: { document: ${JSON.stringify(I1)}, quote: "x" }) { outcome } }`,
        'citation.document',
      ],
    ] as const) {
      const result = await c().as('EDITOR', query);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const key = await c().as(
      'EDITOR',
      `mutation { createOrgUnit(input: { key: ${JSON.stringify(I0)}, name: "x", kind: "OFFICE" }, citation: { document: "${DOC}", quote: ${JSON.stringify(I0)} }) { outcome } }`,
    );
    expect(key.errors![0].extensions.problems).toContain(
      `OrgUnit "${I0}": id must be lowercase letters, digits and hyphens (got ${JSON.stringify(I0)})`,
    );
    const feed = await c().as(
      null,
      `query($by: String, $t: [String!]) { recentChanges(by: $by, types: $t) { totalCount nodes { key } } }`,
      {
        by: I0,
        t: [I7],
      },
    );
    expect(feed.data.recentChanges).toEqual({ totalCount: 0, nodes: [] });
    const history = await c().as(null, `query($id: String!) { history(id: $id) { key } }`, {
      id: I7,
    });
    expect(history.errors![0].extensions.code).toBe('NOT_FOUND');
    // Nothing but the unit and its document was added, and nothing was deleted.
    expect(await entityCount()).toBe(entitiesBefore + 2);
    const evil = await c().api.db.executeRead((tx) =>
      tx.run(`MATCH (n {id: 'evil'}) RETURN count(n) AS n`),
    );
    expect(evil.records[0]!.get('n')).toBe(0);
  });
});
