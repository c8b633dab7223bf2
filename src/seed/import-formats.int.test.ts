import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fixtureBothWays, writeFixture } from '../../test/fixtures';
import { dumpDataset, testDatabase } from '../../test/db';
import type { Database } from '../db/database';
import { importSeeds } from './import';
import { deleteDataset } from './seed.repository';
import { SeedValidationError } from './types';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db.close();
});

/** A dump without what names the file an element came from (and so differs by format). */
function withoutFile(dump: string): unknown {
  return JSON.parse(dump, (key, value: unknown) =>
    key === 'seedFile' || key === 'importHash' ? undefined : value,
  );
}

describe('seed formats', () => {
  it('YAML and NDJSON files of the same entries import to the same graph', async () => {
    const prefix = `f${randomUUID().slice(0, 8)}`;
    const dataset = `test-${prefix}`;
    const { yaml, ndjson } = fixtureBothWays(prefix);
    try {
      const fromYaml = await importSeeds(db, { ...yaml, dataset });
      const yamlDump = await dumpDataset(db, dataset);
      await deleteDataset(db, dataset);
      const fromNdjson = await importSeeds(db, { ...ndjson, dataset });
      const ndjsonDump = await dumpDataset(db, dataset);
      expect(fromNdjson.counts).toEqual(fromYaml.counts);
      expect(fromYaml.counts).toEqual({
        nodes: { City: 1, OrgUnit: 2, Person: 1, SourceDocument: 1, Theme: 1 },
        relationships: { ADDRESSES: 1, BELONGS_TO: 2, DECIDED: 1, HOLDS_POST: 1 },
      });
      expect(withoutFile(ndjsonDump)).toEqual(withoutFile(yamlDump));
      const files = (JSON.parse(ndjsonDump) as { nodes: { props: { seedFile: string } }[] }).nodes
        .map((n) => path.basename(n.props.seedFile))
        .sort();
      expect(files).toEqual([
        'facts.ndjson',
        'facts.ndjson',
        'facts.ndjson',
        'facts.ndjson',
        'facts.ndjson',
        'sources.ndjson',
      ]);
    } finally {
      await deleteDataset(db, dataset);
      yaml.cleanup();
      ndjson.cleanup();
    }
  });
});

