import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig, REPO_ROOT, type AppConfig, type Neo4jConfig } from '../config';

/**
 * Starts and stops the local Neo4j that `npm run db:start` provides: Neo4j Community embedded in
 * a small Java launcher (launcher/), built with Maven and run as a detached `java` process whose
 * pid lives in `<dataDir>/neo4j.pid`.
 */

export interface LauncherOptions {
  log?: (line: string) => void;
  /** The whole environment to read the configuration from (and to pass to java); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** An expected failure whose message is written for the user; CLIs print it without a stack. */
export class Neo4jLauncherError extends Error {
  constructor(
    message: string,
    /** Exit code of the Java launcher when it ended the start, if it did. */
    readonly launcherExitCode?: number,
  ) {
    super(message);
    this.name = 'Neo4jLauncherError';
  }
}

export const LAUNCHER_DIR = path.join(REPO_ROOT, 'launcher');
const POM = path.join(LAUNCHER_DIR, 'pom.xml');
const SOURCE = path.join(
  LAUNCHER_DIR,
  'src',
  'main',
  'java',
  'kommunalgraph',
  'Neo4jLauncher.java',
);
const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
const CLASS_FILE = path.join(CLASSES_DIR, 'kommunalgraph', 'Neo4jLauncher.class');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const MAIN_CLASS = 'kommunalgraph.Neo4jLauncher';

/** Printed by Neo4jLauncher.java once Bolt is up and the password is set. */
const READY_MARKER = 'KOMMUNALGRAPH_NEO4J_READY';
/** Prefix of the one-line failure message Neo4jLauncher.java writes to stderr. */
const FAILURE_PREFIX = 'neo4j-launcher: ';
/** The only user the launcher manages; see resetPassword in Neo4jLauncher.java. */
const LAUNCHER_USER = 'neo4j';

const POLL_INTERVAL_MS = 500;
const STOP_GRACE_MS = 60_000;

/**
 * Neo4j 5 reaches into JDK internals (direct buffers, native file access, Netty); without these
 * it still runs on Java 17 but logs warnings and loses native I/O hints.
 */
const JVM_MODULE_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export async function startNeo4j(
  opts: LauncherOptions = {},
): Promise<{ started: boolean; uri: string }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const env = opts.env ?? process.env;
  const config = loadConfig(env);
  const { uri } = config.neo4j;
  const target = boltTarget(uri);

  // The driver is only let near programs that speak Bolt: against one that accepts connections
  // and stays silent it leaves a socket open that keeps this process alive. TLS endpoints cannot
  // be pre-checked in plain text, so they go to the driver directly.
  const listener = target.encrypted
    ? undefined
    : await boltListener(target.host, target.port, 2000);
  const probe: Probe =
    listener === undefined || listener.kind === 'bolt'
      ? await probeBolt(config.neo4j, 3000)
      : { kind: 'silent', message: listener.detail };
  if (probe.kind === 'ok') {
    log(`Neo4j already answers at ${uri}; nothing to do`);
    return { started: false, uri };
  }
  if (probe.kind === 'rejected') {
    throw new Neo4jLauncherError(
      `Neo4j answers at ${uri} but rejects the credentials of user "${config.neo4j.user}" ` +
        `(${probe.message}). Check NEO4J_USER and NEO4J_PASSWORD; an instance started by this ` +
        `launcher takes the configured password on its next start (npm run db:stop, then npm run db:start).`,
    );
  }

  if (!isLoopback(target.host)) {
    throw new Neo4jLauncherError(
      `The external database at ${uri} is not reachable (${probe.message}). ` +
        'npm run db:start only starts local instances (127.0.0.1, localhost, ::1); ' +
        'start that database yourself or point NEO4J_URI at a local address.',
    );
  }

  const { dataDir } = config.launcher;
  const pidFile = path.join(dataDir, 'neo4j.pid');
  const previous = readPidFile(pidFile);
  if (previous !== undefined) {
    if (previous.pid !== undefined && isLauncherAlive(previous.pid)) {
      throw new Neo4jLauncherError(
        `A Neo4j started by this launcher is running (pid ${previous.pid}) but does not answer at ` +
          `${uri} (${probe.message}); if it is not still starting, run npm run db:stop`,
      );
    }
    fs.rmSync(pidFile, { force: true });
    log(`Removed stale pid file ${pidFile} (${previous.raw || 'empty'}: process not running)`);
  }

