import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toGlobalId } from '../src/common/global-id';
import { REPO_ROOT } from '../src/config';
import { importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { seededApi } from './api';
import { testDatabase } from './db';
import { buildDist } from './server-process';
import { TEST_URI } from './test-env';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * Ids researchers can type: every argument that names an entity takes its global id, its key and,
 * for a city, its AGS, by one rule (src/modules/node/node.lookup.ts). The seeds give Bochum
 * (`bochum`, AGS 05911000) and Bremerhaven (`bremerhaven`, 04012000); a fixture adds a theme whose
 * key is the AGS of another city (ambiguous) and a city whose key is its own AGS (not ambiguous).
 */
const IDS_DATASET = 'ids-fixture';
const TEXT = `Zweistadt hat den Schlüssel 99300001.
Das Thema 99300001 ist erfunden.
Die Stadt 99300002 heißt Dreistadt.`;
const FACTS = `
document: ix-doc
entities:
  - { type: City, id: ix-zweistadt, name: Zweistadt, ags: '99300001', cite: ['Zweistadt hat den Schlüssel 99300001.'] }
  - { type: Theme, id: '99300001', labelDe: Erfunden, labelEn: Made up, cite: ['Das Thema 99300001 ist erfunden.'] }
  - { type: City, id: '99300002', name: Dreistadt, ags: '99300002', cite: ['Die Stadt 99300002 heißt Dreistadt.'] }
`;
const SOURCES = `
entities:
  - type: SourceDocument
    id: ix-doc
    title: Erfundene Schlüssel
    kind: WEB_PAGE
    language: de
    file: ix-doc.txt
    cite:
      - { doc: ix-doc, quote: Zweistadt hat den Schlüssel 99300001. }
`;

const api = seededApi();
const fixtureDb = testDatabase();

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-ids-'));
  try {
    fs.mkdirSync(path.join(root, 'seeds'));
    fs.mkdirSync(path.join(root, 'documents'));
    fs.writeFileSync(path.join(root, 'documents', 'ix-doc.txt'), TEXT);
    fs.writeFileSync(path.join(root, 'seeds', 'sources.yaml'), SOURCES);
    fs.writeFileSync(path.join(root, 'seeds', 'facts.yaml'), FACTS);
    await importSeeds(fixtureDb, {
      seedDir: path.join(root, 'seeds'),
      documentsDir: path.join(root, 'documents'),
      dataset: IDS_DATASET,
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await deleteDataset(fixtureDb, IDS_DATASET);
  await fixtureDb.close();
});

const BOCHUM = toGlobalId('City', 'bochum');
const AMBIGUOUS = '99300001';

async function errorOf(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api().query(query, variables);
  expect(result.data?.node ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return {
    code: error.extensions.code,
    argument: error.extensions.argument,
    message: error.message,
  };
}

/** Round trips to the database while running one operation. */
async function roundTrips(query: string, variables?: Record<string, unknown>) {
  const before = api().db.transactions;
  const result = await api().query(query, variables);
  return { result, trips: api().db.transactions - before };
}

const NODE = `query($id: ID!) { node(id: $id) { __typename key } }`;

describe('node(id:)', () => {
  it('takes the global id, the key and a city’s AGS alike', async () => {
    for (const id of [BOCHUM, 'bochum', '05911000']) {
      const result = await api().query(NODE, { id });
      expect([id, result.data?.node]).toEqual([id, { __typename: 'City', key: 'bochum' }]);
    }
    const theme = await api().query(NODE, { id: 'ageing' });
    expect(theme.data.node).toEqual({ __typename: 'Theme', key: 'ageing' });
    // A city whose key is its own AGS names one entity both ways: no ambiguity.
    const dreistadt = await api().query(NODE, { id: '99300002' });
    expect(dreistadt.data.node).toEqual({ __typename: 'City', key: '99300002' });
  });

  it('answers NOT_FOUND for what names nothing', async () => {
    expect(await errorOf(NODE, { id: 'atlantis' })).toEqual({
      code: 'NOT_FOUND',
      argument: undefined,
      message: 'no entity with key "atlantis"',
    });
    expect(await errorOf(NODE, { id: '99999999' })).toEqual({
      code: 'NOT_FOUND',
      argument: undefined,
      message: 'no entity with key or AGS "99999999"',
    });
    expect(await errorOf(NODE, { id: toGlobalId('City', 'atlantis') })).toMatchObject({
      code: 'NOT_FOUND',
    });
    // A global id whose type does not fit its key's entity.
    expect(await errorOf(NODE, { id: toGlobalId('Theme', 'bochum') })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses malformed and ambiguous input with BAD_USER_INPUT naming the argument', async () => {
    for (const id of ['Bochum', 'not an id', '', 'bochum ', '%%']) {
      const error = await errorOf(NODE, { id });
      expect([id, error.code, error.argument]).toEqual([id, 'BAD_USER_INPUT', 'id']);
    }
    expect(await errorOf(NODE, { id: AMBIGUOUS })).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'id',
      message:
        '"99300001" is ambiguous (id): the key of the Theme "Made up" and the AGS of the City "Zweistadt" (key "ix-zweistadt"); give the global id or the key instead',
    });
    // The global id and the key settle it.
    const byId = await api().query(NODE, { id: toGlobalId('Theme', AMBIGUOUS) });
    expect(byId.data.node).toEqual({ __typename: 'Theme', key: AMBIGUOUS });
    const byKey = await api().query(NODE, { id: 'ix-zweistadt' });
    expect(byKey.data.node).toEqual({ __typename: 'City', key: 'ix-zweistadt' });
  });
});

describe('nodes(ids:)', () => {
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename key } }`;

  it('resolves every kind of id in order, null for what names nothing, in one round trip', async () => {
    const { result, trips } = await roundTrips(NODES, {
      ids: [
        'bremerhaven',
        '05911000',
        toGlobalId('Theme', 'ageing'),
        'atlantis',
        toGlobalId('City', 'ageing'),
        '99999999',
        BOCHUM,
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes).toEqual([
      { __typename: 'City', key: 'bremerhaven' },
      { __typename: 'City', key: 'bochum' },
      { __typename: 'Theme', key: 'ageing' },
      null,
      null,
      null,
      { __typename: 'City', key: 'bochum' },
    ]);
    expect(trips).toBe(1);
  });

  it('refuses malformed and ambiguous ids', async () => {
    for (const ids of [
      ['bochum', 'Not an id'],
      ['bochum', AMBIGUOUS],
    ]) {
      const result = await api().query(NODES, { ids });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'ids',
      });
    }
  });
});

describe('the other arguments that name entities', () => {
  const PATHS = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 1) { length } }`;
  const NEIGHBOURHOOD = `query($id: ID!) { neighbourhood(id: $id, depth: 1) { nodes { key } } }`;
  const PROFILE = `query($id: ID!) { stats { cityProfile(id: $id) { city { key } unitCount } } }`;
  const COMPARE = `query($ids: [ID!]!) { compareCities(ids: $ids, themes: ["ageing"]) { cities { key } } }`;
  const TIMELINE = `query($ids: [ID!]) { timeline(cityIds: $ids, first: 500) { text } }`;

  it('paths: both ends by key, AGS or global id, looked up together', async () => {
    const reference = await api().query(PATHS, {
      from: BOCHUM,
      to: toGlobalId('City', 'bremerhaven'),
    });
    expect(reference.errors).toBeUndefined();
    expect(reference.data.paths.length).toBe(1);
    const { result, trips } = await roundTrips(PATHS, { from: '05911000', to: 'bremerhaven' });
    expect(result).toEqual(reference);
    // Both ends' lookup and the path search are one statement.
    expect(trips).toBe(1);
    // One city by its AGS and its key: no path, and no error.
    const same = await roundTrips(PATHS, { from: '05911000', to: 'bochum' });
    expect(same.result).toEqual({ data: { paths: [] } });
    expect(same.trips).toBe(1);
    const unknown = await api().query(PATHS, { from: 'bochum', to: 'atlantis' });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'no entity with key "atlantis" (to)',
      extensions: { code: 'NOT_FOUND' },
    });
    const ambiguous = await api().query(PATHS, { from: AMBIGUOUS, to: 'bochum' });
    expect(ambiguous.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'from',
    });
  });

  it('neighbourhood: the centre by key or AGS', async () => {
    const reference = await api().query(NEIGHBOURHOOD, { id: toGlobalId('City', 'bremerhaven') });
    expect(reference.data.neighbourhood.nodes.length).toBeGreaterThan(1);
    for (const id of ['bremerhaven', '04012000']) {
      expect(await api().query(NEIGHBOURHOOD, { id })).toEqual(reference);
    }
    expect((await api().query(NEIGHBOURHOOD, { id: 'atlantis' })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('cityProfile: a city by key or AGS, in one query; anything else is NOT_FOUND', async () => {
    const reference = await api().query(PROFILE, { id: BOCHUM });
    expect(reference.data.stats.cityProfile.city.key).toBe('bochum');
    const byKey = await roundTrips(PROFILE, { id: 'bochum' });
    expect(byKey.result).toEqual(reference);
    expect(byKey.trips).toBe(1);
    const byAgs = await roundTrips(PROFILE, { id: '05911000' });
    expect(byAgs.result).toEqual(reference);
    expect(byAgs.trips).toBe(1);
    for (const [id, message] of [
      ['ageing', 'no City with key "ageing"'],
      ['99999999', 'no City with key or AGS "99999999"'],
      [toGlobalId('Theme', 'ageing'), `no City with id "${toGlobalId('Theme', 'ageing')}"`],
    ]) {
      const result = await api().query(PROFILE, { id });
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
    }
    const ambiguous = await api().query(PROFILE, { id: AMBIGUOUS });
    expect(ambiguous.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'id',
    });
  });

  it('compareCities: columns by key, AGS or global id, in the order given', async () => {
    const reference = await api().query(COMPARE, {
      ids: [BOCHUM, toGlobalId('City', 'bremerhaven')],
    });
    expect(reference.data.compareCities.cities).toEqual([
      { key: 'bochum' },
      { key: 'bremerhaven' },
    ]);
    const byKeys = await roundTrips(COMPARE, { ids: ['bochum', 'bremerhaven'] });
    expect(byKeys.result).toEqual(reference);
    expect(byKeys.trips).toBe(1);
    const mixed = await roundTrips(COMPARE, {
      ids: ['05911000', toGlobalId('City', 'bremerhaven')],
    });
    expect(mixed.result).toEqual(reference);
    // An AGS is looked up in the comparison's own statement.
    expect(mixed.trips).toBe(1);
    const reversed = await api().query(COMPARE, { ids: ['04012000', 'bochum'] });
    expect(reversed.data.compareCities.cities).toEqual([{ key: 'bremerhaven' }, { key: 'bochum' }]);
    for (const [ids, code, message] of [
      [['bochum', 'atlantis'], 'NOT_FOUND', 'no City with key "atlantis" (ids)'],
      [['bochum', 'ageing'], 'NOT_FOUND', 'no City with key "ageing" (ids); it names a Theme'],
      [['bochum', toGlobalId('Theme', 'ageing')], 'NOT_FOUND', undefined],
      [['bochum', '99999999'], 'NOT_FOUND', 'no City with key or AGS "99999999" (ids)'],
      [
        ['bochum', '05911000'],
        'BAD_USER_INPUT',
        'ids names the city "bochum" twice ("bochum" and "05911000")',
      ],
      [['bochum', AMBIGUOUS], 'BAD_USER_INPUT', undefined],
      [['bochum', 'Bochum'], 'BAD_USER_INPUT', undefined],
    ] as const) {
      const result = await api().query(COMPARE, { ids });
      expect(result.errors?.[0]).toMatchObject({
        extensions: { code },
        ...(message ? { message } : {}),
      });
    }
  });

  it('timeline: cities by key or AGS, the same entries as by global id', async () => {
    const reference = await api().query(TIMELINE, { ids: [toGlobalId('City', 'bremerhaven')] });
    expect(reference.data.timeline.length).toBeGreaterThan(0);
    expect(await api().query(TIMELINE, { ids: ['bremerhaven'] })).toEqual(reference);
    expect(await api().query(TIMELINE, { ids: ['04012000'] })).toEqual(reference);
    const wrong = await api().query(TIMELINE, { ids: ['bremerhaven', 'ageing'] });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'no City with key "ageing" (cityIds); it names a Theme',
      extensions: { code: 'NOT_FOUND' },
    });
    const ambiguous = await api().query(TIMELINE, { ids: [AMBIGUOUS] });
    expect(ambiguous.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'cityIds',
    });
    for (const [ids, message] of [
      [['atlantis'], 'no City with key "atlantis" (cityIds)'],
      [['bremerhaven', '99999999'], 'no City with key or AGS "99999999" (cityIds)'],
      [
        [toGlobalId('Theme', 'ageing')],
        `no City with id "${toGlobalId('Theme', 'ageing')}" (cityIds); it names a Theme`,
      ],
    ] as const) {
      const result = await api().query(TIMELINE, { ids });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
    }
  });
});

