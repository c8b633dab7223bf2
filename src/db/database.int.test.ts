import net from 'node:net';
import { loadConfig } from '../config';
import {
  DatabaseAuthError,
  DatabaseError,
  DatabaseUnavailableError,
  ErrorCode,
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
      expect((error as Error).message).toMatch(/does not answer at bolt:\/\/127\.0\.0\.1:\d+/);
      // Retries are capped so a dead database fails within seconds instead of hanging.
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await db.close();
    }
  });

  it('reports rejected credentials as DATABASE_AUTH', async () => {
    const config = loadConfig().neo4j;
    const db = createDatabase({ ...config, password: 'not-the-password' });
    try {
      await expect(db.verify()).rejects.toBeInstanceOf(DatabaseAuthError);
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