  const portTaken =
    listener === undefined
      ? await acceptsTcp(target.host, target.port, 1000)
      : listener.kind !== 'nothing';
  if (portTaken) {
    throw new Neo4jLauncherError(
      `Port ${target.port} on ${target.host} is in use by another program that is not a Neo4j ` +
        `answering at ${uri} (${probe.message}); stop it or choose another port via NEO4J_URI`,
    );
  }
  if (target.encrypted) {
    throw new Neo4jLauncherError(
      `NEO4J_URI ${uri} asks for TLS, but the local instance speaks plain Bolt; use bolt:// or neo4j://`,
    );
  }
  if (config.neo4j.user !== LAUNCHER_USER) {
    throw new Neo4jLauncherError(
      `NEO4J_USER is "${config.neo4j.user}", but a local instance started by this launcher only ` +
        `has the user "${LAUNCHER_USER}"; unset NEO4J_USER or set it to ${LAUNCHER_USER}`,
    );
  }

  const startedAt = Date.now();
  const classpath = await ensureLauncherBuilt(log, env);
  return launch(config, target, classpath, pidFile, log, env, startedAt);
}

export async function stopNeo4j(opts: LauncherOptions = {}): Promise<{ stopped: boolean }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const config = loadConfig(opts.env ?? process.env);
  const pidFile = path.join(config.launcher.dataDir, 'neo4j.pid');

  const recorded = readPidFile(pidFile);
  if (recorded === undefined) {
    log(`No Neo4j started by this launcher is running (no pid file at ${pidFile})`);
    return { stopped: false };
  }
  const { pid } = recorded;
  if (pid === undefined || !isLauncherAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    log(`No Neo4j started by this launcher is running; removed stale pid file ${pidFile}`);
    return { stopped: false };
  }

  log(`Stopping Neo4j (pid ${pid})…`);
  const startedAt = Date.now();
  const forced = await terminate(pid, STOP_GRACE_MS, log);
  removePidFileIfOurs(pidFile, pid);
  log(
    forced
      ? `Neo4j (pid ${pid}) was killed; it recovers its store on the next start`
      : `Neo4j (pid ${pid}) stopped in ${seconds(Date.now() - startedAt)}`,
  );
  return { stopped: true };
}

interface BoltTarget {
  host: string;
  port: number;
  encrypted: boolean;
}

