import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { formatCounts } from '../seed/import';
import { importReference } from '../reference/import';
import { runCli } from './run-cli';

const USAGE = `usage: npm run reference
  imports the 16 Länder and 401 Kreise and kreisfreie Städte of landkreise-deutschland
  (Destatis, Gebietsstand 31.12.2018, CC BY 4.0) as the dataset "reference", in one transaction`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    console.error(`unknown argument(s): ${argv.join(' ')}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    const started = Date.now();
    const result = await importReference(db, { log: (line) => console.log(line) });
    console.log(formatCounts(result.counts));
    if (result.reusedNodes.length > 0) {
      console.log(
        `left alone (owned by another dataset, linked to): ${result.reusedNodes.join(', ')}`,
      );
    }
    if (result.deletedNodes + result.deletedRelationships > 0) {
      console.log(
        `removed ${result.deletedNodes} node(s) and ${result.deletedRelationships} relationship(s) no longer in the reference data`,
      );
    }
    console.log(`imported into ${config.neo4j.uri} in ${Date.now() - started} ms`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(() => main(process.argv.slice(2)));
