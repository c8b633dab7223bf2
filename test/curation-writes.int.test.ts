import { parseCsvObjects } from '../src/modules/export/csv';
import { curationApi, pressText } from './curation-fixture';

/*
 * Curation writes against the real database: who may write, creating, updating only the given
 * fields, stale versions, citations that fail the importer's quote check, ending and withdrawing
 * (hidden from every read, kept in history), and the history of an entity across three changes.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Json = any;

const p = 'curw';
const c = curationApi(p);
// The id of the role's test key, which the change log and the proposals name.
const keyId = (role: 'CONTRIBUTOR' | 'EDITOR' | 'ADMIN') => c().keys.principal(role).id;

const CITY = `${p}-testhausen`;
const DOC = `${p}-presse`;
const UNIT = `${p}-buero`;
const SET_UP = 'Die Stadt Testhausen richtet zum 1. März 2024 ein Büro für Digitales ein.';
const WORKS_WITH = 'Das Büro für Digitales arbeitet mit dem Rat der Stadt Testhausen zusammen.';
const DISSOLVED = 'Zum 31. Dezember 2025 wurde das Büro für Digitales wieder aufgelöst.';
const HEAD = 'Leiter des Büros für Digitales ist seit dem 1. April 2024 Max Beispiel.';

const newDocument = {
  key: DOC,
  title: 'Testhausen gründet ein Büro für Digitales',
  kind: 'PRESS_RELEASE',
  publisher: 'Stadt Testhausen',
  language: 'de',
  text: pressText('Testhausen'),
};

const CREATE_UNIT = `mutation($input: OrgUnitCreateInput!, $citation: CitationInput!, $links: [LinkInput!]) {
  createOrgUnit(input: $input, citation: $citation, links: $links) {
    outcome
    changes { action type key version author { id role } reviewer { id } }
    proposal { id status }
    node { key version ... on OrgUnit { name established { edtf } } }
  }
}`;
const UPDATE_UNIT = `mutation($id: ID!, $version: Int!, $set: OrgUnitUpdateInput!, $citation: CitationInput!) {
  updateOrgUnit(id: $id, version: $version, set: $set, citation: $citation) {
    outcome
    changes { action version changedFields }
    node { version ... on OrgUnit { name germanKind description established { edtf } } }
  }
}`;
const RETIRE_ENTITY = `mutation($id: ID!, $version: Int!, $reason: RetireReason!, $ended: String, $note: String, $citation: CitationInput) {
  retireEntity(id: $id, version: $version, reason: $reason, ended: $ended, note: $note, citation: $citation) {
    outcome
    changes { action type key versionBefore version }
    node { version ... on OrgUnit { dissolved { edtf } } }
  }
}`;
const RETIRE_RELATION = `mutation($id: String!, $version: Int!, $reason: RetireReason!, $note: String) {
  retireRelation(id: $id, version: $version, reason: $reason, note: $note) {
    outcome
    changes { action type key versionBefore version note }
  }
}`;
const CREATE_POST = `mutation($from: ID!, $to: ID!, $input: HoldsPostCreateInput, $citation: CitationInput!) {
  createHoldsPost(from: $from, to: $to, input: $input, citation: $citation) {
    outcome
    changes { action key version }
  }
}`;

const unitInput = {
  key: UNIT,
  name: 'Büro für Digitales',
  kind: 'OFFICE',
  established: '2024-03-01',
};
const belongsTo = [{ type: 'BELONGS_TO', other: CITY }];

function codes(result: { errors?: Json[] }): string[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

async function changeCount(): Promise<number> {
  const result = await c().api.db.executeRead((tx) =>
    tx.run(
      `MATCH (x) WHERE (x:Change OR x:Proposal) AND x.key STARTS WITH $p RETURN count(x) AS n`,
      { p },
    ),
  );
  return result.records[0]!.get('n') as number;
}

async function unitKeys(): Promise<string[]> {
  const result = await c().as(
    null,
    `{ orgUnits(first: 100, where: { key: { startsWith: "${p}" } }) { nodes { key } } }`,
  );
  return result.data.orgUnits.nodes.map((n: Json) => n.key);
}

describe('who may write', () => {
  const writes: [string, string, Record<string, unknown>][] = [
    [
      'createOrgUnit',
      CREATE_UNIT,
      { input: unitInput, citation: { newDocument, quote: SET_UP }, links: belongsTo },
    ],
    [
      'updateOrgUnit',
      UPDATE_UNIT,
      {
        id: `${p}-rat`,
        version: 1,
        set: { germanKind: 'Rat' },
        citation: { document: `${p}-doc`, quote: 'Der Rat der Stadt Testhausen' },
      },
    ],
    [
      'createHoldsPost',
      CREATE_POST,
      {
        from: `${p}-erika-muster`,
        to: `${p}-rat`,
        input: { roleTitle: 'Mitglied', role: 'MEMBER' },
        citation: { document: `${p}-doc`, quote: 'Erika Muster' },
      },
    ],
    [
      'retireEntity',
      RETIRE_ENTITY,
      { id: `${p}-rat`, version: 1, reason: 'WITHDRAWN', note: 'falsch' },
    ],
    [
      'retireRelation',
      RETIRE_RELATION,
      { id: `${p}-rat~BELONGS_TO~${CITY}`, version: 1, reason: 'WITHDRAWN', note: 'falsch' },
    ],
    ['acceptProposal', `mutation { acceptProposal(id: "proposal-1") { outcome } }`, {}],
    ['rejectProposal', `mutation { rejectProposal(id: "proposal-1", reason: "nein") { id } }`, {}],
  ];

  it.each(writes)(
    'refuses %s without a credential (UNAUTHENTICATED) and writes nothing',
    async (_name, query, variables) => {
      const result = await c().as(null, query, variables);
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      // Reviews need an editor, every other write a contributor.
      const role = /^mutation \{ (accept|reject)Proposal/.test(query) ? 'EDITOR' : 'CONTRIBUTOR';
      expect(result.errors![0].message).toBe(
        `This needs a credential with the role ${role} or above: send "Authorization: Bearer <API key>".`,
      );
      expect(await changeCount()).toBe(0);
    },
  );

  it('refuses the review queue without a credential', async () => {
    const result = await c().as(null, `{ reviewQueue { totalCount } }`);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['acceptProposal', writes[5]![1]],
    ['rejectProposal', writes[6]![1]],
  ])('refuses %s to a contributor (FORBIDDEN)', async (_name, query) => {
    const result = await c().as('CONTRIBUTOR', query);
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors![0].message).toMatch(
      /^This needs the role EDITOR or above \(EDITOR: .*review proposals\); the credential \S+ has the role CONTRIBUTOR\.$/,
    );
  });

  it("keeps a contributor's write out of the graph as a proposal", async () => {
    const result = await c().as('CONTRIBUTOR', CREATE_UNIT, writes[0]![2]);
    expect(result.errors).toBeUndefined();
    expect(result.data.createOrgUnit).toMatchObject({
      outcome: 'PROPOSED',
      changes: [],
      node: null,
    });
    expect(result.data.createOrgUnit.proposal.status).toBe('PENDING');
    expect(await unitKeys()).toEqual([`${p}-rat`, `${p}-stabsstelle`]);
    // Rejected, so that the tests below create the unit themselves.
    const reject = await c().as(
      'EDITOR',
      `mutation($id: ID!) { rejectProposal(id: $id, reason: "Die Tests legen es selbst an.") { status } }`,
      { id: result.data.createOrgUnit.proposal.id },
    );
    expect(reject.data.rejectProposal.status).toBe('REJECTED');
  });

  it.each([['EDITOR'], ['ADMIN']] as const)('applies the write of an %s at once', async (role) => {
    const key = `${p}-buero-${role.toLowerCase()}`;
    const result = await c().as(role, CREATE_UNIT, {
      input: { ...unitInput, key },
      citation: {
        document: `${p}-doc`,
        quote:
          'Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.',
      },
      links: belongsTo,
    });
    // The quote neither names this unit nor writes its date: refused with the importer's words.
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions.problems).toEqual([
      `OrgUnit "${key}": unsupported: established 2024-03-01 is not written in any quote of a STATED fact (as a date, month, season, "Ende <year>" or year); quote the words that date it, drop the date, or mark the fact INFERRED with its reasoning`,
      `BELONGS_TO "${key}~BELONGS_TO~${CITY}" (${key} → ${CITY}): unsupported: no quote of a STATED relation names "${key}" (Büro für Digitales); quote a sentence that names it, list the words that stand for it under "mentions", or mark the relation INFERRED with its reasoning`,
    ]);
    const applied = await c().as(role, CREATE_UNIT, {
      input: { key, name: 'Büro für Digitales', kind: 'OFFICE' },
      citation: {
        document: `${p}-doc`,
        quote:
          'Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.',
        mentions: [{ entity: key, words: ['eine neue Stabsstelle'] }],
        basis: 'INFERRED',
        reasoning: 'Der Test liest die Stabsstelle als Büro.',
      },
      links: belongsTo,
    });
    expect(applied.errors).toBeUndefined();
    expect(applied.data.createOrgUnit).toEqual({
      outcome: 'APPLIED',
      changes: [
        {
          action: 'CREATED',
          type: 'OrgUnit',
          key,
          version: 1,
          author: { id: keyId(role), role },
          reviewer: null,
        },
        {
          action: 'CREATED',
          type: 'BELONGS_TO',
          key: `${key}~BELONGS_TO~${CITY}`,
          version: 1,
          author: { id: keyId(role), role },
          reviewer: null,
        },
      ],
      proposal: null,
      node: { key, version: 1, name: 'Büro für Digitales', established: null },
    });
  });
});

describe('writing facts', () => {
  it('creates a unit with its city and a new source document, whose text is never served', async () => {
    const result = await c().as('EDITOR', CREATE_UNIT, {
      input: unitInput,
      citation: { newDocument, quote: SET_UP },
      links: belongsTo,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createOrgUnit.changes.map((x: Json) => [x.action, x.type, x.key])).toEqual([
      ['CREATED', 'SourceDocument', DOC],
      ['CREATED', 'OrgUnit', UNIT],
      ['CREATED', 'BELONGS_TO', `${UNIT}~BELONGS_TO~${CITY}`],
    ]);
    const read = await c().as(
      null,
      `{ node(id: "${UNIT}") { version basis ... on OrgUnit { name kind established { edtf earliest latest } city { node { key } sources { quote document { key title publisher } } details { relationId version } } sources { quote document { key } } } } }`,
    );
    expect(read.data.node).toEqual({
      version: 1,
      basis: 'STATED',
      name: 'Büro für Digitales',
      kind: 'OFFICE',
      established: { edtf: '2024-03-01', earliest: '2024-03-01', latest: '2024-03-01' },
      city: {
        node: { key: CITY },
        sources: [
          {
            quote: SET_UP,
            document: { key: DOC, title: newDocument.title, publisher: 'Stadt Testhausen' },
          },
        ],
        details: { relationId: `${UNIT}~BELONGS_TO~${CITY}`, version: 1 },
      },
      sources: [{ quote: SET_UP, document: { key: DOC } }],
    });
    // A word only the text has ("aufgelöst") is found nowhere; the export holds no text either.
    const search = await c().as(null, `{ search(text: "aufgelöst") { totalCount } }`);
    expect(search.data.search.totalCount).toBe(0);
    const exported = await (await fetch(`${c().api.url}/export/source-documents.csv`)).text();
    expect(exported).toContain(DOC);
    expect(exported).not.toContain('aufgelöst');
  });

  it('updates only the given fields, and refuses a stale version saying what changed', async () => {
    const result = await c().as('EDITOR', UPDATE_UNIT, {
      id: UNIT,
      version: 1,
      set: { germanKind: 'Büro', description: 'Arbeitet mit dem Rat zusammen.' },
      citation: { document: DOC, quote: WORKS_WITH },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateOrgUnit).toEqual({
      outcome: 'APPLIED',
      changes: [
        { action: 'UPDATED', version: 2, changedFields: ['germanKind', 'description', 'sources'] },
      ],
      node: {
        version: 2,
        name: 'Büro für Digitales',
        germanKind: 'Büro',
        description: 'Arbeitet mit dem Rat zusammen.',
        established: { edtf: '2024-03-01' },
      },
    });
    const stale = await c().as('EDITOR', UPDATE_UNIT, {
      id: UNIT,
      version: 1,
      set: { germanKind: 'Amt' },
      citation: { document: DOC, quote: WORKS_WITH },
    });
    expect(codes(stale)).toEqual(['STALE_VERSION']);
    expect(stale.errors![0].extensions).toMatchObject({
      givenVersion: 1,
      currentVersion: 2,
      changes: [
        {
          version: 2,
          action: 'UPDATED',
          author: `Test Editor (${keyId('EDITOR')})`,
          fields: ['germanKind', 'description', 'sources'],
        },
      ],
    });
    expect(stale.errors![0].message).toMatch(
      new RegExp(
        `^OrgUnit "${UNIT}" is at version 2, not 1; changed since: version 2 \\(updated .+ by Test Editor \\(${keyId('EDITOR')}\\): germanKind, description, sources\\)`,
      ),
    );
  });

  it('refuses a missing citation, a missing quote, an empty and a non-verbatim one', async () => {
    const without = await c().as(
      'EDITOR',
      `mutation { updateOrgUnit(id: "${UNIT}", version: 2, set: { germanKind: "Amt" }) { outcome } }`,
    );
    expect(codes(without)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const noQuote = await c().as('EDITOR', UPDATE_UNIT, {
      id: UNIT,
      version: 2,
      set: { germanKind: 'Amt' },
      citation: { document: DOC },
    });
    expect(codes(noQuote)).toEqual(['BAD_USER_INPUT']);
    expect(noQuote.errors![0].message).toMatch(
      /Field "quote" of required type "String!" was not provided/,
    );
    const empty = await c().as('EDITOR', UPDATE_UNIT, {
      id: UNIT,
      version: 2,
      set: { germanKind: 'Amt' },
      citation: { document: DOC, quote: ' ' },
    });
    expect(empty.errors![0].extensions.problems).toEqual([
      `OrgUnit "${UNIT}": the quote is empty: " …"`,
    ]);
    const wrong = await c().as('EDITOR', UPDATE_UNIT, {
      id: UNIT,
      version: 2,
      set: { germanKind: 'Amt' },
      citation: {
        document: DOC,
        quote: 'Das Büro für Digitales arbeitet mit dem Rat der Stadt zusammen.',
      },
    });
    expect(wrong.errors![0].extensions.problems).toEqual([
      `OrgUnit "${UNIT}": quote not found verbatim in ${DOC}: "Das Büro für Digitales arbeitet mit dem Rat der Stadt zusammen."`,
    ]);
    const neither = await c().as('EDITOR', UPDATE_UNIT, {
      id: UNIT,
      version: 2,
      set: { germanKind: 'Amt' },
      citation: { quote: WORKS_WITH },
    });
    expect(neither.errors![0]).toMatchObject({
      message:
        'a citation names the `document` it quotes (one in the graph) or brings a `newDocument`, not both',
      extensions: { code: 'BAD_USER_INPUT', argument: 'citation' },
    });
    const node = await c().as(
      null,
      `{ node(id: "${UNIT}") { version ... on OrgUnit { germanKind } } }`,
    );
    expect(node.data.node).toEqual({ version: 2, germanKind: 'Büro' });
  });

  it('ends a unit: it keeps its end date, and asOf after that day leaves it out', async () => {
    const result = await c().as('EDITOR', RETIRE_ENTITY, {
      id: UNIT,
      version: 2,
      reason: 'ENDED',
      ended: '2025-12-31',
      citation: { document: DOC, quote: DISSOLVED },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.retireEntity).toEqual({
      outcome: 'APPLIED',
      changes: [{ action: 'ENDED', type: 'OrgUnit', key: UNIT, versionBefore: 2, version: 3 }],
      node: { version: 3, dissolved: { edtf: '2025-12-31' } },
    });
    const asOf = async (day: string) =>
      (
        await c().as(
          null,
          `{ orgUnits(asOf: "${day}", where: { key: { eq: "${UNIT}" } }) { nodes { key } } }`,
        )
      ).data.orgUnits.nodes;
    expect(await asOf('2025-06-30')).toEqual([{ key: UNIT }]);
    expect(await asOf('2026-01-01')).toEqual([]);
  });

  it('keeps the history of the unit across its three changes, with the versions and their times', async () => {
    const result = await c().as(
      null,
      `{ history(id: "${UNIT}") {
          kind type key exists version
          changes { seq action versionBefore version changedFields author { id } reviewer { id } proposal { id } quotes { quote } before { fields { field value } } after { fields { field value } sources { quote } } }
          states { from until version state { fields { field value } } }
          early: stateAt(time: "2000-01-01") { version }
        } }`,
    );
    expect(result.errors).toBeUndefined();
    const h = result.data.history;
    expect(h).toMatchObject({
      kind: 'ENTITY',
      type: 'OrgUnit',
      key: UNIT,
      exists: true,
      version: 3,
      early: null,
    });
    expect(
      h.changes.map((x: Json) => [
        x.action,
        x.versionBefore,
        x.version,
        x.author.id,
        x.reviewer,
        x.proposal,
      ]),
    ).toEqual([
      ['CREATED', null, 1, keyId('EDITOR'), null, null],
      ['UPDATED', 1, 2, keyId('EDITOR'), null, null],
      ['ENDED', 2, 3, keyId('EDITOR'), null, null],
    ]);
    expect(h.changes.map((x: Json) => x.quotes.map((q: Json) => q.quote))).toEqual([
      [SET_UP],
      [WORKS_WITH],
      [DISSOLVED],
    ]);
    const fields = (state: Json) =>
      Object.fromEntries(state.fields.map((f: Json) => [f.field, JSON.parse(f.value)]));
    expect(h.changes[0].before).toBeNull();
    expect(fields(h.changes[2].before)).toMatchObject({ germanKind: 'Büro' });
    expect(fields(h.changes[2].after)).toEqual({
      name: 'Büro für Digitales',
      kind: 'OFFICE',
      established: '2024-03-01',
      germanKind: 'Büro',
      description: 'Arbeitet mit dem Rat zusammen.',
      dissolved: '2025-12-31',
    });
    expect(h.states.map((s: Json) => s.version)).toEqual([1, 2, 3]);
    const times = h.changes.map((x: Json) => x.seq);
    expect(times).toEqual([...times].sort((a: number, b: number) => a - b));
    expect(h.states[0].until).toBe(h.states[1].from);
    expect(h.states[1].until).toBe(h.states[2].from);
    expect(h.states[2].until).toBeNull();
    // What the graph said between the second and third change: version 2.
    const between = await c().as(
      null,
      `{ history(id: "${UNIT}") { stateAt(time: "${h.states[1].from}") { version } } }`,
    );
    expect(between.data.history.stateAt).toEqual({ version: 2 });
    // The feed lists the same changes, newest first, filtered by author and type.
    const feed = await c().as(
      null,
      `{ recentChanges(by: "${keyId('EDITOR')}", types: ["OrgUnit"], first: 3) { nodes { key action } } }`,
    );
    expect(feed.data.recentChanges.nodes.filter((n: Json) => n.key === UNIT)).toEqual([
      { key: UNIT, action: 'ENDED' },
      { key: UNIT, action: 'UPDATED' },
      { key: UNIT, action: 'CREATED' },
    ]);
  });

  it('withdraws a wrong post: every read stops showing it, its history keeps it', async () => {
    const post = await c().as('EDITOR', CREATE_POST, {
      from: `${p}-erika-muster`,
      to: UNIT,
      input: { roleTitle: 'Leiter', role: 'HEAD', since: '2024-04-01' },
      citation: {
        document: DOC,
        quote: HEAD,
        mentions: [
          { entity: `${p}-erika-muster`, words: ['Max Beispiel'] },
          { entity: UNIT, words: ['Büros für Digitales'] },
        ],
      },
    });
    expect(post.errors).toBeUndefined();
    const id = `${p}-erika-muster~HOLDS_POST~${UNIT}`;
    expect(post.data.createHoldsPost.changes).toEqual([{ action: 'CREATED', key: id, version: 1 }]);
    const reads = async () => {
      const r = await c().as(
        null,
        `{ posts(where: { person: { key: { eq: "${p}-erika-muster" } } }) { nodes { relationId } }
           node(id: "${p}-erika-muster") { ... on Person { posts { relationId } } } }`,
      );
      expect(r.errors).toBeUndefined();
      return r.data;
    };
    const before = await reads();
    expect(before.posts.nodes.map((n: Json) => n.relationId).sort()).toEqual([
      id,
      `${p}-erika-muster~HOLDS_POST~${p}-stabsstelle`,
    ]);
    expect(before.node.posts.map((n: Json) => n.relationId).sort()).toEqual([
      id,
      `${p}-erika-muster~HOLDS_POST~${p}-stabsstelle`,
    ]);
    const gone = await c().as('EDITOR', RETIRE_RELATION, {
      id,
      version: 1,
      reason: 'WITHDRAWN',
      note: 'Max Beispiel ist nicht Erika Muster.',
    });
    expect(gone.errors).toBeUndefined();
    expect(gone.data.retireRelation.changes).toEqual([
      {
        action: 'WITHDRAWN',
        type: 'HOLDS_POST',
        key: id,
        versionBefore: 1,
        version: null,
        note: 'Max Beispiel ist nicht Erika Muster.',
      },
    ]);
    const after = await reads();
    expect(after.posts.nodes).toEqual([
      { relationId: `${p}-erika-muster~HOLDS_POST~${p}-stabsstelle` },
    ]);
    expect(after.node.posts).toEqual([
      { relationId: `${p}-erika-muster~HOLDS_POST~${p}-stabsstelle` },
    ]);
    const exported = await (await fetch(`${c().api.url}/export/holds-post.csv`)).text();
    expect(exported).not.toContain(id);
    const history = await c().as(
      null,
      `{ history(id: "${id}") { kind type exists version changes { action } states { version until } } }`,
    );
    expect(history.data.history).toMatchObject({
      kind: 'RELATION',
      type: 'HOLDS_POST',
      exists: false,
      version: null,
      changes: [{ action: 'CREATED' }, { action: 'WITHDRAWN' }],
    });
    expect(history.data.history.states).toHaveLength(1);
    expect(history.data.history.states[0].until).not.toBeNull();
    // A write naming the withdrawn post says so.
    const again = await c().as('EDITOR', RETIRE_RELATION, {
      id,
      version: 1,
      reason: 'WITHDRAWN',
      note: 'noch einmal',
    });
    expect(codes(again)).toEqual(['NOT_FOUND']);
    expect(again.errors![0].message).toMatch(
      new RegExp(
        `^no relationship with key "${id}"; it was withdrawn at .+ by Test Editor \\(Max Beispiel ist nicht Erika Muster.\\)$`,
      ),
    );
  });

  it('lets a dated relationship show its ends to exist from its date, as the importer does', async () => {
    const unit = `${p}-buero-editor`;
    const certainFrom = async () =>
      (await c().as(null, `{ node(id: "${unit}") { validity { certainFrom } } }`)).data.node
        .validity.certainFrom;
    expect(await certainFrom()).toBeNull();
    const post = await c().as('EDITOR', CREATE_POST, {
      from: `${p}-erika-muster`,
      to: unit,
      input: { roleTitle: 'Leiter', role: 'HEAD', since: '2024-04-01' },
      citation: {
        document: DOC,
        quote: HEAD,
        mentions: [
          { entity: `${p}-erika-muster`, words: ['Max Beispiel'] },
          { entity: unit, words: ['Büros für Digitales'] },
        ],
      },
    });
    expect(post.errors).toBeUndefined();
    expect(await certainFrom()).toBe('2024-04-01');
    const gone = await c().as('EDITOR', RETIRE_RELATION, {
      id: `${p}-erika-muster~HOLDS_POST~${unit}`,
      version: 1,
      reason: 'WITHDRAWN',
      note: 'Ein Test.',
    });
    expect(gone.errors).toBeUndefined();
    expect(await certainFrom()).toBeNull();
  });

  it('stamps exports with the change date, and the JSON-LD with who changed it last', async () => {
    const rows = parseCsvObjects(await (await fetch(`${c().api.url}/export/org-units.csv`)).text());
    const unitRow = rows.find((r) => r.id === UNIT)!;
    expect(unitRow).toMatchObject({
      dataset: 'curated',
      changedBy: keyId('EDITOR'),
      dissolved: '2025-12-31',
    });
    expect(unitRow.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const seedRow = rows.find((r) => r.id === `${p}-rat`)!;
    expect(seedRow).toMatchObject({ dataset: p, changedBy: `import:${p}` });
    expect(seedRow.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const graph = (await (await fetch(`${c().api.url}/export/city/${CITY}.jsonld`)).json()) as Json;
    const unit = graph['@graph'].find((o: Json) => o.key === UNIT);
    expect(unit).toMatchObject({
      changedBy: keyId('EDITOR'),
      changedByName: 'Test Editor',
      changedAt: unitRow.changedAt,
    });
  });
});
