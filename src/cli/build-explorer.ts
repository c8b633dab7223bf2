import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { EXPLORER_DIR } from '../common/explorer';
import { runCli } from './run-cli';

/** Written by the Vite build (explorer/vite.config.ts): the repository files the bundle holds. */
export const INPUTS_FILE = '.inputs.json';
/** Written here after a build: the digest of everything the build read. */
export const DIGEST_FILE = '.build-digest';

const EXPLORER_SOURCE = path.join(REPO_ROOT, 'explorer');
const ALWAYS = [
  path.join(REPO_ROOT, 'schema', 'schema.graphql'),
  path.join(REPO_ROOT, 'package-lock.json'),
];

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesBelow(full);
    return entry.isFile() ? [full] : [];
  });
}

/**
 * The digest of what a build reads: every file under explorer/, the schema (entity pages are
 * made from it), the lock file (the bundled packages), and the other repository files the last
 * build bundled (e.g. the CSV writer of src/modules/export). A file the bundle newly imports can
 * only come in through a change to one of these.
 */
export function inputsDigest(outDir: string): string | null {
  let bundled: string[];
  try {
    bundled = (JSON.parse(fs.readFileSync(path.join(outDir, INPUTS_FILE), 'utf8')) as string[]).map(
      (file) => path.join(REPO_ROOT, file),
    );
  } catch {
    return null;
  }
  const files = [...new Set([...filesBelow(EXPLORER_SOURCE), ...ALWAYS, ...bundled])].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(REPO_ROOT, file));
    hash.update('\0');
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * `npm run build` (after tsc): builds the explorer into dist/explorer with Vite, unless the build
 * there was made from exactly the current inputs — every command that builds first (start,
 * seed, export, …) then costs no Vite run. `--force` builds regardless.
 */
runCli(async () => {
  const outDir = EXPLORER_DIR;
  const force = process.argv.includes('--force');
  const stored = fs.existsSync(path.join(outDir, DIGEST_FILE))
    ? fs.readFileSync(path.join(outDir, DIGEST_FILE), 'utf8').trim()
    : null;
  if (!force && stored !== null && fs.existsSync(path.join(outDir, 'index.html'))) {
    if (inputsDigest(outDir) === stored) return 0;
  }
  // The package exports no bin path; its manifest names it.
  const manifest = require.resolve('vite/package.json', { paths: [REPO_ROOT] });
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: { vite: string } };
  const vite = path.join(path.dirname(manifest), bin.vite);
  const config = path.join(EXPLORER_SOURCE, 'vite.config.ts');
  const { status } = spawnSync(
    process.execPath,
    [vite, 'build', '--config', config, '--logLevel', 'warn'],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  if (status !== 0) {
    console.error('the explorer build failed');
    return status ?? 1;
  }
  const digest = inputsDigest(outDir);
  if (digest) fs.writeFileSync(path.join(outDir, DIGEST_FILE), `${digest}\n`);
  return 0;
});
