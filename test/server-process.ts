import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { REPO_ROOT } from '../src/config';

/**
 * The server as a real process (`node dist/src/cli/start.js` or `npm start`), for tests of what
 * only a process has: signals, exit codes, its log. The build is incremental, so building before
 * each such test file costs little once dist/ is current.
 */
export function buildDist(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface ServerProcess {
  proc: ChildProcess;
  /** Base URL, from the server's "GraphQL API at …" log line. */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const LISTENING = /GraphQL API at (http:\/\/[^\s"]+)\/graphql/;

/** Spawns the command in the repository and resolves once the server listens (bounded). */
export async function spawnServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const proc = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await waitFor(
    () => LISTENING.exec(output)?.[1],
    timeoutMs,
    () => output,
    exited,
  );
  return { proc, url, output: () => output, exited };
}

/** Polls `check` until it gives a value; fails after `timeoutMs` or when the process ends. */
export async function waitFor<T>(
  check: () => T | undefined,
  timeoutMs: number,
  describe: () => string,
  exited?: Promise<unknown>,
): Promise<T> {
  let ended = false;
  void exited?.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (ended || Date.now() > deadline) {
      throw new Error(`gave up waiting (${ended ? 'process ended' : 'timeout'}):\n${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Pids of a process's descendants (Linux /proc), so a test can tell whether any outlived it. */
export function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