describe('external entities', () => {
  /** A town of this dataset in a Land another dataset holds, named in the seeds as `land`. */
  function seeds(p: string, land: Record<string, unknown>): Record<string, string> {
    const lines = [
      { document: `${p}-doc` },
      {
        entity: {
          type: 'SourceDocument',
          id: `${p}-doc`,
          title: 'Testhausen richtet Stabsstelle ein',
          kind: 'PRESS_RELEASE',
          language: 'de',
          file: `${p}-doc.txt`,
          cite: ['Testhausen richtet Stabsstelle ein'],
        },
      },
      { entity: { type: 'State', id: `${p}-land`, external: true, ...land } },
      {
        entity: {
          type: 'City',
          id: `${p}-town`,
          name: 'Testhausen',
          agsNote: 'A test town: no source states its key.',
          cite: ['Der Rat der Stadt Testhausen'],
        },
      },
      {
        relation: {
          from: `${p}-town`,
          type: 'LOCATED_IN',
          to: `${p}-land`,
          basis: 'INFERRED',
          reasoning: 'the test places it there',
          cite: ['Der Rat der Stadt Testhausen'],
        },
      },
    ];
    return { 'town.ndjson': lines.map((l) => JSON.stringify(l)).join('\n') + '\n' };
  }

  async function withOtherLand(
    body: (ctx: { p: string; dataset: string; landId: string }) => Promise<void>,
  ): Promise<void> {
    const p = `e${randomUUID().slice(0, 8)}`;
    const dataset = `test-${p}`;
    const other = `${dataset}-other`;
    const landId = `${p}-other-land`;
    await db.executeWrite((tx) =>
      tx.run(
        `CREATE (:Entity:State:TerritorialBody {id: $id, name: 'Anderland', ags: '97', dataset: $other})`,
        { id: landId, other },
      ),
    );
    try {
      await body({ p, dataset, landId });
    } finally {
      await deleteDataset(db, dataset);
      await deleteDataset(db, other);
    }
  }

  it('are found by their ags, linked to and not written; a re-import changes nothing', async () => {
    await withOtherLand(async ({ p, dataset, landId }) => {
      const dirs = writeFixture(p, seeds(p, { ags: '97' }));
      try {
        const first = await importSeeds(db, { ...dirs, dataset });
        expect(first.counts).toEqual({
          nodes: { City: 1, SourceDocument: 1 },
          relationships: { LOCATED_IN: 1 },
        });
        const link = await db.executeRead((tx) =>
          tx.run(
            `MATCH (:City {id: $town})-[r:LOCATED_IN]->(s:State)
             RETURN s.id AS land, s.dataset AS owner, r.id AS id`,
            { town: `${p}-town` },
          ),
        );
        expect(link.records.map((r) => r.toObject())).toEqual([
          { land: landId, owner: `${dataset}-other`, id: `${p}-town~LOCATED_IN~${p}-land` },
        ]);
        const again = await importSeeds(db, { ...dirs, dataset });
        expect(again.tally).toEqual({
          nodes: { new: 0, changed: 0, unchanged: 2 },
          relations: { new: 0, changed: 0, unchanged: 1 },
        });
      } finally {
        dirs.cleanup();
      }
    });
  });

  it("that the database lacks, or that are the dataset's own, are problems at their entry", async () => {
    await withOtherLand(async ({ p, dataset }) => {
      const missing = writeFixture(p, seeds(p, { ags: '96' }));
      try {
        const error = await importSeeds(db, { ...missing, dataset }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SeedValidationError);
        expect((error as Error).message).toMatch(
          new RegExp(
            `town\\.ndjson:3 entities\\[1\\] \\(State ${p}-land\\): external State with ags "96" is not in the database; import the dataset that holds it first`,
          ),
        );
        expect(await dumpDataset(db, dataset)).toBe('{"nodes":[],"rels":[]}');
      } finally {
        missing.cleanup();
      }
      // Named by id, the external entity is the dataset's own town: that is no external one.
      const dirs = writeFixture(p, seeds(p, { ags: '97' }));
      try {
        await importSeeds(db, { ...dirs, dataset });
        const before = await dumpDataset(db, dataset);
        const lines = [
          { document: `${p}-doc` },
          {
            entity: {
              type: 'SourceDocument',
              id: `${p}-doc`,
              title: 'Testhausen richtet Stabsstelle ein',
              kind: 'PRESS_RELEASE',
              language: 'de',
              file: `${p}-doc.txt`,
              cite: ['Testhausen richtet Stabsstelle ein'],
            },
          },
          { entity: { type: 'City', id: `${p}-town`, external: true } },
          {
            entity: {
              type: 'City',
              id: `${p}-village`,
              name: 'Rat',
              agsNote: 'A test village: no source states its key.',
              cite: ['Der Rat'],
            },
          },
          {
            relation: {
              from: `${p}-village`,
              type: 'LOCATED_IN',
              to: `${p}-town`,
              basis: 'INFERRED',
              reasoning: 'the test places it there',
              cite: ['Der Rat'],
            },
          },
        ];
        fs.writeFileSync(
          path.join(dirs.seedDir, 'town.ndjson'),
          lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
        );
        const error = await importSeeds(db, { ...dirs, dataset }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SeedValidationError);
        expect((error as Error).message).toContain(
          `town.ndjson:3 entities[1] (City ${p}-town): external City with id "${p}-town" belongs to this dataset ("${dataset}"); an external entity is another dataset's`,
        );
        expect(await dumpDataset(db, dataset)).toBe(before);
      } finally {
        dirs.cleanup();
      }
    });
  });

  it('carry only their type, id and key', async () => {
    const p = `e${randomUUID().slice(0, 8)}`;
    const dirs = writeFixture(p, seeds(p, { ags: '97', name: 'Anderland', cite: ['x'] }));
    try {
      const error = await importSeeds(db, { ...dirs, dataset: `test-${p}` }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SeedValidationError);
      expect((error as Error).message).toContain(
        `an external entity has only type, id, external, ags; its fields and sources belong to the dataset that owns it (got name, cite)`,
      );
    } finally {
      dirs.cleanup();
    }
  });
});
