import { toGlobalId } from '../src/common/global-id';
import { seededApi } from './api';
import { citedDocuments, expectDocumentsAsLoaded } from './cited-documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

const api = seededApi();
const BOCHUM = toGlobalId('City', 'bochum');
const BREMERHAVEN = toGlobalId('City', 'bremerhaven');

describe('paths and neighbourhood', () => {
  it('explains how Bochum and Bremerhaven are connected, step by step, with quotes', async () => {
    const result = await api().query(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) {
      length steps { from { key } to { key } relationship direction text sources { quote document { title } } } } }`,
      {
        a: BOCHUM,
        b: BREMERHAVEN,
      },
    );
    expect(result.errors).toBeUndefined();
    const paths = result.data.paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.steps[0].from.key).toBe('bochum');
      expect(path.steps[path.length - 1].to.key).toBe('bremerhaven');
      for (const step of path.steps) {
        expect(step.sources.length).toBeGreaterThan(0);
        expect(step.text.length).toBeGreaterThan(5);
      }
      // consecutive steps share their entity
      path.steps
        .slice(1)
        .forEach((step: any, i: number) => expect(step.from.key).toBe(path.steps[i].to.key));
    }
    expect(paths.every((p: any) => p.length === paths[0].length)).toBe(true);
  });

  it('reads the cited documents with the paths, in one statement, as the loader reads them', async () => {
    const fields = 'key title publisher url language published { edtf }';
    const before = api().db.transactions;
    const result = await api().query(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { steps { sources { quote document { ${fields} } } } } }`,
      { a: 'bochum', b: 'bremerhaven' },
    );
    expect(api().db.transactions - before).toBe(1);
    expect(result.errors).toBeUndefined();
    await expectDocumentsAsLoaded(api(), citedDocuments(result.data), fields);
  });

  it('reads the documents asked through fragments in the same one statement', async () => {
    const fields = 'key title publisher url';
    const ask = async (query: string) => {
      const before = api().db.transactions;
      const result = await api().query(query, { a: 'bochum', b: 'bremerhaven' });
      expect(api().db.transactions - before).toBe(1);
      expect(result.errors).toBeUndefined();
      return citedDocuments(result.data);
    };
    const direct = await ask(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { steps { sources { document { ${fields} } } } } }`,
    );
    // A named fragment on the citation, spread inside an inline fragment on the step.
    const viaFragments = await ask(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { steps { ... on PathStep { sources { ...D } } } } }
       fragment D on Citation { document { ${fields} } }`,
    );
    expect(viaFragments).toEqual(direct);
    await expectDocumentsAsLoaded(api(), viaFragments, fields);
  });

  it('reads the neighbourhood with its centre and every cited document in one statement', async () => {
    const fields = 'key title publisher url language published { edtf }';
    const query = `query($id: ID!) { neighbourhood(id: $id, depth: 1) {
      nodes { key sources { quote document { ${fields} } } }
      edges { from to sources { quote document { ${fields} } } } } }`;
    for (const id of ['bochum', '05911000', toGlobalId('City', 'bochum')]) {
      const before = api().db.transactions;
      const result = await api().query(query, { id });
      expect(api().db.transactions - before).toBe(1);
      expect(result.errors).toBeUndefined();
      const { nodes, edges } = result.data.neighbourhood;
      expect(nodes[0].key).toBe('bochum');
      expect(edges.length).toBeGreaterThan(0);
      const documents = citedDocuments(result.data);
      // Both the nodes' and the edges' citations name documents.
      expect(citedDocuments(nodes).size).toBeGreaterThan(0);
      expect(citedDocuments(edges).size).toBeGreaterThan(0);
      await expectDocumentsAsLoaded(api(), documents, fields);
    }
    // Quotes alone: the same one statement.
    const before = api().db.transactions;
    const quotes = await api().query(
      `{ neighbourhood(id: "bochum") { edges { sources { quote } } } }`,
    );
    expect(api().db.transactions - before).toBe(1);
    expect(quotes.errors).toBeUndefined();
    expect(quotes.data.neighbourhood.edges[0].sources[0].quote.length).toBeGreaterThan(0);
  });

  it("reads of the paths' nodes what the selection asks, with the values of a whole read", async () => {
    const NODE = `id key basis sources { quote } validity { certainFrom possibleUntil }
      ... on City { name ags cityKind: kind } ... on OrgUnit { name kind decided { edtf } }
      ... on Person { name familyName } ... on Programme { name level } ... on Theme { labelEn }`;
    const ask = (select: string) =>
      api().query(
        `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, first: 5) { steps { text ${select} } } }`,
        { a: 'bochum', b: 'bremerhaven' },
      );
    const narrow = await ask('from { key } to { key }');
    const wide = await ask(`from { ${NODE} } to { ${NODE} }`);
    expect(narrow.errors).toBeUndefined();
    expect(wide.errors).toBeUndefined();
    // The steps' texts are written with the nodes' names, whatever else is asked of them.
    const texts = (answer: any) =>
      answer.data.paths.flatMap((p: any) => p.steps.map((s: any) => s.text));
    expect(texts(narrow)).toEqual(texts(wide));
    expect(texts(narrow).some((t: string) => t.includes('Bochum'))).toBe(true);
    const seen = new Map<string, any>();
    for (const path of wide.data.paths)
      for (const step of path.steps) for (const end of [step.from, step.to]) seen.set(end.id, end);
    const whole = await api().query(`query($ids: [ID!]!) { nodes(ids: $ids) { ${NODE} } }`, {
      ids: [...seen.keys()],
    });
    expect(whole.errors).toBeUndefined();
    expect(whole.data.nodes).toEqual([...seen.values()]);
  });

  it("reads of the steps' relationships what the selection asks, with the values of a whole read", async () => {
    // `details` reads a relationship whole; citations alone read only what they show. Bochum RUNS
    // its family strategy by inference, so INFERRED steps with their reasoning are among these.
    const SOURCES = 'sources { quote basis reasoning document { key title } }';
    const DETAILS = `details { type relationId version role roleTitle description decision vote
      topic note onBehalfOf status date { edtf } since { edtf } until { edtf } period { edtf }
      attested { edtf } seat position basis reasoning validity { certainFrom possibleUntil } }`;
    for (const to of ['bochum-familienpolitische-gesamtstrategie', 'bremerhaven']) {
      const ask = async (select: string) => {
        const before = api().db.transactions;
        const result = await api().query(
          `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, first: 5) {
            steps { from { key } to { key } relationship direction text ${select} } } }`,
          { a: 'bochum', b: to },
        );
        expect(api().db.transactions - before).toBe(1);
        expect(result.errors).toBeUndefined();
        return result.data.paths.flatMap((p: any) => p.steps);
      };
      const bare = await ask('');
      const cited = await ask(SOURCES);
      const whole = await ask(`${DETAILS} ${SOURCES}`);
      expect(whole.length).toBeGreaterThan(0);
      const without = (steps: any[], ...fields: string[]) =>
        steps.map((step) =>
          Object.fromEntries(Object.entries(step).filter(([k]) => !fields.includes(k))),
        );
      expect(bare).toEqual(without(whole, 'details', 'sources'));
      expect(cited).toEqual(without(whole, 'details'));
      if (to === 'bremerhaven') continue;
      expect(whole.map((s: any) => s.details.basis)).toContain('INFERRED');
      expect(cited.flatMap((s: any) => s.sources.map((c: any) => c.basis))).toContain('INFERRED');
    }
  });

  it('reads of the neighbourhood what the selection asks, with the values of a whole read', async () => {
    const NODE = `id key basis reasoning sources { quote basis document { key title } }
      validity { certainFrom possibleUntil } ... on City { name ags cityKind: kind }
      ... on OrgUnit { name kind decided { edtf } } ... on Person { name familyName }
      ... on Programme { name level } ... on Theme { labelEn } ... on SourceDocument { title }`;
    const EDGE_SOURCES = 'sources { quote basis reasoning document { key title publisher } }';
    const DETAILS = `details { type relationId version role roleTitle since { edtf } until { edtf }
      period { edtf } seat basis reasoning validity { certainFrom possibleUntil } }`;
    const ask = async (select: string) => {
      const before = api().db.transactions;
      const result = await api().query(
        `{ neighbourhood(id: "bochum", depth: 1) { truncated ${select} } }`,
      );
      expect(api().db.transactions - before).toBe(1);
      expect(result.errors).toBeUndefined();
      return result.data.neighbourhood;
    };
    const bare = await ask('nodes { key } edges { from to relationship phrase }');
    const wide = await ask(
      `nodes { ${NODE} } edges { from to relationship phrase ${DETAILS} ${EDGE_SOURCES} }`,
    );
    const cited = await ask(`edges { from to relationship phrase ${EDGE_SOURCES} }`);
    expect(bare.nodes).toEqual(wide.nodes.map((n: any) => ({ key: n.key })));
    const strip = (edges: any[], ...fields: string[]) =>
      edges.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));
    expect(bare.edges).toEqual(strip(wide.edges, 'details', 'sources'));
    expect(cited.edges).toEqual(strip(wide.edges, 'details'));
    expect(wide.edges.flatMap((e: any) => e.sources.map((c: any) => c.basis))).toContain(
      'INFERRED',
    );
    const whole = await api().query(`query($ids: [ID!]!) { nodes(ids: $ids) { ${NODE} } }`, {
      ids: wide.nodes.map((n: any) => n.id),
    });
    expect(whole.errors).toBeUndefined();
    expect(whole.data.nodes).toEqual(wide.nodes);
    await expectDocumentsAsLoaded(api(), citedDocuments(cited.edges), 'key title publisher');
  });

  it('returns an empty list for entities that are not connected', async () => {
    const result = await api().query(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { length } }`,
      {
        a: toGlobalId('SourceDocument', 'sources-catalogue'),
        b: BOCHUM,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.paths).toEqual([]);
  });

  it('refuses maxHops above 6 and unknown ids with typed errors', async () => {
    const tooFar = await api().query(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 7) { length } }`,
      {
        a: BOCHUM,
        b: BREMERHAVEN,
      },
    );
    expect(tooFar.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'maxHops',
    });
    const unknown = await api().query(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { length } }`,
      {
        a: toGlobalId('City', 'atlantis'),
        b: BREMERHAVEN,
      },
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('gives the neighbourhood of a unit as nodes and cited edges', async () => {
    const result = await api().query(
      `query($id: ID!) { neighbourhood(id: $id, depth: 1) {
      truncated nodes { key } edges { from to relationship phrase sources { quote } } } }`,
      {
        id: toGlobalId('OrgUnit', 'bochum-stabsstelle-leben-im-alter'),
      },
    );
    expect(result.errors).toBeUndefined();
    const { nodes, edges, truncated } = result.data.neighbourhood;
    expect(truncated).toBe(false);
    expect(nodes[0].key).toBe('bochum-stabsstelle-leben-im-alter');
    expect(nodes.map((n: any) => n.key)).toEqual(
      expect.arrayContaining(['bochum', 'janina-kandt', 'ageing', 'bochum-amt-fuer-soziales']),
    );
    expect(edges.every((e: any) => e.sources.length > 0)).toBe(true);
    const ids = new Set(nodes.map((n: any) => n.key));
    expect(ids.size).toBe(nodes.length);
    expect(edges.find((e: any) => e.relationship === 'HOLDS_POST').phrase).toBe('holds a post in');
  });
});
