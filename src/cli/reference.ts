import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { formatCounts } from '../seed/import';
import { importReference, REFERENCE_DATASET } from '../reference/import';
import { deleteDataset } from '../seed/seed.repository';
import { runCli } from './run-cli';

const USAGE = `usage: npm run reference [-- --remove]
  imports the 16 Länder and 401 Kreise and kreisfreie Städte of landkreise-deutschland
  (Destatis, Gebietsstand 31.12.2018, CC BY 4.0) as the dataset "reference", in one transaction
  --remove   deletes the dataset "reference" instead (nodes of other datasets stay)`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const remove = argv.length === 1 && argv[0] === '--remove';
  if (argv.length > 0 && !remove) {
    console.error(`unknown argument(s): ${argv.join(' ')}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    if (remove) {
      await deleteDataset(db, REFERENCE_DATASET);
      console.log(`removed the dataset "${REFERENCE_DATASET}" from ${config.neo4j.uri}`);
      return 0;
    }
    const started = Date.now();
    const result = await importReference(db, { log: (line) => console.log(line) });
    console.log(formatCounts(result.counts));
    if (result.reusedNodes.length > 0) {
      console.log(
        `left alone (owned by another dataset, linked to): ${result.reusedNodes.join(', ')}`,
      );
    }
    const linked = Object.entries(result.linkedCities);
    if (linked.length > 0) {
      console.log(
        `cities placed in their Kreis by their AGS: ${linked.map(([city, kreis]) => `${city} → ${kreis}`).join(', ')}`,
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
