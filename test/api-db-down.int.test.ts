import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase } from '../src/db/database';
import { createApp } from '../src/server/app';

/** The API in front of a database that does not answer. */
describe('GraphQL API with the database down', () => {
  it('answers /ready with 503 and queries with DATABASE_UNAVAILABLE, never naming the database', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const db = createDatabase({ ...loadConfig().neo4j, uri: `bolt://127.0.0.1:${deadPort}` });
    const { apollo, httpServer } = await createApp(db, createLogger('silent'));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // The address (host and port) stays in the log; no client-visible body names it.
      const hidesAddress = (text: string) => {
        expect(text).not.toContain(String(deadPort));
        expect(text).not.toMatch(/127\.0\.0\.1|bolt:|neo4j:|NEO4J_/i);
      };
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(503);
      const readyText = await ready.text();
      hidesAddress(readyText);
      expect(JSON.parse(readyText)).toEqual({
        status: 'unavailable',
        reason: 'The database does not answer; try again later.',
      });

      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ cities { nodes { name } } }' }),
      });
      const text = await response.text();
      hidesAddress(text);
      const body = JSON.parse(text) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors[0]!.extensions.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.errors[0]!.message).toBe('The database does not answer; try again later.');

      const exported = await fetch(`${url}/export/cities.csv`);
      expect(exported.status).toBe(503);
      const exportText = await exported.text();
      hidesAddress(exportText);
      expect(JSON.parse(exportText)).toEqual({
        error: {
          code: 'DATABASE_UNAVAILABLE',
          message: 'The database does not answer; try again later.',
        },
      });
    } finally {
      await apollo.stop();
      await db.close();
    }
  });

  it('answers a request with an API key it cannot look up with 503 DATABASE_UNAVAILABLE, never as anonymous', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const db = createDatabase({ ...loadConfig().neo4j, uri: `bolt://127.0.0.1:${deadPort}` });
    const { apollo, httpServer } = await createApp(db, createLogger('silent'));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer kg_0123456789abcdef_${'0'.repeat(64)}`,
        },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const text = await response.text();
      expect(text).not.toContain(String(deadPort));
      expect(text).not.toMatch(/127\.0\.0\.1|bolt:|neo4j:|NEO4J_|Context creation/i);
      expect([
        response.status,
        response.headers.get('retry-after'),
        response.headers.get('cache-control'),
        JSON.parse(text),
      ]).toEqual([
        503,
        '1',
        'no-store',
        {
          errors: [
            {
              message: 'The database does not answer; try again later.',
              extensions: { code: 'DATABASE_UNAVAILABLE', retryAfter: 1 },
            },
          ],
        },
      ]);
    } finally {
      await apollo.stop();
      await db.close();
    }
  });
});
