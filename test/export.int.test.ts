import { isDeepStrictEqual } from 'node:util';
import jsonld from 'jsonld';
import {
  NODE_LABELS,
  NODE_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type FieldSpec,
} from '../src/model/model';
import { parseCsvObjects } from '../src/modules/export/csv';
import { LIST_SEPARATOR as MATRIX_LIST } from '../src/modules/compare/compare.csv';
import { LIST_SEPARATOR } from '../src/modules/export/csv-columns';
import { entityFileName, relationFileName } from '../src/modules/export/export-files';
import { deleteDataset } from '../src/seed/seed.repository';
import { seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- exported JSON is dynamic; assertions check it */

const api = seededApi();

const offline = {
  documentLoader: async (url: string) => {
    throw new Error(`the tests load nothing from the network (asked for ${url})`);
  },
  safe: true,
} as unknown as jsonld.Options.Expand;

async function get(path: string) {
  const response = await fetch(`${api().url}${path}`);
  return { response, text: await response.text() };
}

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  return api().db.executeRead(async (tx) =>
    (await tx.run(cypher, params)).records.map((r) => r.toObject() as Record<string, any>),
  );
}

async function one(cypher: string, params: Record<string, unknown> = {}) {
  const [first] = await rows(cypher, params);
  if (!first) throw new Error(`no row from ${cypher}`);
  return first;
}

/** A stored value in the form the CSV writes it, for comparing the database with an export. */
function asCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  return String(value);
}

/** What a CSV row must hold for a stored element: its fields, date bounds, dataset, citations. */
function expectedCells(fields: Record<string, FieldSpec>, props: Record<string, unknown>) {
  const out: Record<string, string> = { dataset: asCell(props.dataset) };
  for (const [name, spec] of Object.entries(fields)) {
    out[name] = asCell(props[name]);
    if (spec.type === 'edtf') {
      out[`${name}Earliest`] = asCell(props[`${name}Earliest`]);
      out[`${name}Latest`] = asCell(props[`${name}Latest`]);
    }
  }
  const ids = (props.sourceIds as string[]) ?? [];
  const quotes = (props.quotes as string[]) ?? [];
  ids.forEach((id, i) => {
    out[`sourceId${i + 1}`] = id;
    out[`quote${i + 1}`] = quotes[i] ?? '';
  });
  return out;
}

