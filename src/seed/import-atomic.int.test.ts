import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dumpDataset, snapshotCounts, testDatabase } from '../../test/db';
import { startTestApi, type TestApi } from '../../test/api';
import { buildDist } from '../../test/server-process';
import { townName, writeStaged, type StagedDirs } from '../../test/staged-fixture';
import { REPO_ROOT } from '../config';
import type { Database } from '../db/database';
import { importSeeds, seedDigest } from './import';
import { deleteDataset, readDatasetDigest } from './seed.repository';

/**
 * The staged import is atomic per dataset: whatever fails before the switch — a thrown error in
 * the middle of the staged writes, a killed process — leaves the previous version exactly as it
 * was, with nothing staged visible; the next import clears what a dead one left and switches in
 * full; nodes that persist keep their identity, so relationships of other datasets on them
 * survive.
 */
let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await db.close();
});

const TOWNS = 6;

/** Every staged node or relationship of any import, and the import marks. */
async function stagingLeft(): Promise<{ nodes: number; relationships: number; marks: number }> {
  return db.executeRead(async (tx) => {
    const result = await tx.run(
      `CALL () { MATCH (n) WHERE n:SeedStaged OR n:SeedStagedUpdate OR n:SeedStagedRelation
                 RETURN count(n) AS nodes }
       CALL () { MATCH (:SeedStaged)-[r]-() RETURN count(DISTINCT r) AS relationships }
       CALL () { MATCH (m:SeedImport) RETURN count(m) AS marks }
       RETURN nodes, relationships, marks`,
    );
    return result.records[0]!.toObject() as { nodes: number; relationships: number; marks: number };
  });
}

/** What tells version A from version B, read from the live graph. */
async function facts(prefix: string) {
  return db.executeRead(async (tx) => {
    const result = await tx.run(
      `MATCH (d:Dataset {name: $dataset})
       OPTIONAL MATCH (c1:OrgUnit:Entity {id: $council1})
       OPTIONAL MATCH (:Person:Entity {id: $chair3})-[h3:HOLDS_POST]->()
       OPTIONAL MATCH (chair2:Person:Entity {id: $chair2})
       RETURN d.nodes AS nodes, d.relationships AS relationships, c1.status AS status,
              h3.roleTitle AS roleTitle, chair2 IS NOT NULL AS chair2,
              COUNT { MATCH (t:City:Entity) WHERE t.id STARTS WITH $prefix } AS towns`,
      {
        dataset: `test-${prefix}`,
        prefix,
        council1: `${prefix}-council-1`,
        chair2: `${prefix}-chair-2`,
        chair3: `${prefix}-chair-3`,
      },
    );
    return result.records[0]?.toObject();
  });
}

/** Another dataset's organisation, cooperating with the council of town 1 (which persists). */
async function foreignLink(prefix: string): Promise<void> {
  await db.executeWrite((tx) =>
    tx.run(
      `MATCH (c:OrgUnit:Entity {id: $council})
       CREATE (o:Entity:Organisation {id: $org, name: 'Verein', kind: 'ASSOCIATION', dataset: $other})
       CREATE (o)-[:COOPERATES_WITH {id: $rel, dataset: $other}]->(c)`,
      {
        council: `${prefix}-council-1`,
        org: `${prefix}-verein`,
        rel: `${prefix}-verein~COOPERATES_WITH`,
        other: `test-${prefix}-other`,
      },
    ),
  );
}

/** The council of town 1 as the foreign relationship sees it: its element id, or null. */
async function foreignEnd(prefix: string): Promise<string | null> {
  const result = await db.executeRead((tx) =>
    tx.run(`MATCH (:Organisation {id: $org})-[:COOPERATES_WITH]->(c) RETURN elementId(c) AS id`, {
      org: `${prefix}-verein`,
    }),
  );
  return (result.records[0]?.get('id') as string | undefined) ?? null;
}

const VERSION_A = { nodes: 1 + 3 * TOWNS, relationships: 2 * TOWNS };
// B: town 2 loses its chair and post; four towns with council, chair and post are new.
const VERSION_B = { nodes: 1 + 3 * TOWNS - 1 + 3 * 4, relationships: 2 * TOWNS - 1 + 2 * 4 };

