import net from 'node:net';
import neo4j from 'neo4j-driver';
import { isLoopbackHost, type Neo4jConfig } from '../../config';

export interface BoltTarget {
  host: string;
  port: number;
  encrypted: boolean;
}

export function boltTarget(uri: string): BoltTarget {
  // loadConfig has validated the URI already.
  const url = new URL(uri);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 7687 : Number(url.port),
    encrypted: url.protocol.includes('+s'),
  };
}

/** One definition with the configuration's: only these hosts may use the development password. */
export const isLoopback = isLoopbackHost;

export type Probe =
  | { kind: 'ok'; agent: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'silent'; message: string };

/** Asks the server for its identity with the configured credentials; never throws. */
export async function probeBolt(cfg: Neo4jConfig, timeoutMs: number): Promise<Probe> {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    connectionTimeout: timeoutMs,
    // A program that accepts connections but never speaks Bolt is only caught by this one.
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    const info = await driver.getServerInfo();
    return { kind: 'ok', agent: info.agent ?? 'Neo4j' };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof code === 'string' && code.startsWith('Neo.ClientError.Security.')) {
      return { kind: 'rejected', message };
    }
    return { kind: 'silent', message };
  } finally {
    await driver.close();
  }
}

/** Bolt handshake: magic preamble, then four version proposals (5.8 down to 5.0, 4.4). */
const BOLT_HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00,
]);

export type Listener = { kind: 'bolt' } | { kind: 'other' | 'nothing'; detail: string };

/** What listens on host:port: a Bolt server, some other program, or nothing at all. */
export function boltListener(host: string, port: number, timeoutMs: number): Promise<Listener> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let connected = false;
    let settled = false;
    let reply = Buffer.alloc(0);
    const done = (listener: Listener) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(listener);
    };
    const notBolt = (why: string) =>
      done(
        connected
          ? { kind: 'other', detail: `the program on port ${port} ${why}` }
          : { kind: 'nothing', detail: `nothing answers on ${host}:${port} (${why})` },
      );
    socket.setTimeout(timeoutMs, () => notBolt('does not answer the Bolt handshake'));
    socket.once('connect', () => {
      connected = true;
      socket.write(BOLT_HANDSHAKE);
    });
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length < 4) return;
      // A Bolt server answers with a version [0, 0, minor, major], or zeros if none fits.
      if (reply[0] === 0 && reply[1] === 0) done({ kind: 'bolt' });
      else notBolt('does not speak Bolt');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message;
      notBolt(connected ? `dropped the connection (${reason})` : reason);
    });
    socket.once('close', () => notBolt('closed the connection during the Bolt handshake'));
  });
}

export function acceptsTcp(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
