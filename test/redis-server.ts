import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real `redis-server` (Debian's package; `.ci/run` installs it) on a loopback port, for the
 * tests of the shared store: no persistence, its own scratch directory, stopped by the test.
 */
export interface RedisServer {
  port: number;
  url: string;
  /** SIGSTOP: the server keeps its connections but answers nothing (a stuck store). */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
  /** SIGTERM (resuming first if paused), then waits for the process to end. */
  stop(): Promise<void>;
}

/** A loopback port nothing listens on right now (the OS's choice of a free one). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function requireRedisServer(): void {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      'redis-server is not installed: `apt-get install -y --no-install-recommends redis-server` ' +
        '(.ci/run installs it when missing)',
    );
  }
}

/** Whether a Redis server answers PING on the port (after AUTH, when it has a password). */
function answersPing(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () =>
      socket.write(password === undefined ? 'PING\r\n' : `AUTH ${password}\r\nPING\r\n`),
    );
    const expected = password === undefined ? 1 : 2;
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const lines = reply.split('\r\n').slice(0, -1);
      if (lines.length >= expected) finish(lines[expected - 1] === '+PONG');
    });
  });
}

/**
 * Starts redis-server on `port` (a free one by default), requiring `password` when given, and
 * resolves once it answers PING.
 */
export async function startRedisServer(port?: number, password?: string): Promise<RedisServer> {
  requireRedisServer();
  const chosen = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-redis-'));
  const proc: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(chosen),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--loglevel',
      'warning',
      ...(password === undefined ? [] : ['--requirepass', password]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let ended = false;
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      ended = true;
      resolve();
    }),
  );
  const deadline = Date.now() + 15_000;
  while (!(await answersPing(chosen, password))) {
    if (ended || Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${chosen}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let paused = false;
  return {
    port: chosen,
    url: `redis://${password === undefined ? '' : `:${password}@`}127.0.0.1:${chosen}`,
    pause() {
      proc.kill('SIGSTOP');
      paused = true;
    },
    resume() {
      proc.kill('SIGCONT');
      paused = false;
    },
    async stop() {
      if (ended) return;
      if (paused) proc.kill('SIGCONT');
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
