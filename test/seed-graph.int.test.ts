import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { importSeeds, SEED_DATASET } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { dumpDataset, testDatabase } from './db';
import { PROJECT_DOCUMENTS } from '../src/seed/documents';
import { basisCounts } from '../src/seed/support';
import { validateSeedDir } from '../src/seed/validate';

/**
 * The project's own seeds, imported into the test database and read back with Cypher: the facts
 * researchers will ask about must be in the graph, each with its quote.
 */
let db: Database;
const { seed } = loadConfig();

async function rows(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  return db.executeRead(async (tx) =>
    (await tx.run(cypher, params)).records.map((r) => r.toObject()),
  );
}

beforeAll(async () => {
  db = testDatabase();
  await importSeeds(db, { ...seed, dataset: SEED_DATASET });
});
afterAll(async () => {
  await deleteDataset(db, SEED_DATASET);
  await db.close();
});

describe('the seed graph', () => {
  it('imports twice with identical counts and identical content', async () => {
    const before = await dumpDataset(db, SEED_DATASET);
    const again = await importSeeds(db, { ...seed, dataset: SEED_DATASET });
    expect(again.deletedNodes + again.deletedRelationships).toBe(0);
    expect(await dumpDataset(db, SEED_DATASET)).toBe(before);
  });

  it('cites a source document and a verbatim quote on every node and relationship', async () => {
    const texts = new Map<string, string>();
    for (const doc of await rows(
      `MATCH (d:SourceDocument {dataset: $ds}) RETURN d.id AS id, d.file AS file, d.kind AS kind`,
      {
        ds: SEED_DATASET,
      },
    )) {
      // The project's own vocabulary is in the repository; the press texts are not.
      const dir =
        doc.kind === 'VOCABULARY' ? path.join(seed.seedDir, PROJECT_DOCUMENTS) : seed.documentsDir;
      const text = fs.readFileSync(path.join(dir, String(doc.file)), 'utf8');
      texts.set(String(doc.id), text.replace(/\s+/g, ' '));
    }
    const cited = await rows(
      `MATCH (n:Entity {dataset: $ds}) RETURN n.id AS id, n.sourceIds AS sources, n.quotes AS quotes
       UNION ALL
       MATCH ()-[r]->() WHERE r.dataset = $ds RETURN r.id AS id, r.sourceIds AS sources, r.quotes AS quotes`,
      { ds: SEED_DATASET },
    );
    expect(cited.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const { id, sources, quotes } of cited as {
      id: string;
      sources: string[];
      quotes: string[];
    }[]) {
      if (!sources?.length || sources.length !== quotes?.length) missing.push(`${id}: no citation`);
      sources?.forEach((source, i) => {
        const text = texts.get(source);
        if (!text?.includes(quotes[i]!)) missing.push(`${id}: "${quotes[i]}" not in ${source}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('stores the basis of every node and relationship, with reasoning exactly on the inferred ones', async () => {
    const stored = await rows(
      `CALL () {
         MATCH (n:Entity {dataset: $ds}) RETURN n.basis AS basis, n.reasoning AS reasoning
         UNION ALL
         MATCH ()-[r]->() WHERE r.dataset = $ds RETURN r.basis AS basis, r.reasoning AS reasoning
       }
       RETURN basis, reasoning IS NOT NULL AS reasoned, count(*) AS n ORDER BY basis, reasoned`,
      { ds: SEED_DATASET },
    );
    const { graph } = validateSeedDir(seed.seedDir, seed.documentsDir);
    const counts = basisCounts(graph.nodes, graph.relations);
    expect(stored.map((row) => ({ ...row, n: Number(row.n) }))).toEqual([
      { basis: 'EDITORIAL', reasoned: false, n: counts.EDITORIAL },
      { basis: 'INFERRED', reasoned: true, n: counts.INFERRED },
      { basis: 'STATED', reasoned: false, n: counts.STATED },
    ]);
    // The taxonomy is the editorial part: every theme and every BROADER link, nothing else.
    const editorial = await rows(
      `CALL () {
         MATCH (n:Entity {dataset: $ds, basis: 'EDITORIAL'}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
         UNION ALL
         MATCH ()-[r {basis: 'EDITORIAL'}]->() WHERE r.dataset = $ds RETURN type(r) AS kind
       }
       RETURN DISTINCT kind ORDER BY kind`,
      { ds: SEED_DATASET },
    );
    expect(editorial.map((row) => row.kind)).toEqual(['BROADER', 'SourceDocument', 'Theme']);
  });

  it("knows who heads Bochum's ageing unit and since when", async () => {
    const result = await rows(
      `MATCH (p:Person)-[h:HOLDS_POST {role: 'HEAD'}]->(u:OrgUnit)-[:BELONGS_TO]->(:City {ags: '05911000'}),
             (u)-[:ADDRESSES]->(:Theme {id: 'ageing'})
       RETURN p.name AS person, u.name AS unit, h.since AS since, toString(h.sinceEarliest) AS day,
              h.roleTitle AS title, h.quotes AS quotes`,
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      person: 'Janina Kandt',
      since: '2020-11-01',
      day: '2020-11-01',
    });
    expect((result[0]!.quotes as string[]).join(' ')).toContain('1. November');
  });

  it('knows which districts "Zusammen im Quartier" targets in Bochum', async () => {
    const result = await rows(
      `MATCH (state:Programme {level: 'STATE'})<-[:PART_OF*0..1]-(p:Programme)-[t:TARGETS]->(d:District)
       WHERE state.name CONTAINS 'Zusammen im Quartier'
       MATCH (d)-[:LOCATED_IN]->(:City {name: 'Bochum'})
       RETURN DISTINCT d.name AS district ORDER BY district`,
    );
    expect(result.map((r) => r.district)).toEqual([
      'Hamme',
      'Kruppwerke',
      'Querenburg',
      'Wattenscheid-Mitte',
    ]);
  });

  it('answers the mission question: cities with ageing units that take part in a BMFSFJ-funded programme', async () => {
    const result = await rows(
      `MATCH (c:City)<-[:BELONGS_TO]-(u:OrgUnit)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(:Theme {id: 'ageing'})
       MATCH (c)-[part:PARTICIPATES_IN]->(prog:Programme)<-[:FUNDS]-(f:Organisation {shortName: 'BMFSFJ'})
       RETURN DISTINCT c.name AS city, prog.shortName AS programme, part.fundingAmount AS amount,
              part.fundingUpTo AS upTo, part.fundingPer AS per, collect(DISTINCT u.name) AS units`,
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      city: 'Bremerhaven',
      programme: 'ZWK',
      amount: 40000,
      upTo: true,
      per: 'P1Y',
    });
    expect(result[0]!.units).toEqual(expect.arrayContaining([expect.stringContaining('Senior')]));
  });

  it('places Castrop-Rauxel in Kreis Recklinghausen in Nordrhein-Westfalen', async () => {
    const result = await rows(
      `MATCH path = (:City {ags: '05562004'})-[:LOCATED_IN*]->(s:State)
       RETURN [n IN nodes(path) | n.name] AS chain`,
    );
    expect(result.map((r) => r.chain)).toEqual([
      ['Castrop-Rauxel', 'Kreis Recklinghausen', 'Nordrhein-Westfalen'],
    ]);
  });

  it("records who decided to create Castrop-Rauxel's staff unit, and when", async () => {
    const result = await rows(
      `MATCH (p:Person)-[d:DECIDED]->(u:OrgUnit {kind: 'STAFF_UNIT'})-[:BELONGS_TO]->(:City {name: 'Castrop-Rauxel'})
       RETURN p.name AS who, d.date AS date, toString(d.dateEarliest) AS from, toString(d.dateLatest) AS to`,
    );
    expect(result).toEqual([
      { who: 'Rajko Kravanja', date: '2019-05', from: '2019-05-01', to: '2019-05-31' },
    ]);
  });

  it('dates the Bochum council decision to spring 2020 with day bounds', async () => {
    const result = await rows(
      `MATCH (:OrgUnit {kind: 'COUNCIL'})-[d:DECIDED]->(u:OrgUnit)-[:BELONGS_TO]->(:City {name: 'Bochum'})
       RETURN d.date AS date, toString(d.dateEarliest) AS from, toString(d.dateLatest) AS to`,
    );
    expect(result).toEqual([{ date: '2020-21', from: '2020-03-01', to: '2020-05-31' }]);
  });

  it('stores validity bounds where dates bound a fact, and none on timeless facts', async () => {
    const [counts] = await rows(
      `RETURN COUNT { MATCH (n:City {dataset: $dataset}) WHERE n.validPossibleFrom IS NOT NULL OR n.validCertainFrom IS NOT NULL } AS boundedCities,
              COUNT { MATCH (n:OrgUnit {dataset: $dataset}) WHERE n.validCertainFrom = date('9999-12-31') } AS neverCertainUnits,
              COUNT { MATCH ()-[r:ADDRESSES {dataset: $dataset}]->() WHERE r.validCertainFrom IS NOT NULL } AS boundedThemeLinks`,
      { dataset: SEED_DATASET },
    );
    // Undated units (e.g. Bremerhaven's Stabsstelle) are never certain; cities and theme links
    // are timeless.
    expect(counts).toMatchObject({ boundedCities: 0, boundedThemeLinks: 0 });
    expect(counts!.neverCertainUnits).toBeGreaterThan(0);
    const [unit] = await rows(
      `MATCH (u:OrgUnit {id: 'bochum-stabsstelle-leben-im-alter'})
       RETURN toString(u.validPossibleFrom) AS possibleFrom, toString(u.validCertainFrom) AS certainFrom,
              u.validCertainTo AS certainTo`,
    );
    // Set up in November 2020; its head took up work on 1 November, so it existed that day.
    expect(unit).toEqual({
      possibleFrom: '2020-11-01',
      certainFrom: '2020-11-01',
      certainTo: null,
    });
  });

  it('finds German words through the full-text index, including words only in quotes', async () => {
    const hits = await rows(
      `CALL db.index.fulltext.queryNodes('entity_text', $q) YIELD node
       RETURN collect(node.id) AS ids`,
      { q: 'Senioren' },
    );
    const ids = hits[0]!.ids as string[];
    expect(ids).toEqual(
      expect.arrayContaining([
        'bremerhaven-stabsstelle-seniorinnen-und-senioren',
        'castrop-rauxel-bip',
      ]),
    );
  });
});
