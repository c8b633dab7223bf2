import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fixtureSeeds, writeFixture, type FixtureDirs } from '../../test/fixtures';
import { dumpDataset, snapshotCounts, testDatabase } from '../../test/db';
import { ConstraintViolationError, ErrorCode } from '../common/errors';
import type { Database } from '../db/database';
import { importSeeds, isImportCurrent } from './import';
import { deleteDataset } from './seed.repository';
import { SeedValidationError } from './types';

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db.close();
});

/** Each test imports its own fixture under its own dataset and id prefix, and removes both. */
async function withFixture(
  edit: (files: Record<string, string>) => void,
  body: (ctx: {
    dirs: FixtureDirs;
    dataset: string;
    prefix: string;
    files: Record<string, string>;
  }) => Promise<void>,
): Promise<void> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const dataset = `test-${prefix}`;
  const files = fixtureSeeds(prefix);
  edit(files);
  const dirs = writeFixture(prefix, files);
  try {
    await body({ dirs, dataset, prefix, files });
  } finally {
    await deleteDataset(db, dataset);
    dirs.cleanup();
  }
}

describe('seed import', () => {
  it('writes the fixture and is idempotent: a second run gives identical counts and properties', async () => {
    await withFixture(
      () => undefined,
      async ({ dirs, dataset }) => {
        const first = await importSeeds(db, { ...dirs, dataset });
        expect(first.counts).toEqual({
          nodes: { City: 1, OrgUnit: 2, Person: 1, SourceDocument: 1, Theme: 1 },
          relationships: { ADDRESSES: 1, BELONGS_TO: 2, DECIDED: 1, HOLDS_POST: 1 },
        });
        const dumpAfterFirst = await dumpDataset(db, dataset);
        const second = await importSeeds(db, { ...dirs, dataset });
        expect(second.counts).toEqual(first.counts);
        expect(second.deletedNodes + second.deletedRelationships).toBe(0);
        expect(await dumpDataset(db, dataset)).toBe(dumpAfterFirst);
      },
    );
  });

  it('records the digest of the imported seed files, so a later start can skip the import', async () => {
    await withFixture(
      () => undefined,
      async ({ dirs, dataset }) => {
        expect(await isImportCurrent(db, dirs.seedDir, dataset)).toBe(false);
        await importSeeds(db, { ...dirs, dataset });
        expect(await isImportCurrent(db, dirs.seedDir, dataset)).toBe(true);
        fs.appendFileSync(path.join(dirs.seedDir, 'facts.yaml'), '\n# an edit\n');
        expect(await isImportCurrent(db, dirs.seedDir, dataset)).toBe(false);
      },
    );
  });

  it('stores EDTF dates with native date bounds and provenance on nodes and relationships', async () => {
    await withFixture(
      () => undefined,
      async ({ dirs, dataset, prefix }) => {
        await importSeeds(db, { ...dirs, dataset });
        const row = await db.executeRead(async (tx) => {
          const result = await tx.run(
            `MATCH (p:Person {id: $person})-[h:HOLDS_POST]->(u:OrgUnit {id: $unit})
             RETURN toString(u.decidedEarliest) AS de, toString(u.decidedLatest) AS dl,
                    toString(h.sinceEarliest) AS since, h.sourceIds AS sources, h.quotes AS quotes,
                    u.sourceIds AS unitSources`,
            { person: `${prefix}-erika-muster`, unit: `${prefix}-stabsstelle` },
          );
          return result.records[0]!.toObject();
        });
        expect(row).toEqual({
          de: '2019-05-01',
          dl: '2019-05-31',
          since: '2019-06-01',
          sources: [`${prefix}-doc`],
          quotes: ['Leiterin der Stabsstelle ist seit dem 1. Juni 2019 Erika Muster.'],
          unitSources: [`${prefix}-doc`],
        });
      },
    );
  });

  it('removes what the seeds no longer hold on re-import', async () => {
    await withFixture(
      () => undefined,
      async ({ dirs, dataset, prefix, files }) => {
        await importSeeds(db, { ...dirs, dataset });
        const reduced = writeFixture(prefix, {
          ...files,
          'facts.yaml': files['facts.yaml']!.replace(
            / {2}- from: \S+-erika-muster\n {4}type: HOLDS_POST[\s\S]*?mentions: [^\n]*\n/,
            '',
          ).replace(/ {2}- type: Person\n[\s\S]*?cite: \[Erika Muster\]\n/, ''),
        });
        try {
          const result = await importSeeds(db, { ...reduced, dataset });
          expect(result.deletedNodes).toBe(1);
          expect(result.deletedRelationships).toBe(1);
          expect(result.counts.nodes.Person).toBeUndefined();
          expect(result.counts.relationships.HOLDS_POST).toBeUndefined();
        } finally {
          reduced.cleanup();
        }
      },
    );
  });

  it('rejects a broken seed file naming file and entry, and writes nothing', async () => {
    await withFixture(
      (files) => {
        files['facts.yaml'] = files['facts.yaml']!.replace('since: 2019-06-01', 'since: 2019-13');
      },
      async ({ dirs, dataset }) => {
        const before = await snapshotCounts(db);
        const error = await importSeeds(db, { ...dirs, dataset }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SeedValidationError);
        expect((error as SeedValidationError).code).toBe(ErrorCode.SEED_INVALID);
        expect((error as Error).message).toMatch(
          /facts\.yaml:\d+ relations\[3\] \(\S+-erika-muster HOLDS_POST \S+-stabsstelle\): field "since": "2019-13"/,
        );
        expect(await snapshotCounts(db)).toEqual(before);
      },
    );
  });

  it('rolls the whole transaction back when the database rejects a write midway', async () => {
    await withFixture(
      () => undefined,
      async ({ dirs, dataset, files }) => {
        // Another dataset already holds the fixture city's AGS: the City upsert violates the
        // AGS constraint after the SourceDocument and other nodes were written in the same transaction.
        const ags = /ags: '(\d{8})'/.exec(files['facts.yaml']!)![1]!;
        const blocker = `${dataset}-blocker`;
        await db.executeWrite((tx) =>
          tx.run(
            `CREATE (:Entity:City:TerritorialBody {id: $id, ags: $ags, name: 'Blocker', dataset: $ds})`,
            {
              id: `${blocker}-city`,
              ags,
              ds: blocker,
            },
          ),
        );
        try {
          const before = await snapshotCounts(db);
          const error = await importSeeds(db, { ...dirs, dataset }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(ConstraintViolationError);
          expect((error as Error).message).toContain(ags);
          expect(await snapshotCounts(db)).toEqual(before);
        } finally {
          await deleteDataset(db, blocker);
        }
      },
    );
  });

  it('refuses ids that another dataset owns', async () => {
    await withFixture(
      () => undefined,
      async ({ dirs, dataset, prefix }) => {
        const other = `${dataset}-other`;
        await db.executeWrite((tx) =>
          tx.run(`CREATE (:Entity:Person {id: $id, name: 'Someone else', dataset: $ds})`, {
            id: `${prefix}-erika-muster`,
            ds: other,
          }),
        );
        try {
          const before = await snapshotCounts(db);
          await expect(importSeeds(db, { ...dirs, dataset })).rejects.toThrow(
            new RegExp(`${prefix}-erika-muster: existing node Entity:Person of dataset "${other}"`),
          );
          expect(await snapshotCounts(db)).toEqual(before);
        } finally {
          await deleteDataset(db, other);
        }
      },
    );
  });
});
