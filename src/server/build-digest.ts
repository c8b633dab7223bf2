import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(js|ts)$/.test(entry.name) && !/\.test\.(js|ts)$/.test(entry.name) ? [full] : [];
  });
}

/**
 * A digest of the running code (`src/` under ts-jest, `dist/src/` when built) and of what else
 * shapes answers (the printed schema, the JSON-LD context). It goes into every ETag, so a deploy
 * that changes how answers look gets new ETags even when the data did not change, while replicas
 * of one build agree. Hashing the few hundred kilobytes takes milliseconds, once at start.
 */
export function buildDigest(extra: readonly string[]): string {
  const root = path.resolve(__dirname, '..');
  const hash = createHash('sha256');
  for (const file of sourceFiles(root).sort()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  for (const text of extra) hash.update(text).update('\0');
  return hash.digest('hex').slice(0, 16);
}
