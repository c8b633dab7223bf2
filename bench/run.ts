import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench`: the import bench, the API bench and the export bench, each in its own process
 * and each with the command-line arguments (`npm run bench -- --cities 500` sizes every
 * synthetic graph).
 */
for (const file of ['import.bench.js', 'api.bench.js', 'export.bench.js']) {
  const { status } = spawnSync(
    process.execPath,
    [path.join(__dirname, file), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (status !== 0) process.exit(status ?? 1);
}