function boltTarget(uri: string): BoltTarget {
  // loadConfig has validated the URI already.
  const url = new URL(uri);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 7687 : Number(url.port),
    encrypted: url.protocol.includes('+s'),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

type Probe =
  | { kind: 'ok'; agent: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'silent'; message: string };

/** Asks the server for its identity with the configured credentials; never throws. */
async function probeBolt(cfg: Neo4jConfig, timeoutMs: number): Promise<Probe> {
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

type Listener = { kind: 'bolt' } | { kind: 'other' | 'nothing'; detail: string };

/** What listens on host:port: a Bolt server, some other program, or nothing at all. */
function boltListener(host: string, port: number, timeoutMs: number): Promise<Listener> {
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

function acceptsTcp(host: string, port: number, timeoutMs: number): Promise<boolean> {
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

interface PidFile {
  raw: string;
  pid: number | undefined;
}

function readPidFile(file: string): PidFile | undefined {
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

function removePidFileIfOurs(file: string, pid: number): void {
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
function isLauncherAlive(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

/** SIGTERM, then SIGKILL once the grace period is over; true when it had to kill. */
async function terminate(
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

/**
 * Returns the classpath of the launcher, running Maven only when the build is missing or older
 * than its sources: a built launcher starts without Maven and therefore without network.
 */
async function ensureLauncherBuilt(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const fresh = freshClasspath();
  if (fresh) return fresh;

  log(
    'Building the Neo4j launcher with Maven (the first build downloads Neo4j from Maven Central ' +
      'and may take a few minutes)…',
  );
  const startedAt = Date.now();
  const { code, output, spawnError } = await run(
    'mvn',
    ['-B', '-q', '-f', POM, 'package'],
    REPO_ROOT,
    env,
  );
  if (spawnError) {
    throw new Neo4jLauncherError(
      `Could not run Maven (${spawnError.message}). The local Neo4j needs Maven 3.8+ and a JDK 17+ on PATH.`,
    );
  }
  if (code !== 0) {
    throw new Neo4jLauncherError(
      `Building the Neo4j launcher failed (mvn exit code ${code}):\n${output.trim()}\n` +
        `Hint: run "mvn -B -f launcher/pom.xml package" to see the whole build; the first build ` +
        'needs Maven Central (check the network or the proxy in ~/.m2/settings.xml).',
    );
  }
  // Maven leaves unchanged outputs untouched, which would make them look stale forever.
  const now = new Date();
  for (const output of [CLASS_FILE, CLASSPATH_FILE]) fs.utimesSync(output, now, now);
  log(`Built the Neo4j launcher in ${seconds(Date.now() - startedAt)}`);

  const built = freshClasspath();
  if (!built) {
    throw new Neo4jLauncherError(
      `Maven succeeded but ${CLASS_FILE} or a jar listed in ${CLASSPATH_FILE} is missing`,
    );
  }
  return built;
}

function freshClasspath(): string[] | undefined {
  const mtime = (file: string) => {
    try {
      return fs.statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
  };
  const outputs = [mtime(CLASS_FILE), mtime(CLASSPATH_FILE)];
  const inputs = [mtime(POM), mtime(SOURCE)];
  if (outputs.some((t) => t === undefined)) return undefined;
  const oldestOutput = Math.min(...(outputs as number[]));
  if (inputs.some((t) => t !== undefined && t > oldestOutput)) return undefined;

  const jars = fs
    .readFileSync(CLASSPATH_FILE, 'utf8')
    .trim()
    .split(path.delimiter)
    .filter((entry) => entry !== '');
  if (jars.length === 0 || !jars.every((jar) => fs.existsSync(jar))) return undefined;
  return jars;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string; spawnError?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (spawnError) => resolve({ code: null, output, spawnError }));
    child.once('close', (code) => resolve({ code, output: stripAnsi(output) }));
  });
}

async function launch(
  config: AppConfig,
  target: BoltTarget,
  classpath: string[],
  pidFile: string,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv,
  startedAt: number,
): Promise<{ started: boolean; uri: string }> {
  const { uri } = config.neo4j;
  const { dataDir, heap, pageCache, startTimeoutSeconds } = config.launcher;
  const logsDir = path.join(dataDir, 'logs');
  const logFile = path.join(logsDir, 'launcher.log');
  fs.mkdirSync(logsDir, { recursive: true });

  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // Java 17 still derives the default charset from the locale; German names must survive.
    '-Dfile.encoding=UTF-8',
    ...JVM_MODULE_FLAGS,
    '-cp',
    [CLASSES_DIR, ...classpath].join(path.delimiter),
    MAIN_CLASS,
    '--home',
    dataDir,
    '--host',
    target.host === 'localhost' ? '127.0.0.1' : target.host,
    '--port',
    String(target.port),
    '--pagecache',
    pageCache,
  ];

  // Appending keeps the output of earlier runs for post-mortems; this run starts at logOffset.
  fs.appendFileSync(logFile, `=== ${new Date().toISOString()} starting Neo4j for ${uri}\n`);
  const logOffset = fs.statSync(logFile).size;
  const fd = fs.openSync(logFile, 'a');
  // Filled in by the child's events while the loop below polls.
  const child: { exit?: LauncherExit; exited?: Promise<void> } = {};
  let pid: number | undefined;
  try {
    const proc = spawn(java, args, {
      cwd: dataDir,
      detached: true,
      stdio: ['ignore', fd, fd],
      env: { ...env, NEO4J_PASSWORD: config.neo4j.password },
    });
    child.exited = new Promise((resolve) => {
      proc.once('error', (error) => {
        child.exit ??= { code: null, signal: null, error };
        resolve();
      });
      proc.once('exit', (code, signal) => {
        child.exit ??= { code, signal };
        resolve();
      });
    });
    pid = proc.pid;
    // Neo4j outlives this process (the CLI returns once it answers).
    proc.unref();
  } finally {
    fs.closeSync(fd);
  }

  if (pid === undefined) {
    await child.exited;
    throw new Neo4jLauncherError(
      `Could not run ${java} (${child.exit?.error?.message ?? 'unknown error'}). ` +
        'The local Neo4j needs a JDK 17+ on PATH or in JAVA_HOME.',
    );
  }
  try {
    // "wx" makes two concurrent starts collide here instead of both believing they own Neo4j.
    fs.writeFileSync(pidFile, `${pid}\n`, { flag: 'wx' });
  } catch (error) {
    await terminate(pid, 15_000, log);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Neo4jLauncherError(
        `Another npm run db:start is starting Neo4j in ${dataDir} at the same time; let it finish`,
      );
    }
    throw error;
  }
  log(`Starting Neo4j (pid ${pid}); output goes to ${logFile}`);

  const deadline = Date.now() + startTimeoutSeconds * 1000;
  let lastProbe = 'the launcher has not reported ready yet';
  for (;;) {
    if (child.exit) {
      removePidFileIfOurs(pidFile, pid);
      throw launcherExitError(child.exit, logFile, logOffset);
    }
    // Probing before the launcher has set the password would count as failed logins.
    if (readSince(logFile, logOffset).includes(READY_MARKER)) {
      const probe = await probeBolt(config.neo4j, 2000);
      if (probe.kind === 'ok') break;
      lastProbe = probe.message;
      if (probe.kind === 'rejected') {
        await terminate(pid, 15_000, log);
        removePidFileIfOurs(pidFile, pid);
        throw new Neo4jLauncherError(
          `Neo4j started but rejects the configured credentials (${probe.message})`,
        );
      }
    }
    if (Date.now() > deadline) {
      log(`Neo4j did not answer within ${startTimeoutSeconds} s; stopping it`);
      await terminate(pid, 15_000, log);
      removePidFileIfOurs(pidFile, pid);
      throw new Neo4jLauncherError(
        `Neo4j did not answer at ${uri} within ${startTimeoutSeconds} s (NEO4J_START_TIMEOUT; ` +
          `last attempt: ${lastProbe}). Last lines of ${logFile}:\n${tail(logFile, logOffset, 20)}`,
      );
    }
    await Promise.race([sleep(POLL_INTERVAL_MS), child.exited]);
  }

  log(`Neo4j is ready at ${uri} (pid ${pid}, started in ${seconds(Date.now() - startedAt)})`);
  return { started: true, uri };
}

interface LauncherExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

function launcherExitError(
  exit: LauncherExit,
  logFile: string,
  logOffset: number,
): Neo4jLauncherError {
  if (exit.error) {
    return new Neo4jLauncherError(`Could not run java: ${exit.error.message}`);
  }
  const lastLines = tail(logFile, logOffset, 20);
  const clear = lastLines
    .split('\n')
    .reverse()
    .find((line) => line.startsWith(FAILURE_PREFIX))
    ?.slice(FAILURE_PREFIX.length);
  // Exit codes 3 and 4 are the launcher's expected failures (busy port, locked store).
  if (clear && (exit.code === 3 || exit.code === 4)) {
    return new Neo4jLauncherError(clear, exit.code);
  }
  if (exit.code === 0) {
    // The launcher exits 0 only after a SIGTERM, i.e. an `npm run db:stop` during the start.
    return new Neo4jLauncherError('Neo4j was stopped while it was starting (SIGTERM)', 0);
  }
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  return new Neo4jLauncherError(
    `Neo4j ended during start (${how})${clear ? `: ${clear}` : ''}. ` +
      `Last lines of ${logFile}:\n${lastLines}`,
    exit.code ?? undefined,
  );
}

function readSince(file: string, offset: number): string {
  try {
    const buffer = fs.readFileSync(file);
    return buffer.subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function tail(file: string, offset: number, lines: number): string {
  return readSince(file, offset).trimEnd().split('\n').slice(-lines).join('\n');
}

function stripAnsi(text: string): string {
  // Debian's Maven colours its output even in batch mode.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
