import '../src/cli/production-env';
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/database';
import { PeerUnavailableError, startPeer } from './peer/server';
import { startFloorHere, startOursHere, type FromServer, type ToServer } from './server-process';

/**
 * One server of the API bench in its own process, as it runs when deployed: `ours` (the app, its
 * rate limit lifted for the bench's one client address), `peer` (@neo4j/graphql, see
 * peer/server.ts) or `floor` (the hand-written statements over HTTP, floor-endpoint.ts), on the database the environment names. It reports its address over IPC and
 * answers questions about itself (`transactions`: the database round trips it has made) until
 * told to stop or its parent goes away. Started by server-process.ts, never by hand.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'ours' && kind !== 'peer' && kind !== 'floor') {
    throw new Error(`serve: unknown server "${kind}"`);
  }
  const send = (message: FromServer) => process.send?.(message);
  const config = loadConfig();
  if (kind === 'peer') {
    const peer = await startPeer(config.neo4j).catch((error: unknown) => {
      if (error instanceof PeerUnavailableError) send({ kind: 'unavailable', why: error.message });
      throw error;
    });
    send({
      kind: 'ready',
      port: peer.port,
      path: peer.path,
      keepAliveMs: peer.keepAliveMs,
      version: peer.version,
    });
    serveUntilStopped(
      () => peer.stop(),
      () => 0,
    );
    return;
  }
  const db = createDatabase(config.neo4j);
  const server = kind === 'floor' ? await startFloorHere(db) : await startOursHere(db);
  send({ kind: 'ready', port: server.port, path: server.path, keepAliveMs: server.keepAliveMs });
  serveUntilStopped(
    async () => {
      await server.stop();
      await db.close();
    },
    () => db.transactions,
  );
}

function serveUntilStopped(stop: () => Promise<void>, transactions: () => number): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().finally(() => process.exit(0));
  };
  process.on('message', (message: ToServer) => {
    if (message.kind === 'stop') shutdown();
    else if (message.kind === 'transactions')
      process.send?.({ kind: 'transactions', count: transactions() } satisfies FromServer);
  });
  // The parent died or closed the channel: nothing is left to serve.
  process.on('disconnect', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