async function withVersions(
  body: (ctx: { prefix: string; dataset: string; dirs: StagedDirs }) => Promise<void>,
  extra = 4,
): Promise<void> {
  const prefix = `s${randomUUID().slice(0, 8)}`;
  const dataset = `test-${prefix}`;
  const dirs = writeStaged(prefix, TOWNS, extra);
  try {
    await body({ prefix, dataset, dirs });
  } finally {
    await deleteDataset(db, dataset);
    await deleteDataset(db, `${dataset}-other`);
    dirs.cleanup();
  }
}

describe('staged import', () => {
  it('a failure in the middle of the staged writes leaves version A exactly as it was; B then switches in full', async () => {
    await withVersions(async ({ prefix, dataset, dirs }) => {
      const first = await importSeeds(db, { ...dirs, dataset, batchSize: 4 });
      expect(first.tally).toEqual({
        nodes: { new: VERSION_A.nodes, changed: 0, unchanged: 0 },
        relations: { new: VERSION_A.relationships, changed: 0, unchanged: 0 },
      });
      await foreignLink(prefix);
      const councilBefore = await foreignEnd(prefix);
      expect(councilBefore).not.toBeNull();
      const dumpA = await dumpDataset(db, dataset);
      const countsA = await snapshotCounts(db);
      expect(await facts(prefix)).toEqual({
        ...VERSION_A,
        status: 'ACTIVE',
        roleTitle: 'Vorsitz',
        chair2: true,
        towns: TOWNS,
      });

      // B fails after its third chunk: by then it has staged new and changed elements.
      const digestA = seedDigest(dirs.seedDir);
      dirs.use('B');
      const chunks: number[] = [];
      const failure = new Error('injected failure after chunk 3');
      await expect(
        importSeeds(db, {
          ...dirs,
          dataset,
          batchSize: 4,
          afterBatch: (n) => {
            chunks.push(n);
            if (n === 3) throw failure;
          },
        }),
      ).rejects.toBe(failure);
      expect(chunks).toEqual([1, 2, 3]);

      expect(await dumpDataset(db, dataset)).toBe(dumpA);
      expect(await snapshotCounts(db)).toEqual(countsA);
      expect(await stagingLeft()).toEqual({ nodes: 0, relationships: 0, marks: 0 });
      expect(await readDatasetDigest(db, dataset)).toBe(digestA);
      expect(await foreignEnd(prefix)).toBe(councilBefore);

      const second = await importSeeds(db, { ...dirs, dataset, batchSize: 4 });
      // Changed: the council of town 1 (status) and that of town 2, which no post attests any
      // more (its validity no longer starts on the chair's first day); chair 2 is gone.
      expect(second.tally).toEqual({
        nodes: { new: 12, changed: 2, unchanged: VERSION_A.nodes - 3 },
        relations: { new: 8, changed: 1, unchanged: VERSION_A.relationships - 2 },
      });
      expect(second.deletedNodes).toBe(1);
      expect(second.deletedRelationships).toBe(1);
      expect(second.keptNodes).toEqual([]);
      expect(await facts(prefix)).toEqual({
        ...VERSION_B,
        status: 'COMPLETED',
        roleTitle: 'Ratsvorsitz',
        chair2: false,
        towns: TOWNS + 4,
      });
      expect(await stagingLeft()).toEqual({ nodes: 0, relationships: 0, marks: 0 });
      expect(await readDatasetDigest(db, dataset)).toBe(seedDigest(dirs.seedDir));
      // The council of town 1 changed in place: the other dataset's relationship still ends at it.
      expect(await foreignEnd(prefix)).toBe(councilBefore);

      // Unchanged, B imports again without writing anything.
      const again = await importSeeds(db, { ...dirs, dataset });
      expect(again.tally).toEqual({
        nodes: { new: 0, changed: 0, unchanged: VERSION_B.nodes },
        relations: { new: 0, changed: 0, unchanged: VERSION_B.relationships },
      });
    });
  });

  it('a re-import of unchanged files writes nothing, run from another directory or from a copy of the folder', async () => {
    await withVersions(async ({ dataset, dirs }) => {
      await importSeeds(db, { ...dirs, dataset });
      const dump = await dumpDataset(db, dataset);
      const unchanged = {
        nodes: { new: 0, changed: 0, unchanged: VERSION_A.nodes },
        relations: { new: 0, changed: 0, unchanged: VERSION_A.relationships },
      };
      const cwd = process.cwd();
      process.chdir(os.tmpdir());
      try {
        expect((await importSeeds(db, { ...dirs, dataset })).tally).toEqual(unchanged);
      } finally {
        process.chdir(cwd);
      }
      // As a generated dataset is written anew: the same files in another folder of that name.
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-staged-copy-'));
      try {
        const seedDir = path.join(copy, 'seeds');
        const documentsDir = path.join(copy, 'documents');
        fs.cpSync(dirs.seedDir, seedDir, { recursive: true });
        fs.cpSync(dirs.documentsDir, documentsDir, { recursive: true });
        expect((await importSeeds(db, { seedDir, documentsDir, dataset })).tally).toEqual(
          unchanged,
        );
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
      expect(await dumpDataset(db, dataset)).toBe(dump);
    });
  });

  describe('an import killed midway', () => {
    let api: TestApi;
    beforeAll(async () => {
      buildDist();
      api = await startTestApi();
    });
    afterAll(async () => {
      await api.close();
    });

    /** What the API answers about the fixture's towns. */
    const ask = (prefix: string) =>
      api.query(
        `query ($prefix: String!, $key: ID!) {
           cities(first: 100, where: { key: { startsWith: $prefix } }) {
             totalCount
             edges { node { key name orgUnits { node { key status } } } }
           }
           orgUnits(where: { key: { startsWith: $prefix } }) { totalCount }
           people(where: { key: { startsWith: $prefix } }) { totalCount }
           nodes(ids: [$key]) { id }
         }`,
        { prefix, key: `${prefix}-town-${TOWNS + 100}` },
      );

    it('leaves A as it was and its staged rows invisible; the next import clears them and switches', async () => {
      // 300 new towns in chunks of 2: long enough to be killed while it stages.
      await withVersions(async ({ prefix, dataset, dirs }) => {
        await importSeeds(db, { ...dirs, dataset });
        const dumpA = await dumpDataset(db, dataset);
        const answerA = await ask(prefix);
        dirs.use('B');
        expect(answerA.errors).toBeUndefined();
        expect(answerA.data.cities.totalCount).toBe(TOWNS);
        expect(answerA.data.nodes).toEqual([null]);

        const child = spawn(
          process.execPath,
          [
            path.join(REPO_ROOT, 'dist', 'bench', 'national-import.js'),
            '--dataset',
            dataset,
            '--batch-size',
            '2',
          ],
          {
            env: {
              ...process.env,
              SEED_DIR: dirs.seedDir,
              SEED_DOCUMENTS_DIR: dirs.documentsDir,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        const exited = new Promise<number | null>((resolve) =>
          child.once('exit', (code) => resolve(code)),
        );
        // Killed as soon as the first staged nodes are there.
        let stagedNow = { nodes: 0, relationships: 0, marks: 0 };
        for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
          stagedNow = await stagingLeft();
          if (stagedNow.nodes > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        child.kill('SIGKILL');
        await exited;
        expect(output).not.toMatch(/"tally"/);

        const left = await stagingLeft();
        expect(left.nodes).toBeGreaterThan(0);
        expect(left.marks).toBe(1);
        expect(await dumpDataset(db, dataset)).toBe(dumpA);
        expect(await ask(prefix)).toEqual(answerA);

        const lines: string[] = [];
        const result = await importSeeds(db, { ...dirs, dataset, log: (l) => lines.push(l) });
        expect(lines).toContainEqual(
          expect.stringMatching(/^removed \d+ staged element\(s\) an unfinished import left$/),
        );
        expect(result.tally.nodes.new).toBe(3 * 300);
        expect(await stagingLeft()).toEqual({ nodes: 0, relationships: 0, marks: 0 });
        const answerB = await ask(prefix);
        expect(answerB.data.cities.totalCount).toBe(TOWNS + 300);
        expect(answerB.data.orgUnits.totalCount).toBe(TOWNS + 300);
        expect(answerB.data.people.totalCount).toBe(TOWNS - 1 + 300);
        expect(answerB.data.nodes).toEqual([{ id: expect.any(String) }]);
        expect(
          answerB.data.cities.edges.find(
            (e: { node: { key: string } }) => e.node.key === `${prefix}-town-1`,
          ).node,
        ).toEqual({
          key: `${prefix}-town-1`,
          name: townName(prefix, 1),
          orgUnits: [{ node: { key: `${prefix}-council-1`, status: 'COMPLETED' } }],
        });
      }, 300);
    }, 300_000);
  });
});