describe('city exports', () => {
  it('serve /export/city/{ags, key or global id}.jsonld alike', async () => {
    const get = async (ref: string) => {
      const response = await fetch(`${api().url}/export/city/${ref}.jsonld`);
      return {
        status: response.status,
        name: response.headers.get('content-disposition'),
        text: await response.text(),
      };
    };
    const byAgs = await get('04012000');
    expect(byAgs.status).toBe(200);
    expect(byAgs.name).toBe('attachment; filename="city-04012000.jsonld"');
    for (const ref of ['bremerhaven', toGlobalId('City', 'bremerhaven')]) {
      expect(await get(ref)).toEqual(byAgs);
    }
    const unknown = await get('atlantis');
    expect([unknown.status, JSON.parse(unknown.text).error]).toEqual([
      404,
      { code: 'NOT_FOUND', message: 'no City with key "atlantis" (city)' },
    ]);
    const notACity = await get('ageing');
    expect([notACity.status, JSON.parse(notACity.text).error.code]).toEqual([404, 'NOT_FOUND']);
    for (const ref of [AMBIGUOUS, 'Bremerhaven']) {
      const refused = await get(ref);
      expect([ref, refused.status, JSON.parse(refused.text).error.code]).toEqual([
        ref,
        400,
        'BAD_USER_INPUT',
      ]);
    }
  });

  it('npm run export -- --city takes a key, an AGS or a global id', () => {
    buildDist();
    // The command reads the database from NEO4J_URI: the test instance, never a developer's.
    const testEnv: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: TEST_URI };
    if (process.env.NEO4J_TEST_PASSWORD) testEnv.NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD;
    if (process.env.NEO4J_TEST_USER) testEnv.NEO4J_USER = process.env.NEO4J_TEST_USER;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-ids-export-'));
    try {
      const run = (city: string) =>
        spawnSync(
          process.execPath,
          [
            path.join(REPO_ROOT, 'dist/src/cli/export.js'),
            '--format',
            'jsonld',
            '--out',
            out,
            '--city',
            city,
          ],
          { encoding: 'utf8', env: testEnv, cwd: REPO_ROOT },
        );
      for (const city of ['bremerhaven', '04012000', toGlobalId('City', 'bremerhaven')]) {
        const result = run(city);
        expect([city, result.status, result.stderr]).toEqual([city, 0, '']);
        expect(fs.existsSync(path.join(out, 'city-04012000.jsonld'))).toBe(true);
        fs.rmSync(path.join(out, 'city-04012000.jsonld'));
      }
      const unknown = run('atlantis');
      expect([unknown.status, unknown.stderr.trim()]).toEqual([
        2,
        'no City with key "atlantis" (city)',
      ]);
      const ambiguous = run(AMBIGUOUS);
      expect(ambiguous.status).toBe(2);
      expect(ambiguous.stderr).toMatch(/is ambiguous/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
