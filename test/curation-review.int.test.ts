import { curationApi, pressText } from './curation-fixture';

/*
 * Review: a contributor's writes wait in the queue with their citations; an editor accepts one
 * (applied, with the contributor as author and the editor as reviewer) and rejects another (with
 * a reason, nothing applied). A proposal whose fact changed in the meantime cannot be accepted.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Json = any;

const p = 'curr';
const c = curationApi(p);
// The id of the role's test key, which the change log and the proposals name.
const keyId = (role: 'CONTRIBUTOR' | 'EDITOR' | 'ADMIN') => c().keys.principal(role).id;

const CITY = `${p}-testhausen`;
const DOC = `${p}-presse`;
const UNIT = `${p}-buero`;
const SET_UP = 'Die Stadt Testhausen richtet zum 1. März 2024 ein Büro für Digitales ein.';
const WORKS_WITH = 'Das Büro für Digitales arbeitet mit dem Rat der Stadt Testhausen zusammen.';

const PROPOSE_UNIT = `mutation($input: OrgUnitCreateInput!, $citation: CitationInput!) {
  createOrgUnit(input: $input, citation: $citation, links: [{ type: BELONGS_TO, other: "${CITY}" }]) {
    outcome changes { id } node { key }
    proposal { id status action kind type key baseVersion fields { field value } quotes { documentKey quote document { key } } newDocument { field value } proposer { id name role } reviewer { id } reason }
  }
}`;
const QUEUE = `query($status: ProposalStatus) {
  reviewQueue(status: $status) {
    totalCount
    nodes { id status action key proposer { id } reviewer { id } reason quotes { quote } newDocument { field value } changes { action key } }
  }
}`;
const ACCEPT = `mutation($id: ID!, $reason: String) {
  acceptProposal(id: $id, reason: $reason) {
    outcome
    changes { action type key version author { id } reviewer { id } proposal { id status reason } }
    proposal { id status reviewer { id } reason }
    node { key version ... on OrgUnit { name city { node { key } } } }
  }
}`;

const proposalIds: string[] = [];

async function unitExists(key: string): Promise<boolean> {
  const r = await c().as(null, `{ nodes(ids: ["${key}"]) { key } }`);
  return r.data.nodes[0] !== null;
}

describe('review', () => {
  it('queues a contributor’s new unit with its citation and new document, without its text', async () => {
    const result = await c().as('CONTRIBUTOR', PROPOSE_UNIT, {
      input: { key: UNIT, name: 'Büro für Digitales', kind: 'OFFICE', established: '2024-03-01' },
      citation: {
        newDocument: {
          key: DOC,
          title: 'Testhausen gründet ein Büro für Digitales',
          kind: 'PRESS_RELEASE',
          language: 'de',
          text: pressText('Testhausen'),
        },
        quote: SET_UP,
      },
    });
    expect(result.errors).toBeUndefined();
    const { proposal } = result.data.createOrgUnit;
    proposalIds.push(proposal.id);
    expect(result.data.createOrgUnit).toMatchObject({
      outcome: 'PROPOSED',
      changes: [],
      node: null,
    });
    expect(proposal).toEqual({
      id: expect.stringMatching(/^proposal-\d+$/),
      status: 'PENDING',
      action: 'CREATED',
      kind: 'ENTITY',
      type: 'OrgUnit',
      key: UNIT,
      baseVersion: null,
      fields: [
        { field: 'name', value: '"Büro für Digitales"' },
        { field: 'kind', value: '"OFFICE"' },
        { field: 'established', value: '"2024-03-01"' },
        {
          field: 'links',
          value: JSON.stringify([{ type: 'BELONGS_TO', other: CITY, direction: 'OUT' }]),
        },
      ],
      // The document is not in the graph before the proposal is accepted.
      quotes: [{ documentKey: DOC, quote: SET_UP, document: null }],
      newDocument: [
        { field: 'key', value: JSON.stringify(DOC) },
        { field: 'title', value: '"Testhausen gründet ein Büro für Digitales"' },
        { field: 'kind', value: '"PRESS_RELEASE"' },
        { field: 'language', value: '"de"' },
      ],
      proposer: { id: keyId('CONTRIBUTOR'), name: 'Test Contributor', role: 'CONTRIBUTOR' },
      reviewer: null,
      reason: null,
    });
    expect(JSON.stringify(result.data)).not.toContain('aufgelöst');
    expect(await unitExists(UNIT)).toBe(false);
    expect(await unitExists(DOC)).toBe(false);
  });

  it('queues a second proposal and shows both, oldest first, to any credential', async () => {
    const result = await c().as('CONTRIBUTOR', PROPOSE_UNIT, {
      input: { key: `${p}-rat-digital`, name: 'Digitalrat', kind: 'ADVISORY_COUNCIL' },
      citation: {
        document: `${p}-doc`,
        quote: 'Der Rat der Stadt Testhausen',
        mentions: [{ entity: `${p}-rat-digital`, words: ['Der Rat'] }],
      },
    });
    expect(result.errors).toBeUndefined();
    proposalIds.push(result.data.createOrgUnit.proposal.id);
    for (const role of ['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const) {
      const queue = await c().as(role, QUEUE);
      expect(queue.errors).toBeUndefined();
      expect(queue.data.reviewQueue.totalCount).toBe(2);
      expect(queue.data.reviewQueue.nodes.map((n: Json) => [n.id, n.key, n.status])).toEqual([
        [proposalIds[0], UNIT, 'PENDING'],
        [proposalIds[1], `${p}-rat-digital`, 'PENDING'],
      ]);
    }
  });

  it('applies an accepted proposal with the contributor as author and the editor as reviewer', async () => {
    const result = await c().as('EDITOR', ACCEPT, { id: proposalIds[0], reason: 'Zitat geprüft.' });
    expect(result.errors).toBeUndefined();
    const accepted = { id: proposalIds[0], status: 'ACCEPTED', reason: 'Zitat geprüft.' };
    expect(result.data.acceptProposal).toEqual({
      outcome: 'APPLIED',
      changes: [
        {
          action: 'CREATED',
          type: 'SourceDocument',
          key: DOC,
          version: 1,
          author: { id: keyId('CONTRIBUTOR') },
          reviewer: { id: keyId('EDITOR') },
          proposal: accepted,
        },
        {
          action: 'CREATED',
          type: 'OrgUnit',
          key: UNIT,
          version: 1,
          author: { id: keyId('CONTRIBUTOR') },
          reviewer: { id: keyId('EDITOR') },
          proposal: accepted,
        },
        {
          action: 'CREATED',
          type: 'BELONGS_TO',
          key: `${UNIT}~BELONGS_TO~${CITY}`,
          version: 1,
          author: { id: keyId('CONTRIBUTOR') },
          reviewer: { id: keyId('EDITOR') },
          proposal: accepted,
        },
      ],
      proposal: {
        id: proposalIds[0],
        status: 'ACCEPTED',
        reviewer: { id: keyId('EDITOR') },
        reason: 'Zitat geprüft.',
      },
      node: { key: UNIT, version: 1, name: 'Büro für Digitales', city: { node: { key: CITY } } },
    });
    const queue = await c().as('CONTRIBUTOR', QUEUE, { status: 'ACCEPTED' });
    expect(queue.data.reviewQueue.nodes).toEqual([
      {
        id: proposalIds[0],
        status: 'ACCEPTED',
        action: 'CREATED',
        key: UNIT,
        proposer: { id: keyId('CONTRIBUTOR') },
        reviewer: { id: keyId('EDITOR') },
        reason: 'Zitat geprüft.',
        quotes: [{ quote: SET_UP }],
        newDocument: [
          { field: 'key', value: JSON.stringify(DOC) },
          { field: 'title', value: '"Testhausen gründet ein Büro für Digitales"' },
          { field: 'kind', value: '"PRESS_RELEASE"' },
          { field: 'language', value: '"de"' },
        ],
        changes: [
          { action: 'CREATED', key: DOC },
          { action: 'CREATED', key: UNIT },
          { action: 'CREATED', key: `${UNIT}~BELONGS_TO~${CITY}` },
        ],
      },
    ]);
    // Accepted once: a second decision is refused.
    const again = await c().as('ADMIN', ACCEPT, { id: proposalIds[0] });
    expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toMatch(
      new RegExp(
        `^proposal "${proposalIds[0]}" was accepted at .+ by Test Editor; only pending proposals can be reviewed$`,
      ),
    );
  });

  it('applies nothing of a rejected proposal and keeps the reason for the proposer', async () => {
    const result = await c().as(
      'ADMIN',
      `mutation($id: ID!) { rejectProposal(id: $id, reason: "Das Zitat nennt keinen Digitalrat.") { id status reviewer { id role } reason changes { key } } }`,
      { id: proposalIds[1] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.rejectProposal).toEqual({
      id: proposalIds[1],
      status: 'REJECTED',
      reviewer: { id: keyId('ADMIN'), role: 'ADMIN' },
      reason: 'Das Zitat nennt keinen Digitalrat.',
      changes: [],
    });
    expect(await unitExists(`${p}-rat-digital`)).toBe(false);
    const pending = await c().as('EDITOR', QUEUE);
    expect(pending.data.reviewQueue).toEqual({ totalCount: 0, nodes: [] });
    const rejected = await c().as('CONTRIBUTOR', QUEUE, { status: 'REJECTED' });
    expect(rejected.data.reviewQueue.nodes.map((n: Json) => [n.id, n.reason])).toEqual([
      [proposalIds[1], 'Das Zitat nennt keinen Digitalrat.'],
    ]);
    const noReason = await c().as(
      'EDITOR',
      `mutation { rejectProposal(id: "${proposalIds[1]}", reason: " ") { id } }`,
    );
    expect(noReason.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['acceptProposal', `mutation { acceptProposal(id: "${p}-no-such-proposal") { outcome } }`],
    [
      'rejectProposal',
      `mutation { rejectProposal(id: "${p}-no-such-proposal", reason: "x") { id } }`,
    ],
  ])('answers NOT_FOUND to %s of an unknown proposal', async (_name, mutation) => {
    const result = await c().as('EDITOR', mutation);
    expect(result.errors!.map((e: Json) => [e.extensions.code, e.message])).toEqual([
      ['NOT_FOUND', `no proposal with id "${p}-no-such-proposal"`],
    ]);
  });

  it('refuses to accept a proposal whose fact changed after it was made', async () => {
    const proposed = await c().as(
      'CONTRIBUTOR',
      `mutation($citation: CitationInput!) { updateOrgUnit(id: "${UNIT}", version: 1, set: { germanKind: "Büro" }, citation: $citation) { outcome proposal { id baseVersion } } }`,
      { citation: { document: DOC, quote: WORKS_WITH } },
    );
    expect(proposed.data.updateOrgUnit).toMatchObject({
      outcome: 'PROPOSED',
      proposal: { baseVersion: 1 },
    });
    const edited = await c().as(
      'EDITOR',
      `mutation($citation: CitationInput!) { updateOrgUnit(id: "${UNIT}", version: 1, set: { description: "Arbeitet mit dem Rat zusammen." }, citation: $citation) { outcome changes { version } } }`,
      { citation: { document: DOC, quote: WORKS_WITH } },
    );
    expect(edited.data.updateOrgUnit).toEqual({ outcome: 'APPLIED', changes: [{ version: 2 }] });
    const stale = await c().as('EDITOR', ACCEPT, { id: proposed.data.updateOrgUnit.proposal.id });
    expect(stale.errors![0].extensions).toMatchObject({
      code: 'STALE_VERSION',
      givenVersion: 1,
      currentVersion: 2,
      changes: [
        {
          version: 2,
          author: `Test Editor (${keyId('EDITOR')})`,
          fields: ['description', 'sources'],
        },
      ],
    });
    const queue = await c().as('EDITOR', QUEUE);
    expect(queue.data.reviewQueue.nodes.map((n: Json) => n.id)).toEqual([
      proposed.data.updateOrgUnit.proposal.id,
    ]);
  });

  it('shows the review in the history of the accepted unit', async () => {
    const result = await c().as(
      null,
      `{ history(id: "${UNIT}") { changes { action version author { id } reviewer { id } proposal { id status proposer { id } reviewer { id } } } } }`,
    );
    expect(result.data.history.changes).toEqual([
      {
        action: 'CREATED',
        version: 1,
        author: { id: keyId('CONTRIBUTOR') },
        reviewer: { id: keyId('EDITOR') },
        proposal: {
          id: proposalIds[0],
          status: 'ACCEPTED',
          proposer: { id: keyId('CONTRIBUTOR') },
          reviewer: { id: keyId('EDITOR') },
        },
      },
      {
        action: 'UPDATED',
        version: 2,
        author: { id: keyId('EDITOR') },
        reviewer: null,
        proposal: null,
      },
    ]);
  });
});
