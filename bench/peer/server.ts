import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config';
import { PEER_TYPE_DEFS } from './type-defs';

export interface PeerServer {
  port: number;
  /** Path the standalone server answers GraphQL on. */
  path: string;
  /** `keepAliveTimeout` of the standalone server's `http.Server` (Node's default). */
  keepAliveMs: number;
  version: string;
  stop(): Promise<void>;
}

/** Thrown when the database cannot serve the peer (no APOC); the message says what to do. */
export class PeerUnavailableError extends Error {}

/**
 * @neo4j/graphql over `PEER_TYPE_DEFS`, served by Apollo's standalone server on 127.0.0.1 (port
 * 0), on the database `cfg` names, through its own driver. Before serving, the library checks
 * the database itself (`checkNeo4jCompat`): Neo4j 5 and the APOC functions it calls.
 */
export async function startPeer(cfg: Neo4jConfig): Promise<PeerServer> {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
  try {
    const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
    const schema = await neoSchema.getSchema();
    try {
      await neoSchema.checkNeo4jCompat({ sessionConfig: { database: cfg.database } });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new PeerUnavailableError(
        `@neo4j/graphql cannot run on ${cfg.uri}: ${why}\n` +
          'It needs the APOC core plugin. Start the local database with it ' +
          `(NEO4J_URI=${cfg.uri} npm run db:stop, then NEO4J_URI=${cfg.uri} ` +
          'NEO4J_PLUGINS=apoc npm run db:start), or leave the peer out with --no-peer.',
      );
    }
    const apollo = new ApolloServer({ schema });
    const { url } = await startStandaloneServer(apollo, {
      listen: { port: 0, host: '127.0.0.1' },
      context: () => Promise.resolve({ sessionConfig: { database: cfg.database } }),
    });
    const parsed = new URL(url);
    return {
      port: Number(parsed.port),
      path: parsed.pathname,
      keepAliveMs: new http.Server().keepAliveTimeout,
      version: libraryVersion(),
      async stop() {
        await apollo.stop();
        await driver.close();
      },
    };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/** The installed version (the package exports no package.json; it sits beside dist/). */
function libraryVersion(): string {
  const file = path.join(path.dirname(require.resolve('@neo4j/graphql')), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
