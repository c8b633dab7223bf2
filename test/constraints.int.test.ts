import { randomUUID } from 'node:crypto';
import { testDatabase } from './db';
import { ConstraintViolationError } from '../src/common/errors';
import type { Database } from '../src/db/database';
import { applySchema, deleteDataset, readSchemaStatements } from '../src/seed/seed.repository';
import { RELATION_TYPE_NAMES } from '../src/model/model';

const statements = readSchemaStatements();
const nodeConstraints = statements
  .map((s) => /CREATE CONSTRAINT (\w+) .*FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE/s.exec(s))
  .filter((m): m is RegExpExecArray => m !== null)
  .map(([, name, label, prop]) => ({ name: name!, label: label!, prop: prop! }));
const relConstraints = statements
  .map((s) =>
    /CREATE CONSTRAINT (\w+) .*FOR \(\)-\[r:(\w+)\]-\(\) REQUIRE r\.(\w+) IS UNIQUE/s.exec(s),
  )
  .filter((m): m is RegExpExecArray => m !== null)
  .map(([, name, type, prop]) => ({ name: name!, type: type!, prop: prop! }));

let db: Database;
const dataset = `test-constraints-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  db = testDatabase();
  await applySchema(db, statements);
});
afterAll(async () => {
  await deleteDataset(db, dataset);
  await db.close();
});

describe('constraints', () => {
  it('covers the id of every relationship type of the model', () => {
    expect(relConstraints.map((c) => c.type).sort()).toEqual([...RELATION_TYPE_NAMES].sort());
  });

  it('are all present in the database after the schema is applied, and applying again is a no-op', async () => {
    await applySchema(db, statements);
    const names = await db.executeRead(async (tx) => {
      const result = await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      return result.records[0]!.get('names') as string[];
    });
    for (const c of [...nodeConstraints, ...relConstraints]) expect(names).toContain(c.name);
    const indexes = await db.executeRead(async (tx) => {
      const result = await tx.run(
        `SHOW FULLTEXT INDEXES YIELD name, options
         RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name`,
      );
      return result.records.map((r) => r.toObject());
    });
    expect(indexes).toEqual([
      { name: 'entity_text', analyzer: 'german' },
      { name: 'relation_text', analyzer: 'german' },
    ]);
  });

  it.each(nodeConstraints)(
    '$name rejects a second $label with the same $prop',
    async ({ label, prop }) => {
      const value = `${dataset}-${prop}`;
      const create = (id: string) =>
        db.executeWrite((tx) =>
          // Label and property come from cypher/schema.cypher, never from input.
          tx.run(`CREATE (n:Entity:${label} {id: $id, dataset: $dataset}) SET n.${prop} = $value`, {
            id,
            dataset,
            value: prop === 'id' ? id : value,
          }),
        );
      const firstId = `${dataset}-${label}-a`;
      await create(firstId);
      await expect(
        create(prop === 'id' ? firstId : `${dataset}-${label}-b`),
      ).rejects.toBeInstanceOf(ConstraintViolationError);
    },
  );

  it.each(relConstraints)('$name rejects a second $type with the same id', async ({ type }) => {
    const [a, b] = [`${dataset}-${type}-from`, `${dataset}-${type}-to`];
    await db.executeWrite((tx) =>
      tx.run(
        `CREATE (:Entity {id: $a, dataset: $dataset}), (:Entity {id: $b, dataset: $dataset})`,
        {
          a,
          b,
          dataset,
        },
      ),
    );
    const link = () =>
      db.executeWrite((tx) =>
        tx.run(
          `MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
           CREATE (a)-[:${type} {id: $rid, dataset: $dataset}]->(b)`,
          { a, b, rid: `${dataset}-${type}`, dataset },
        ),
      );
    await link();
    await expect(link()).rejects.toBeInstanceOf(ConstraintViolationError);
  });
});
