import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench`: the import bench, the API bench, the export bench, the load bench and the
 * explorer bench (bundle size and page load times in Chromium) and the credentials bench, each in
 * its own process and each with the command-line arguments (`npm run bench -- --cities 500` sizes
 * every synthetic graph). A first argument naming one of them runs only that one
 * (`npm run bench -- load --duration 5`). The API bench times @neo4j/graphql beside ours, which
 * needs a database with APOC (`NEO4J_PLUGINS=apoc npm run db:start`); `--no-peer` leaves it out.
 */
const BENCHES = ['import', 'api', 'export', 'load', 'explorer', 'auth'];
const [first, ...rest] = process.argv.slice(2);
const only = first !== undefined && BENCHES.includes(first);
for (const name of only ? [first] : BENCHES) {
  const { status } = spawnSync(
    process.execPath,
    [path.join(__dirname, `${name}.bench.js`), ...(only ? rest : process.argv.slice(2))],
    { stdio: 'inherit' },
  );
  if (status !== 0) process.exit(status ?? 1);
}
