import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config';
import {
  acceptsTcp,
  boltListener,
  boltTarget,
  isLoopback,
  probeBolt,
  type Probe,
} from './bolt-probe';
import { Neo4jLauncherError } from './error';
import { launch } from './launch';
import { ensureLauncherBuilt, ensurePluginsBuilt } from './maven-build';
import { isLauncherAlive, readPidFile, removePidFileIfOurs, terminate } from './pid-file';
import { seconds } from './util';

/**
 * Starts and stops the local Neo4j that `npm run db:start` provides: Neo4j Community embedded in
 * a small Java launcher (launcher/), built with Maven and run as a detached `java` process whose
 * pid lives in `<dataDir>/neo4j.pid`.
 */

export { Neo4jLauncherError } from './error';
export { LAUNCHER_DIR } from './maven-build';

export interface LauncherOptions {
  log?: (line: string) => void;
  /** The whole environment to read the configuration from (and to pass to java); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** The only user the launcher manages; see resetPassword in Neo4jLauncher.java. */
const LAUNCHER_USER = 'neo4j';

const STOP_GRACE_MS = 60_000;

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
  const plugins = await ensurePluginsBuilt(config.launcher.plugins, log, env);
  return launch(config, target, classpath, pidFile, log, env, startedAt, plugins);
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
