import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import neo4j, { type Session, type SessionConfig } from 'neo4j-driver';
import { REPO_ROOT } from '../src/config';
import { parseExamples } from '../src/common/examples';
import { DatabaseError } from '../src/common/errors';
import { seededApi, startTestApi, type TestApi } from './api';
import { TEST_URI } from './test-env';

/**
 * `NEO4J_URI=neo4j://…` against the local test Neo4j: the same single instance the bolt:// tests
 * use, reached through the routing scheme (the driver fetches a routing table and sends reads to
 * the servers it names as readers, writes to the writer). A real cluster is not tested here; on
 * one instance the routing table names that instance in every role.
 */
const ROUTING_URI = TEST_URI.replace(/^bolt(\+s|\+ssc)?:\/\//, 'neo4j$1://');

// The read examples; the write examples change the graph (test/curation-examples.int.test.ts).
const examples = parseExamples(
  fs.readFileSync(path.join(REPO_ROOT, 'schema', 'examples.graphql'), 'utf8'),
).filter((e) => !e.writes);

/** Label of the nodes the bookmark test writes and removes again; no dataset owns it. */
const PROBE_LABEL = 'RoutingProbe';

describe('NEO4J_URI with the neo4j:// routing scheme', () => {
  const bolt = seededApi();
  let routed: TestApi | undefined;
  const api = (): TestApi => {
    if (!routed) throw new Error('the routed API is started in beforeAll');
    return routed;
  };

  beforeAll(async () => {
    routed = await startTestApi({}, { uri: ROUTING_URI });
  });
  afterAll(async () => {
    await routed?.db.executeWrite((tx) => tx.run(`MATCH (n:${PROBE_LABEL}) DETACH DELETE n`));
    await routed?.close();
  });

  it('derives a neo4j:// URI from the bolt test URI', () => {
    expect(TEST_URI).toMatch(/^bolt:\/\//);
    expect(ROUTING_URI).toBe(TEST_URI.replace(/^bolt:/, 'neo4j:'));
  });

  it('is served a routing table by the database (the driver routes, not a plain connection)', async () => {
    const table = await api().db.executeRead(async (tx) => {
      const result = await tx.run('CALL dbms.routing.getRoutingTable({}, $database)', {
        database: api().db.config.database,
      });
      return result.records[0]!.get('servers') as { role: string; addresses: string[] }[];
    });
    const roles = Object.fromEntries(table.map((s) => [s.role, s.addresses]));
    // One instance: it is the writer, a reader and a router at once.
    for (const role of ['WRITE', 'READ', 'ROUTE']) expect(roles[role]).toHaveLength(1);
  });

  it.each(examples.map((e) => [e.name, e]))(
    'answers the IDE example "%s" exactly as over bolt://',
    async (_name, example) => {
      const variables = example.variables
        ? (JSON.parse(example.variables) as Record<string, unknown>)
        : undefined;
      const overBolt = await bolt().query(example.query, variables);
      expect(overBolt.errors).toBeUndefined();
      expect(overBolt.data).toBeTruthy();
      expect(await api().query(example.query, variables)).toEqual(overBolt);
    },
  );

  it('answers a paged root list and a node lookup exactly as over bolt://', async () => {
    const query = `query ($first: Int) {
      cities(first: $first) { totalCount pageInfo { hasNextPage endCursor }
        nodes { id key name orgUnits { node { key name } sources { quote } } } }
      node(id: "bochum") { id key ... on City { name } }
    }`;
    const overBolt = await bolt().query(query, { first: 3 });
    expect(overBolt.errors).toBeUndefined();
    expect(overBolt.data.cities.nodes).toHaveLength(3);
    expect(await api().query(query, { first: 3 })).toEqual(overBolt);
  });

  /**
   * Two checks, because neither alone proves it. (1) Every session the API opens while answering
   * GraphQL requests is watched at the driver: its access mode, and whether its one unit of work
   * ran through `executeRead`, `executeWrite` or as an auto-commit statement (`run`) — modes must
   * all be READ, and no unit a write. (2) That a READ transaction is a real read transaction and
   * not a label: Neo4j itself refuses a write statement in one, managed or auto-commit
   * (`Neo.ClientError.Statement.AccessMode`), also on this single instance, and nothing is written.
   * In a cluster that mode is what lets the driver send the transaction to a follower or a read
   * replica.
   */
  it('runs every GraphQL read in a READ transaction, which Neo4j keeps read-only', async () => {
    const db = api().db;
    const opened: {
      mode: SessionConfig['defaultAccessMode'];
      units: ('READ' | 'WRITE' | 'AUTO-COMMIT')[];
    }[] = [];
    const original = db.driver.session.bind(db.driver);
    const spy = jest.spyOn(db.driver, 'session').mockImplementation((config?: SessionConfig) => {
      const session: Session = original(config);
      const record: (typeof opened)[number] = { mode: config?.defaultAccessMode, units: [] };
      opened.push(record);
      const read = session.executeRead.bind(session);
      const write = session.executeWrite.bind(session);
      const run = session.run.bind(session);
      session.run = ((...args: Parameters<Session['run']>) => {
        record.units.push('AUTO-COMMIT');
        return run(...args);
      }) as Session['run'];
      session.executeRead = (work, txConfig) => {
        record.units.push('READ');
        return read(work, txConfig);
      };
      session.executeWrite = (work, txConfig) => {
        record.units.push('WRITE');
        return write(work, txConfig);
      };
      return session;
    });
    const before = db.transactions;
    try {
      for (const example of examples) {
        const result = await api().query(
          example.query,
          example.variables
            ? (JSON.parse(example.variables) as Record<string, unknown>)
            : undefined,
        );
        expect(result.errors).toBeUndefined();
      }
    } finally {
      spy.mockRestore();
    }
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBe(db.transactions - before);
    expect(opened.filter((s) => s.mode !== neo4j.session.READ)).toEqual([]);
    // One unit of work per session: a managed READ transaction, or one auto-commit statement in
    // the session's READ mode (readStatement), which Neo4j enforces just the same (below).
    expect(opened.map((s) => s.units.length)).toEqual(opened.map(() => 1));
    expect(opened.flatMap((s) => s.units).filter((unit) => unit === 'WRITE')).toEqual([]);
    expect(opened.flatMap((s) => s.units)).toContain('AUTO-COMMIT');

    const id = randomUUID();
    const refused = await db
      .executeRead((tx) => tx.run(`CREATE (:${PROBE_LABEL} {id: $id})`, { id }))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DatabaseError);
    expect((refused as DatabaseError).message).toMatch(/Neo\.ClientError\.Statement\.AccessMode/);
    const refusedAuto = await db
      .readStatement(`CREATE (:${PROBE_LABEL} {id: $id})`, { id })
      .catch((error: unknown) => error);
    expect(refusedAuto).toBeInstanceOf(DatabaseError);
    expect((refusedAuto as DatabaseError).message).toMatch(
      /Neo\.ClientError\.Statement\.AccessMode/,
    );
    const written = await db.executeRead(async (tx) => {
      const result = await tx.run(`MATCH (n:${PROBE_LABEL} {id: $id}) RETURN count(n) AS n`, {
        id,
      });
      return result.records[0]!.get('n') as number;
    });
    expect(written).toBe(0);
  });

  /**
   * Read-your-writes: the Database's one bookmark manager takes the bookmark of every committed
   * transaction and hands it to the next session, so in a cluster the read below would wait until
   * the server it is routed to has applied the write. On this single instance the read would see
   * the write without bookmarks too, so the read alone proves nothing about waiting; what is
   * observable here is that the write leaves its bookmark in the manager and the read starts with
   * it.
   */
  it('reads its own writes: the write leaves a bookmark the next read starts from', async () => {
    const db = api().db;
    const id = randomUUID();
    const before = new Set(await db.bookmarks.getBookmarks());
    await db.executeWrite((tx) => tx.run(`CREATE (:${PROBE_LABEL} {id: $id})`, { id }));
    const after = [...(await db.bookmarks.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((bookmark) => !before.has(bookmark))).toBe(true);

    const managers: unknown[] = [];
    const started: Promise<string[]>[] = [];
    const original = db.driver.session.bind(db.driver);
    const spy = jest.spyOn(db.driver, 'session').mockImplementation((config?: SessionConfig) => {
      const manager = config?.bookmarkManager;
      managers.push(manager);
      // What the manager holds when the read's session opens: the bookmarks it will wait for.
      if (manager) started.push(manager.getBookmarks().then((b) => [...b]));
      return original(config);
    });
    let seen: number;
    try {
      seen = await db.executeRead(async (tx) => {
        const result = await tx.run(`MATCH (n:${PROBE_LABEL} {id: $id}) RETURN count(n) AS n`, {
          id,
        });
        return result.records[0]!.get('n') as number;
      });
    } finally {
      spy.mockRestore();
    }
    expect(seen).toBe(1);
    expect(managers).toHaveLength(1);
    expect(managers[0]).toBe(db.bookmarks);
    expect(await Promise.all(started)).toEqual([after]);
  });
});
