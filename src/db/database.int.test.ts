import net from 'node:net';
import { loadConfig } from '../config';
import {
  DatabaseAuthError,
  DatabaseError,
  DatabaseUnavailableError,
  ErrorCode,
  QueryMemoryError,
  QueryTimeoutError,
} from '../common/errors';
import { createDatabase } from './database';

/** A port nothing listens on: bind, read the number, close. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Database error mapping', () => {
  it('reports a database that is down as DATABASE_UNAVAILABLE, quickly', async () => {
    const config = loadConfig().neo4j;
    const db = createDatabase({ ...config, uri: `bolt://127.0.0.1:${await closedPort()}` });
    try {
      const started = Date.now();
      const error = await db.executeRead((tx) => tx.run('RETURN 1')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as DatabaseUnavailableError).code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
      // The address is for operators (detail), not for the message clients may see.
      expect((error as DatabaseUnavailableError).detail).toMatch(
        /does not answer at bolt:\/\/127\.0\.0\.1:\d+/,
      );
      expect((error as Error).message).toBe('The database does not answer; try again later.');
      // Retries are capped so a dead database fails within seconds instead of hanging.
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await db.close();
    }
  });

  it('stops a query that outgrows the transaction memory with QUERY_MEMORY_EXCEEDED, once', async () => {
    const db = createDatabase(loadConfig().neo4j);
    let attempts = 0;
    try {
      const error = await db
        .executeRead(async (tx) => {
          attempts += 1;
          // Tens of millions of integers in one list: far beyond the launcher's 256 MiB pool.
          return tx.run('UNWIND range(1, 50000000) AS x RETURN size(collect(x)) AS n');
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryMemoryError);
      expect((error as QueryMemoryError).code).toBe(ErrorCode.QUERY_MEMORY_EXCEEDED);
      // A transient error the driver would retry for seconds; running out of memory again is certain.
      expect(attempts).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('reports rejected credentials as DATABASE_AUTH', async () => {
    const config = loadConfig().neo4j;
    const db = createDatabase({ ...config, password: 'not-the-password' });
    try {
      const error = await db.verify().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseAuthError);
      expect((error as Error).message).toBe("The database refused the server's credentials.");
      expect((error as DatabaseAuthError).detail).toContain(config.uri);
    } finally {
      await db.close();
    }
  });

  it('maps other database errors to a typed error and closes the session', async () => {
    const db = createDatabase(loadConfig().neo4j);
    try {
      const error = await db
        .executeRead((tx) => tx.run('RETURN nonsense('))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as Error).message).toMatch(/Neo\.ClientError\.Statement\.SyntaxError/);
      // The failed session was closed: the driver can still run work.
      const value = await db.executeRead(async (tx) =>
        (await tx.run('RETURN 41 + 1 AS v')).records[0]!.get('v'),
      );
      expect(value).toBe(42);
    } finally {
      await db.close();
    }
  });
});

/** Runs for minutes unless stopped: a count over ten billion numbers. */
const ENDLESS = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS c';

