import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from '../src/config';
import { parseExamples } from '../src/common/examples';
import type { Role } from '../src/modules/auth/principal';
import { PROJECT_DOCUMENTS } from '../src/seed/documents';
import { seededApi } from './api';
import { removeCuration } from './curation-fixture';
import { roleKeys, type RoleKeys } from './principals';

/*
 * The write examples of schema/examples.graphql (the README's worked example), run in order on
 * the seeded graph: a contributor proposes a unit with its citation, an editor accepts it,
 * corrects a field and ends the unit; a second proposal is rejected. The history of the unit then
 * holds three changes.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Json = any;

const writes = parseExamples(
  fs.readFileSync(path.join(REPO_ROOT, 'schema', 'examples.graphql'), 'utf8'),
).filter((e) => e.writes);
const example = (name: string) => {
  const found = writes.find((e) => e.name === name);
  if (!found) throw new Error(`no write example "${name}"`);
  return found;
};

// Registered first, so it runs before the seeded API's own teardown closes the database.
afterAll(async () => {
  await removeCuration(api(), 'bochum-stabsstelle-digitale-teilhabe');
  await removeCuration(api(), 'beispiel-bochum-digitale-teilhabe');
});
const seed = loadConfig().seed;
const api = seededApi({
  documents: { dir: seed.documentsDir, projectDir: path.join(seed.seedDir, PROJECT_DOCUMENTS) },
});
// Real API keys, made after the seeded API has started; deleted when it closes.
let keys: RoleKeys;
beforeAll(async () => {
  keys = await roleKeys(api());
});

const UNIT = 'bochum-stabsstelle-digitale-teilhabe';

async function run(
  name: string,
  role: Role,
  override: Record<string, unknown> = {},
): Promise<Json> {
  const { query, variables } = example(name);
  const result = await api().query(
    query,
    { ...(variables ? JSON.parse(variables) : {}), ...override },
    keys.headers(role),
  );
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe('the write examples', () => {
  it('are the five writes of the worked example, each a mutation marked as a write', () => {
    expect(writes.map((e) => e.name)).toEqual([
      'Propose a unit with its citation',
      'Accept a proposal',
      'Correct a field',
      'A unit that ended',
      'Reject a proposal',
    ]);
  });

  it('propose, accept, correct and end a unit, and reject a proposal', async () => {
    const proposed = await run('Propose a unit with its citation', 'CONTRIBUTOR');
    expect(proposed.createOrgUnit).toMatchObject({
      outcome: 'PROPOSED',
      proposal: {
        status: 'PENDING',
        action: 'CREATED',
        key: UNIT,
        proposer: { name: 'Test Contributor' },
      },
    });
    const accepted = await run('Accept a proposal', 'EDITOR', {
      id: proposed.createOrgUnit.proposal.id,
    });
    expect(accepted.acceptProposal).toEqual({
      outcome: 'APPLIED',
      changes: [
        expect.objectContaining({
          type: 'SourceDocument',
          key: 'beispiel-bochum-digitale-teilhabe',
          version: 1,
        }),
        expect.objectContaining({ type: 'OrgUnit', key: UNIT, version: 1 }),
        expect.objectContaining({
          type: 'BELONGS_TO',
          key: `${UNIT}~BELONGS_TO~bochum`,
          version: 1,
        }),
      ],
      node: {
        key: UNIT,
        version: 1,
        name: 'Stabsstelle Digitale Teilhabe',
        established: { edtf: '2025-03-01' },
        city: { node: { name: 'Bochum' } },
      },
    });
    for (const change of accepted.acceptProposal.changes) {
      expect(change).toMatchObject({
        action: 'CREATED',
        author: { name: 'Test Contributor' },
        reviewer: { name: 'Test Editor' },
      });
    }
    const corrected = await run('Correct a field', 'EDITOR');
    expect(corrected.updateOrgUnit).toEqual({
      outcome: 'APPLIED',
      changes: [{ action: 'UPDATED', version: 2, changedFields: ['description', 'sources'] }],
      node: {
        version: 2,
        description: 'Berät ältere Menschen beim Umgang mit digitalen Angeboten.',
      },
    });
    const ended = await run('A unit that ended', 'EDITOR');
    expect(ended.retireEntity).toEqual({
      outcome: 'APPLIED',
      changes: [{ action: 'ENDED', version: 3, changedFields: ['dissolved', 'sources'] }],
      node: {
        version: 3,
        dissolved: { edtf: '2026-12~', earliest: '2026-12-01', latest: '2026-12-31' },
      },
    });
    // A contributor's correction on the old version, proposed and rejected.
    const second = await run('Correct a field', 'CONTRIBUTOR', {
      version: 3,
      set: { germanKind: 'Stabsstelle' },
    });
    expect(second.updateOrgUnit).toEqual({ outcome: 'PROPOSED', changes: [], node: null });
    const queue = await api().query(
      `{ reviewQueue { nodes { id key } } }`,
      undefined,
      keys.headers('EDITOR'),
    );
    const pending = queue.data.reviewQueue.nodes.filter((n: Json) => n.key === UNIT);
    expect(pending).toHaveLength(1);
    const rejected = await run('Reject a proposal', 'EDITOR', { id: pending[0].id });
    expect(rejected.rejectProposal).toEqual({
      id: pending[0].id,
      status: 'REJECTED',
      reason: 'The quote does not name the unit.',
      reviewer: { name: 'Test Editor' },
    });

    const history = await api().query(
      `{ history(id: "${UNIT}") { version changes { action version author { name } reviewer { name } } states { version } } }`,
    );
    expect(history.data.history).toEqual({
      version: 3,
      changes: [
        {
          action: 'CREATED',
          version: 1,
          author: { name: 'Test Contributor' },
          reviewer: { name: 'Test Editor' },
        },
        { action: 'UPDATED', version: 2, author: { name: 'Test Editor' }, reviewer: null },
        { action: 'ENDED', version: 3, author: { name: 'Test Editor' }, reviewer: null },
      ],
      states: [{ version: 1 }, { version: 2 }, { version: 3 }],
    });
  });
});
