import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench`: the import bench, the API bench, the Bolt decoding bench (one large record,
 * as the driver decodes it and with its pieces joined), the idle-gap bench (what a moment of
 * idleness costs the next small request), the HTTP stack bench (latency and server CPU of a bare
 * request: ours, Apollo's standalone server, a plain node:http server), the export bench, the
 * load bench, the explorer bench (bundle size and page load times in Chromium), the credentials
 * bench and the national import bench, each in its own process and each with the command-line
 * arguments (`npm run bench -- --cities 500` sizes every synthetic graph, `--scale 0.1` the
 * national one). A first argument naming one of them runs only that one
 * (`npm run bench -- load --duration 5`). The API bench times @neo4j/graphql beside ours, which
 * needs a database with APOC (`NEO4J_PLUGINS=apoc npm run db:start`); `--no-peer` leaves it out.
 * The national bench imports about 900,000 elements (README "Importing at scale" for the settings
 * it needs); `--no-national` leaves it out.
 */
const BENCHES = [
  'import',
  'api',
  'bolt-decode',
  'idle-gap',
  'http-stack',
  'export',
  'load',
  'explorer',
  'auth',
  'national',
];
const [first, ...rest] = process.argv.slice(2);
const only = first !== undefined && BENCHES.includes(first);
const all = process.argv.slice(2);
const chosen = only
  ? [first]
  : BENCHES.filter((name) => !(name === 'national' && all.includes('--no-national')));
for (const name of chosen) {
  const { status } = spawnSync(
    process.execPath,
    [path.join(__dirname, `${name}.bench.js`), ...(only ? rest : all)],
    { stdio: 'inherit' },
  );
  if (status !== 0) process.exit(status ?? 1);
}
