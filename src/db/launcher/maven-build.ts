import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../config';
import { Neo4jLauncherError } from './error';
import { seconds } from './util';

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
export const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
const CLASS_FILE = path.join(CLASSES_DIR, 'kommunalgraph', 'Neo4jLauncher.class');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
export const MAIN_CLASS = 'kommunalgraph.Neo4jLauncher';

/**
 * Returns the classpath of the launcher, running Maven only when the build is missing or older
 * than its sources: a built launcher starts without Maven and therefore without network.
 */
export async function ensureLauncherBuilt(
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

function stripAnsi(text: string): string {
  // Debian's Maven colours its output even in batch mode.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
