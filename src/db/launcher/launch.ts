import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config';
import { probeBolt, type BoltTarget } from './bolt-probe';
import { Neo4jLauncherError } from './error';
import { CLASSES_DIR, MAIN_CLASS, type PluginJars } from './maven-build';
import { removePidFileIfOurs, terminate } from './pid-file';
import { seconds, sleep } from './util';

/** Printed by Neo4jLauncher.java once Bolt is up and the password is set. */
const READY_MARKER = 'KOMMUNALGRAPH_NEO4J_READY';
/** Prefix of the one-line failure message Neo4jLauncher.java writes to stderr. */
const FAILURE_PREFIX = 'neo4j-launcher: ';

const POLL_INTERVAL_MS = 500;

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

export async function launch(
  config: AppConfig,
  target: BoltTarget,
  classpath: string[],
  pidFile: string,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv,
  startedAt: number,
  plugins?: PluginJars,
): Promise<{ started: boolean; uri: string }> {
  const { uri } = config.neo4j;
  const {
    dataDir,
    heap,
    pageCache,
    transactionMemory,
    startTimeoutSeconds,
    transactionTimeoutSeconds,
  } = config.launcher;
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
    [CLASSES_DIR, ...classpath, ...(plugins?.jars ?? [])].join(path.delimiter),
    MAIN_CLASS,
    '--home',
    dataDir,
    '--host',
    target.host === 'localhost' ? '127.0.0.1' : target.host,
    '--port',
    String(target.port),
    '--pagecache',
    pageCache,
    '--transaction-timeout',
    String(transactionTimeoutSeconds),
    '--transaction-memory',
    transactionMemory,
    ...(plugins ? ['--plugins', plugins.dir] : []),
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
  const withPlugins = plugins ? ` with ${config.launcher.plugins.join(', ')}` : '';
  log(`Starting Neo4j${withPlugins} (pid ${pid}); output goes to ${logFile}`);

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
