import fs from 'node:fs';
import path from 'node:path';
import { importSeeds } from '../src/seed/import';
import { curationApi } from './curation-fixture';

/*
 * Seeds and curated facts together: a re-import of the seed files after curation leaves every
 * curated fact as curation left it — corrected, created, ended or withdrawn — and imports the
 * rest as before. When the seed files state the same fact differently, the curated one wins.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Json = any;

const p = 'curs';
const c = curationApi(p);

const CITY = `${p}-testhausen`;
const UNIT = `${p}-stabsstelle`;
const NEW_UNIT = `${p}-beirat`;
const ADDRESSES = `${UNIT}~ADDRESSES~${p}-housing`;
const POST = `${p}-erika-muster~HOLDS_POST~${UNIT}`;
const DECIDED =
  'Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.';

async function reimport(): Promise<string[]> {
  const lines: string[] = [];
  const { seedDir, documentsDir } = c().fixture;
  await importSeeds(c().api.db, { seedDir, documentsDir, dataset: p, log: (l) => lines.push(l) });
  return lines;
}

async function read(): Promise<Json> {
  const result = await c().as(
    null,
    `{ unit: node(id: "${UNIT}") { version ... on OrgUnit { name description themes { node { key } } posts { relationId version until { edtf } } } }
       rat: node(id: "${p}-rat") { version ... on OrgUnit { name germanKind } }
       beirat: nodes(ids: ["${NEW_UNIT}"]) { key version ... on OrgUnit { city { node { key } } } }
       withdrawn: history(id: "${ADDRESSES}") { exists changes { action } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function datasets(): Promise<Record<string, string>> {
  const result = await c().api.db.executeRead((tx) =>
    tx.run(
      `MATCH (n:Entity) WHERE n.id IN $keys RETURN n.id AS key, n.dataset AS dataset ORDER BY key`,
      { keys: [UNIT, NEW_UNIT, `${p}-rat`] },
    ),
  );
  return Object.fromEntries(result.records.map((r) => [r.get('key'), r.get('dataset')]));
}

describe('a seed re-import after curation', () => {
  beforeAll(async () => {
    const editor = (query: string, variables: Record<string, unknown>) =>
      c()
        .as('EDITOR', query, variables)
        .then((r) => {
          expect(r.errors).toBeUndefined();
          return r;
        });
    const doc = `${p}-doc`;
    // A correction of a seed unit, a new unit, an ended seed post, a withdrawn seed relationship.
    await editor(
      `mutation($c: CitationInput!) { updateOrgUnit(id: "${UNIT}", version: 1, set: { description: "Kümmert sich um Wohnen, Pflege und Beteiligung." }, citation: $c) { outcome } }`,
      {
        c: {
          document: doc,
          quote: 'Die Stabsstelle kümmert sich um Wohnen, Pflege und Beteiligung.',
        },
      },
    );
    await editor(
      `mutation($c: CitationInput!) { createOrgUnit(input: { key: "${NEW_UNIT}", name: "Seniorenbeirat", kind: "ADVISORY_COUNCIL" }, links: [{ type: BELONGS_TO, other: "${CITY}" }], citation: $c) { outcome } }`,
      {
        c: {
          document: doc,
          quote: DECIDED,
          basis: 'INFERRED',
          reasoning: 'Der Test liest den Beschluss als Auftrag an einen Beirat.',
        },
      },
    );
    await editor(
      `mutation($c: CitationInput!) { retireRelation(id: "${POST}", version: 1, reason: ENDED, ended: "2019-12", citation: $c) { outcome } }`,
      {
        c: {
          document: doc,
          quote: DECIDED,
          basis: 'INFERRED',
          reasoning: 'Der Test setzt ein Ende, das der Text nicht nennt.',
        },
      },
    );
    await editor(
      `mutation { retireRelation(id: "${ADDRESSES}", version: 1, reason: WITHDRAWN, note: "Wohnen ist nicht ihr Thema.") { outcome } }`,
      {},
    );
  });

  it('leaves the curated facts as curation left them, and says so', async () => {
    const before = await read();
    const log = await reimport();
    expect(log).toContain(
      `left 3 curated element(s) alone (curation owns them): ${UNIT}, ${POST}, ${ADDRESSES}`,
    );
    const after = await read();
    expect(after).toEqual(before);
    expect(after).toEqual({
      unit: {
        version: 2,
        name: 'Stabsstelle für Senioren',
        description: 'Kümmert sich um Wohnen, Pflege und Beteiligung.',
        // Withdrawn, and not re-created from the seed file.
        themes: [],
        posts: [{ relationId: POST, version: 2, until: { edtf: '2019-12' } }],
      },
      rat: { version: 1, name: 'Rat der Stadt Testhausen', germanKind: null },
      beirat: [{ key: NEW_UNIT, version: 1, city: { node: { key: CITY } } }],
      withdrawn: { exists: false, changes: [{ action: 'WITHDRAWN' }] },
    });
    expect(await datasets()).toEqual({ [NEW_UNIT]: 'curated', [`${p}-rat`]: p, [UNIT]: 'curated' });
  });

  it('lets a curated fact win over the seed files, and imports their other changes', async () => {
    const facts = path.join(c().fixture.seedDir, 'facts.yaml');
    const text = fs.readFileSync(facts, 'utf8');
    fs.writeFileSync(
      facts,
      text
        .replace(
          'name: Stabsstelle für Senioren\n    kind: STAFF_UNIT',
          'name: Stabsstelle für Senioren\n    kind: STAFF_UNIT\n    description: Eine neue Stabsstelle.',
        )
        .replace(
          'name: Rat der Stadt Testhausen\n    kind: COUNCIL',
          'name: Rat der Stadt Testhausen\n    kind: COUNCIL\n    germanKind: Rat',
        ),
    );
    try {
      await reimport();
      const after = await read();
      // The seed files' description of the curated unit does not win; the uncurated council changes.
      expect(after.unit).toMatchObject({
        version: 2,
        description: 'Kümmert sich um Wohnen, Pflege und Beteiligung.',
      });
      expect(after.rat).toEqual({
        version: 1,
        name: 'Rat der Stadt Testhausen',
        germanKind: 'Rat',
      });
    } finally {
      fs.writeFileSync(facts, text);
    }
  });
});