describe('CSV export', () => {
  it('quotes names with commas, double quotes, line breaks and umlauts so they read back exactly', async () => {
    const dataset = 'test-export-quoting';
    const city = {
      name: 'Köln, "Domstadt"\nam Rhein',
      kind: 'Stadt; mit "Zusatz", und\r\nZeilenumbruch',
      altNames: ['Cöln, alt', 'Kölle "op Platt"'],
      quote: 'Köln, so heißt es, sei „schön“ – "sehr"\nschön.',
    };
    const post = { roleTitle: 'Leiterin, "kommissarisch"\r\nseit Jänner', since: '2020-01' };
    await api().db.executeWrite((tx) =>
      tx.run(
        `CREATE (c:Entity:City:TerritorialBody {id: 'quoting-köln', name: $city.name, ags: '99100001',
                  kind: $city.kind, altNames: $city.altNames, dataset: $dataset,
                  sourceIds: ['quoting-doc', 'quoting-doc'], quotes: [$city.quote, 'zweites, "Zitat"']})
         CREATE (p:Entity:Person {id: 'quoting-müller', name: 'Müller-Lüdenscheidt, Dr. "Hans"',
                  dataset: $dataset, sourceIds: ['quoting-doc'], quotes: ['ß']})
         CREATE (p)-[:HOLDS_POST {id: 'quoting-post', roleTitle: $post.roleTitle, role: 'HEAD',
                  since: $post.since, sinceEarliest: date('2020-01-01'), sinceLatest: date('2020-01-31'),
                  dataset: $dataset, sourceIds: ['quoting-doc'], quotes: [$city.quote]}]->(c)`,
        { city, post, dataset },
      ),
    );
    try {
      const cities = parseCsvObjects((await get('/export/cities.csv')).text);
      expect(cities.find((r) => r.id === 'quoting-köln')).toMatchObject({
        name: city.name,
        ags: '99100001',
        kind: city.kind,
        altNames: 'Cöln, alt | Kölle "op Platt"',
        dataset,
        sourceId1: 'quoting-doc',
        quote1: city.quote,
        sourceId2: 'quoting-doc',
        quote2: 'zweites, "Zitat"',
      });
      const people = parseCsvObjects((await get('/export/people.csv')).text);
      expect(people.find((r) => r.id === 'quoting-müller')?.name).toBe(
        'Müller-Lüdenscheidt, Dr. "Hans"',
      );
      const posts = parseCsvObjects((await get('/export/holds-post.csv')).text);
      expect(posts.find((r) => r.id === 'quoting-post')).toMatchObject({
        from: 'quoting-müller',
        fromLabel: 'Person',
        to: 'quoting-köln',
        toLabel: 'City',
        roleTitle: post.roleTitle,
        role: 'HEAD',
        since: '2020-01',
        sinceEarliest: '2020-01-01',
        sinceLatest: '2020-01-31',
        quote1: city.quote,
      });
    } finally {
      await deleteDataset(api().db, dataset);
    }
  });

  it('exports every entity and relationship of the seed graph with all its stored facts', async () => {
    const index = (await (await fetch(`${api().url}/export/`)).json()) as {
      files: { name: string; url: string; kind: string; label?: string; type?: string }[];
    };
    const csvFiles = index.files.filter((f) => f.name.endsWith('.csv'));
    expect(csvFiles.length).toBe(NODE_LABELS.length + RELATION_TYPE_NAMES.length);

    const nodes = await rows(
      `MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`,
    );
    for (const label of NODE_LABELS) {
      const { response, text } = await get(`/export/${entityFileName(label)}`);
      expect(response.status).toBe(200);
      const exported = parseCsvObjects(text);
      const stored = nodes.filter((n) => n.labels.includes(label));
      // Counted independently of the export's own queries.
      const { count } = await one(`MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS count`, {
        label,
      });
      expect([label, exported.length]).toEqual([label, count]);
      expect(exported.length).toBe(stored.length);
      const byId = new Map(exported.map((r) => [r.id, r]));
      for (const n of stored) {
        const row = byId.get(n.id);
        expect(row).toBeDefined();
        expect(row).toMatchObject(
          expectedCells(NODE_TYPES[label].fields as Record<string, FieldSpec>, n.props),
        );
      }
    }

    const rels = await rows(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, r.id AS id, a.id AS from, b.id AS to, properties(r) AS props`,
    );
    for (const type of RELATION_TYPE_NAMES) {
      const exported = parseCsvObjects((await get(`/export/${relationFileName(type)}`)).text);
      const stored = rels.filter((r) => r.type === type);
      const { count } = await one(
        `MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r) AS count`,
        {
          type,
        },
      );
      expect([type, exported.length]).toEqual([type, count]);
      const byId = new Map(exported.map((r) => [r.id, r]));
      for (const r of stored) {
        expect(byId.get(r.id)).toMatchObject({
          from: r.from,
          to: r.to,
          ...expectedCells(RELATION_TYPES[type].fields as Record<string, FieldSpec>, r.props),
        });
      }
    }
    expect(nodes.length + rels.length).toBe(348);
  });

  it("holds Bremerhaven's ZWK participation with up to 40,000 EUR a year and its quotes", async () => {
    const exported = parseCsvObjects((await get('/export/participates-in.csv')).text);
    expect(exported.find((r) => r.from === 'bremerhaven')).toMatchObject({
      fromLabel: 'City',
      to: 'zukunftswerkstatt-kommunen',
      toLabel: 'Programme',
      role: 'MODEL_MUNICIPALITY',
      roleTitle: 'Modellkommune, Pionierstadt',
      period: '2021/2024-12~',
      periodEarliest: '2021-01-01',
      periodLatest: '2024-12-31',
      fundingAmount: '40000',
      fundingCurrency: 'EUR',
      fundingPer: 'P1Y',
      fundingUpTo: 'true',
      sourceId1: 'bremerhaven-zwk-modellkommune',
      quote1: 'Bremerhaven ist Modellkommune',
    });
  });

  it('serves CSV as an attachment in UTF-8, with an index of every file', async () => {
    const { response, text } = await get('/export/cities.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cities.csv"');
    expect(text.split('\r\n')[0]).toBe(
      'id,name,ags,agsNote,kind,altNames,dataset,changedAt,changedBy,basis,reasoning,sourceId1,quote1,sourceId2,quote2',
    );
    const index = await fetch(`${api().url}/export/`);
    expect(index.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await index.json()) as any;
    expect(body.files).toContainEqual(
      expect.objectContaining({ name: 'participates-in.csv', url: '/export/participates-in.csv' }),
    );
    expect(body.city.urlTemplate).toBe('/export/city/{ags}.jsonld');
    const missing = await fetch(`${api().url}/export/nothing.csv`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('NOT_FOUND');
  });
});

describe('comparison CSV export', () => {
  it('serves the compareCities matrix of the seed cities, one row per theme and city, with quotes', async () => {
    const { response, text } = await get(
      '/export/compare.csv?cities=bochum,bremerhaven,castrop-rauxel&themes=ageing,diversity',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="compare-bochum-bremerhaven-castrop-rauxel.csv"',
    );
    const table = parseCsvObjects(text);
    expect(table.map((r) => `${r.theme_key}/${r.city_key}`)).toEqual([
      'ageing/bochum',
      'ageing/bremerhaven',
      'ageing/castrop-rauxel',
      'diversity/bochum',
      'diversity/bremerhaven',
      'diversity/castrop-rauxel',
    ]);
    // Every addressed cell carries its evidence, quotes parallel to their documents.
    for (const row of table.filter((r) => r.addressed === 'true')) {
      const quotes = row.quotes!.split(MATRIX_LIST);
      expect(quotes.length).toBeGreaterThan(0);
      expect(row.source_ids!.split(MATRIX_LIST)).toHaveLength(quotes.length);
    }
    const ageingBochum = table.find((r) => r.theme_key === 'ageing' && r.city_key === 'bochum')!;
    expect(ageingBochum.unit_keys!.split(MATRIX_LIST)).toContain(
      'bochum-stabsstelle-leben-im-alter',
    );
  });

  it('reads the matrix as of a day, and refuses bad requests with typed JSON errors', async () => {
    const early = parseCsvObjects(
      (await get('/export/compare.csv?cities=bochum,bremerhaven&themes=ageing&asOf=1900-01-01'))
        .text,
    );
    expect(early.every((r) => r.addressed === 'false')).toBe(true);
    for (const [query, status, code] of [
      ['cities=bochum', 400, 'BAD_USER_INPUT'],
      ['cities=bochum,atlantis', 404, 'NOT_FOUND'],
      ['cities=bochum,bremerhaven&asOf=2020-02-30', 400, 'BAD_USER_INPUT'],
      ['cities=bochum,bremerhaven&asOfMode=MAYBE', 400, 'BAD_USER_INPUT'],
      ['', 400, 'BAD_USER_INPUT'],
    ] as const) {
      const response = await fetch(`${api().url}/export/compare.csv?${query}`);
      expect([query, response.status]).toEqual([query, status]);
      expect(((await response.json()) as any).error.code).toBe(code);
    }
  });
});

describe('JSON-LD export', () => {
  it('serves the whole graph, which expands and compacts back unchanged with every entity and relationship', async () => {
    const { response, text } = await get('/export/graph.jsonld');
    expect(response.headers.get('content-type')).toBe('application/ld+json');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="graph.jsonld"');
    const doc = JSON.parse(text) as { '@context': any; '@graph': any[] };
    const expanded = await jsonld.expand(doc, offline);
    const compacted = await jsonld.compact(
      expanded,
      doc['@context'],
      offline as jsonld.Options.Compact,
    );
    expect(isDeepStrictEqual(compacted, doc)).toBe(true);

    const { nodes, rels } = await one(
      `MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels`,
    );
    const graph = doc['@graph'];
    expect(graph.filter((o) => o.key !== undefined).length).toBe(nodes);
    expect(graph.filter((o) => o.type === 'Statement').length).toBe(rels);
  });

  it("serves a city's subgraph by AGS with its units, people, programmes, funders, themes and cited documents", async () => {
    const { response, text } = await get('/export/city/04012000.jsonld');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="city-04012000.jsonld"',
    );
    const doc = JSON.parse(text) as { '@context': any; '@graph': any[] };
    const compacted = await jsonld.compact(
      await jsonld.expand(doc, offline),
      doc['@context'],
      offline as jsonld.Options.Compact,
    );
    expect(isDeepStrictEqual(compacted, doc)).toBe(true);

    const byId = new Map(doc['@graph'].filter((o) => o.key).map((o) => [o.key, o]));
    for (const key of [
      'bremerhaven',
      'bremerhaven-stabsstelle-seniorinnen-und-senioren',
      'uwe-parpart',
      'zukunftswerkstatt-kommunen',
      'bmfsfj',
      'ageing',
      'bremerhaven-zwk-modellkommune',
    ]) {
      expect(byId.has(key)).toBe(true);
    }
    expect(byId.has('bochum')).toBe(false);
    expect(byId.get('bremerhaven').type).toEqual(['City', 'schema:City', 'org:Organization']);
    expect(byId.get('ageing')).toMatchObject({
      type: ['Theme', 'skos:Concept'],
      labelDe: 'Leben im Alter',
    });

    const participation = doc['@graph'].find(
      (o) => o.type === 'Statement' && o.predicate === 'participatesIn',
    );
    expect(participation).toMatchObject({
      subject: 'kgid:bremerhaven',
      object: 'kgid:zukunftswerkstatt-kommunen',
      fundingAmount: 40000,
      fundingCurrency: 'EUR',
      fundingPer: 'P1Y',
      fundingUpTo: true,
    });
    expect(participation.sources[0]).toEqual({
      document: 'kgid:bremerhaven-zwk-modellkommune',
      quote: 'Bremerhaven ist Modellkommune',
    });
    // Every cited document is part of the export.
    const documents = new Set(
      doc['@graph'].filter((o) => o.type?.[0] === 'SourceDocument').map((o) => o.id),
    );
    for (const o of doc['@graph']) {
      for (const s of o.sources ?? []) expect(documents.has(s.document)).toBe(true);
    }

    const quads = (await jsonld.toRDF(doc, {
      ...offline,
      format: 'application/n-quads',
    } as jsonld.Options.ToRdf)) as unknown as string;
    expect(quads).toContain(
      '<urn:kommunalgraph:id:bremerhaven> <urn:kommunalgraph:vocab:participatesIn> <urn:kommunalgraph:id:zukunftswerkstatt-kommunen> .',
    );
    expect(quads).toContain(
      '<urn:kommunalgraph:id:bremerhaven-stabsstelle-seniorinnen-und-senioren> <http://www.w3.org/ns/org#unitOf> <urn:kommunalgraph:id:bremerhaven> .',
    );
  });

  it('answers an unknown city with 404 and a JSON error, and serves the context', async () => {
    const unknown = await fetch(`${api().url}/export/city/99999999.jsonld`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-disposition')).toBeNull();
    expect(((await unknown.json()) as any).error).toMatchObject({ code: 'NOT_FOUND' });

    const context = await fetch(`${api().url}/export/context.jsonld`);
    expect(context.headers.get('content-type')).toBe('application/ld+json');
    expect(((await context.json()) as any)['@context'].org).toBe('http://www.w3.org/ns/org#');
  });
});

describe('export errors', () => {
  /** Every error of the export endpoints: JSON with a code and a message, no HTML, no stack. */
  async function expectJsonError(response: Response, status: number, code: string) {
    const text = await response.text();
    expect([response.url, response.status]).toEqual([response.url, status]);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/<html|<pre|\bat .*\.[jt]s:\d+|node_modules|\/work\//i);
  }

  it('answers unknown files, paths and methods with a JSON 404', async () => {
    const base = `${api().url}/export`;
    await expectJsonError(await fetch(`${base}/nothing.csv`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${base}/city/99999999.jsonld`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${base}/city/a/b.jsonld`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${base}/cities.csv/more`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${base}/cities.csv`, { method: 'POST' }), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${base}/`, { method: 'DELETE' }), 404, 'NOT_FOUND');
  });

  it('answers a malformed path and bad parameters with a JSON 400', async () => {
    const base = `${api().url}/export`;
    await expectJsonError(await fetch(`${base}/%E0%A4%A.csv`), 400, 'BAD_USER_INPUT');
    await expectJsonError(await fetch(`${base}/city/%ZZ.jsonld`), 400, 'BAD_USER_INPUT');
    await expectJsonError(
      await fetch(`${base}/compare.csv?cities=bochum&asOf=2020-13-01`),
      400,
      'BAD_USER_INPUT',
    );
    await expectJsonError(
      await fetch(`${base}/compare.csv?cities=bochum,bremerhaven&themes=atlantis`),
      404,
      'NOT_FOUND',
    );
  });

  it('does not let If-None-Match: * turn a comparison that does not exist into a 304', async () => {
    const base = `${api().url}/export`;
    await expectJsonError(
      await fetch(`${base}/compare.csv?cities=bochum,atlantis`, {
        headers: { 'if-none-match': '*' },
      }),
      404,
      'NOT_FOUND',
    );
    const existing = await fetch(`${base}/compare.csv?cities=bochum,bremerhaven`, {
      headers: { 'if-none-match': '*' },
    });
    expect(existing.status).toBe(304);
  });
});
