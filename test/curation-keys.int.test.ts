import type { TestKey } from './api';
import { curationApi, pressText } from './curation-fixture';

/*
 * Curation writes with keys made and revoked in the test: API keys made as `npm run keys --
 * create` makes them, checked by the server's own authenticator (as in every curation test, whose
 * fixture makes one key per role: test/principals.ts). A contributor's key proposes, an editor's
 * key accepts, the change log names both keys, and a revoked key can no longer write.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Json = any;

const p = 'curk';
// Without the key cache: every request checks its key in the database.
const c = curationApi(p, {
  auth: { apiKeyCacheSeconds: 0, apiKeyCacheEntries: 10, jwt: null },
});

const CITY = `${p}-testhausen`;
const UNIT = `${p}-buero`;

const CREATE_UNIT = `mutation($input: OrgUnitCreateInput!, $citation: CitationInput!, $links: [LinkInput!]) {
  createOrgUnit(input: $input, citation: $citation, links: $links) {
    outcome
    proposal { id status proposer { id role } }
  }
}`;
const ACCEPT = `mutation($id: ID!) {
  acceptProposal(id: $id, reason: "Zitat geprüft.") {
    outcome
    changes { action type key author { id role } reviewer { id role } }
  }
}`;

function write(key: string) {
  return {
    input: { key, name: 'Büro für Digitales', kind: 'OFFICE', established: '2024-03-01' },
    citation: {
      newDocument: {
        key: `${key}-presse`,
        title: 'Testhausen gründet ein Büro für Digitales',
        kind: 'PRESS_RELEASE',
        publisher: 'Stadt Testhausen',
        language: 'de',
        text: pressText('Testhausen'),
      },
      quote: 'Die Stadt Testhausen richtet zum 1. März 2024 ein Büro für Digitales ein.',
    },
    links: [{ type: 'BELONGS_TO', other: CITY }],
  };
}

describe('curation with real API keys', () => {
  let contributor: TestKey;
  let editor: TestKey;
  let admin: TestKey;

  beforeAll(async () => {
    contributor = await c().api.keyFor('CONTRIBUTOR', 'Key Contributor');
    editor = await c().api.keyFor('EDITOR', 'Key Editor');
    admin = await c().api.keyFor('ADMIN', 'Key Admin');
  });

  it("records a contributor key's proposal and an editor key's acceptance under the keys' ids", async () => {
    const proposed = await contributor.query(CREATE_UNIT, write(UNIT));
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.createOrgUnit).toEqual({
      outcome: 'PROPOSED',
      proposal: {
        id: expect.any(String),
        status: 'PENDING',
        proposer: { id: contributor.id, role: 'CONTRIBUTOR' },
      },
    });

    const refused = await contributor.query(ACCEPT, {
      id: proposed.data.createOrgUnit.proposal.id,
    });
    expect(refused.errors?.map((e: Json) => e.extensions.code)).toEqual(['FORBIDDEN']);

    const accepted = await editor.query(ACCEPT, { id: proposed.data.createOrgUnit.proposal.id });
    expect(accepted.errors).toBeUndefined();
    const by = {
      author: { id: contributor.id, role: 'CONTRIBUTOR' },
      reviewer: { id: editor.id, role: 'EDITOR' },
    };
    expect(accepted.data.acceptProposal).toEqual({
      outcome: 'APPLIED',
      changes: [
        { action: 'CREATED', type: 'SourceDocument', key: `${UNIT}-presse`, ...by },
        { action: 'CREATED', type: 'OrgUnit', key: UNIT, ...by },
        { action: 'CREATED', type: 'BELONGS_TO', key: `${UNIT}~BELONGS_TO~${CITY}`, ...by },
      ],
    });
  });

  it('refuses every request of a key an admin has revoked', async () => {
    const revoked = await admin.query(`mutation($id: ID!) { revokeApiKey(id: $id) { revoked } }`, {
      id: contributor.id,
    });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey).toEqual({ revoked: true });

    const after = await contributor.query(CREATE_UNIT, write(`${UNIT}-2`));
    expect(after.data).toBeUndefined();
    expect(after.errors?.map((e: Json) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a bearer that is no key', async () => {
    const result = await c().api.query(CREATE_UNIT, write(`${UNIT}-3`), 'Bearer test-editor');
    expect(result.errors?.map((e: Json) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });
});
