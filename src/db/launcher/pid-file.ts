import fs from 'node:fs';
import { MAIN_CLASS } from './maven-build';
import { seconds, sleep } from './util';

export interface PidFile {
  raw: string;
  pid: number | undefined;
}

export function readPidFile(file: string): PidFile | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = /^\d+$/.test(raw) ? Number(raw) : undefined;
  return { raw, pid: pid !== undefined && pid > 0 ? pid : undefined };
}

export function removePidFileIfOurs(file: string, pid: number): void {
  // Another db:start may already have replaced it with its own process.
  if (readPidFile(file)?.pid === pid) fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Alive and still our Java launcher: a pid from an old file may since belong to another program,
 * which must never be reported as Neo4j, let alone be sent SIGTERM. Where /proc is missing
 * (macOS) only liveness can be checked. A zombie has an empty command line and counts as dead.
 */
export function isLauncherAlive(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

/** SIGTERM, then SIGKILL once the grace period is over; true when it had to kill. */
export async function terminate(
  pid: number,
  graceMs: number,
  log: (line: string) => void,
): Promise<boolean> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isLauncherAlive(pid)) return false;
    await sleep(200);
  }
  log(`Warning: Neo4j (pid ${pid}) did not stop within ${seconds(graceMs)}; killing it`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return true;
  }
  const killDeadline = Date.now() + 10_000;
  while (isLauncherAlive(pid) && Date.now() < killDeadline) await sleep(100);
  return true;
}
