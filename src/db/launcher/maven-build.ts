import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type LauncherPlugin } from '../../config';
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
/** Where the `apoc` profile of launcher/pom.xml copies APOC core. */
const PLUGINS_DIR = path.join(LAUNCHER_DIR, 'target', 'plugins');

export interface PluginJars {
  /** The folder Neo4j loads procedures from (`server.directories.plugins`). */
  dir: string;
  /** The same jars, for the launcher's classpath (extensions are found only there). */
  jars: string[];
}

/** The jar the `apoc` profile copies, named after `apoc.version` in launcher/pom.xml. */
export function apocJarName(pom: string): string {
  const version = /<apoc\.version>\s*([^<\s]+)\s*<\/apoc\.version>/.exec(pom)?.[1];
  if (!version) throw new Neo4jLauncherError(`${POM} does not set <apoc.version>`);
  return `apoc-core-${version}-core.jar`;
}

/**
 * The plugin jars for `NEO4J_PLUGINS`, running Maven's `apoc` profile when the jar of the version
 * launcher/pom.xml names is missing (once; it downloads APOC core from Maven Central). None
 * requested: undefined, and no Maven run.
 */
export async function ensurePluginsBuilt(
  plugins: readonly LauncherPlugin[],
  log: (line: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<PluginJars | undefined> {
  if (!plugins.includes('apoc')) return undefined;
  const jar = path.join(PLUGINS_DIR, apocJarName(fs.readFileSync(POM, 'utf8')));
  if (!fs.existsSync(jar)) {
    log('Fetching APOC core for NEO4J_PLUGINS=apoc with Maven (first time only)…');
    const startedAt = Date.now();
    // A jar of another APOC version would be loaded beside the wanted one.
    fs.rmSync(PLUGINS_DIR, { recursive: true, force: true });
    await runMaven(['-Papoc', 'package'], env, 'Fetching APOC core');
    if (!fs.existsSync(jar)) {
      throw new Neo4jLauncherError(`Maven's apoc profile succeeded but ${jar} is missing`);
    }
    log(`Fetched APOC core in ${seconds(Date.now() - startedAt)}`);
  }
  return { dir: PLUGINS_DIR, jars: [jar] };
}

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
  await runMaven(['package'], env, 'Building the Neo4j launcher');
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

async function runMaven(goals: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  const args = ['-B', '-q', '-f', POM, ...goals];
  const { code, output, spawnError } = await run('mvn', args, REPO_ROOT, env);
  if (spawnError) {
    throw new Neo4jLauncherError(
      `Could not run Maven (${spawnError.message}). The local Neo4j needs Maven 3.8+ and a JDK 17+ on PATH.`,
    );
  }
  if (code !== 0) {
    const shown = args.filter((arg) => arg !== '-q').join(' ');
    throw new Neo4jLauncherError(
      `${what} failed (mvn exit code ${code}):\n${output.trim()}\n` +
        `Hint: run "mvn ${shown.replace(POM, 'launcher/pom.xml')}" to see the whole build; the ` +
        'first build needs Maven Central (check the network or the proxy in ~/.m2/settings.xml).',
    );
  }
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