describe('Database time limits', () => {
  it('stops every read at the configured QUERY_TIMEOUT_MS and answers QUERY_TIMEOUT', async () => {
    const db = createDatabase({ ...loadConfig().neo4j, queryTimeoutMs: 300 });
    try {
      const error = await db.executeRead((tx) => tx.run(ENDLESS)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect((error as QueryTimeoutError).code).toBe(ErrorCode.QUERY_TIMEOUT);
      // Neo4j 5.26 reports a limit the client set with this code; the server's own limit is
      // Neo.ClientError.Transaction.TransactionTimedOut. The mapper takes both by their prefix.
      expect(((error as Error).cause as { code: string }).code).toBe(
        'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      );
      // The driver does not retry it: the next read runs at once.
      const value = await db.executeRead(async (tx) =>
        (await tx.run('RETURN 1 AS v')).records[0]!.get('v'),
      );
      expect(value).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('lets a caller set its own limit', async () => {
    const db = createDatabase(loadConfig().neo4j);
    try {
      const error = await db
        .executeRead((tx) => tx.run(ENDLESS), { timeoutMs: 300 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryTimeoutError);
    } finally {
      await db.close();
    }
  });
});

describe('readStatement (one statement, auto-commit)', () => {
  it('answers the records and counts one transaction', async () => {
    const db = createDatabase(loadConfig().neo4j);
    try {
      const before = db.transactions;
      const result = await db.readStatement('UNWIND [1, 2, 3] AS x RETURN x * $k AS v', { k: 2 });
      expect(result.records.map((r) => r.get('v') as number)).toEqual([2, 4, 6]);
      expect(db.transactions - before).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('reads a record of many chunks (joined before decoding) exactly as sent', async () => {
    const db = createDatabase(loadConfig().neo4j);
    try {
      expect(db.boltJoin).toEqual({ joined: true });
      // About 900 KB in one record: Neo4j sends it in 64 KiB chunks, and the socket reads cut
      // them elsewhere, through multi-byte characters too.
      const result = await db.readStatement(
        `RETURN [i IN range(0, $n - 1) | {key: 'stadt-' + toString(i), name: $name + toString(i),
                 share: toFloat(i) / 8, year: 1990 + i % 35, tags: ['Ä', 'ö', toString(i)]}] AS rows,
                'tail ✓' AS after`,
        { n: 12_000, name: 'Straße „Älter werden“ – € ' },
      );
      const expected = Array.from({ length: 12_000 }, (_, i) => ({
        key: `stadt-${i}`,
        name: `Straße „Älter werden“ – € ${i}`,
        share: i / 8,
        year: 1990 + (i % 35),
        tags: ['Ä', 'ö', String(i)],
      }));
      expect(result.records).toHaveLength(1);
      expect(result.records[0]!.get('rows')).toEqual(expected);
      expect(result.records[0]!.get('after')).toBe('tail ✓');
    } finally {
      await db.close();
    }
  });

  it('maps errors as executeRead does, without retrying a memory limit', async () => {
    const config = loadConfig().neo4j;
    const down = createDatabase({ ...config, uri: `bolt://127.0.0.1:${await closedPort()}` });
    const db = createDatabase({ ...config, queryTimeoutMs: 300 });
    const sessions = jest.spyOn(db.driver, 'session');
    const limit = Error.stackTraceLimit;
    try {
      const unavailable = await down.readStatement('RETURN 1').catch((e: unknown) => e);
      expect(unavailable).toBeInstanceOf(DatabaseUnavailableError);

      const memory = await db
        .readStatement(
          'UNWIND range(1, 50000000) AS x RETURN size(collect(x)) AS n',
          {},
          {
            timeoutMs: 60_000,
          },
        )
        .catch((e: unknown) => e);
      expect(memory).toBeInstanceOf(QueryMemoryError);
      expect(sessions).toHaveBeenCalledTimes(1);

      expect(await db.readStatement(ENDLESS).catch((e: unknown) => e)).toBeInstanceOf(
        QueryTimeoutError,
      );
      const own = await db.readStatement(ENDLESS, {}, { timeoutMs: 200 }).catch((e: unknown) => e);
      expect(own).toBeInstanceOf(QueryTimeoutError);

      const syntax = await db.readStatement('RETURN nonsense(').catch((e: unknown) => e);
      expect(syntax).toBeInstanceOf(DatabaseError);
      expect((syntax as Error).message).toMatch(/Neo\.ClientError\.Statement\.SyntaxError/);
      // The driver's stack capture is switched off only while a statement starts.
      expect(Error.stackTraceLimit).toBe(limit);
      expect(new Error('here').stack).toMatch(/database\.int\.test/);
      // Every session was closed: the driver still runs work.
      expect((await db.readStatement('RETURN 42 AS v')).records[0]!.get('v')).toBe(42);
    } finally {
      sessions.mockRestore();
      await db.close();
      await down.close();
    }
  });
});
