import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { formatBasisCounts, formatCounts, importSeeds, validateSeeds } from '../seed/import';
import { runCli } from './run-cli';

const USAGE = `usage: npm run seed [-- --check]
  (no flag)  validate every seed file and import them into Neo4j: staged, then switched live
             in one transaction (README "Importing at scale")
  --check    validate only; the database is not contacted`;

async function main(argv: string[]): Promise<number> {
  const args = new Set(argv);
  if (args.has('--help') || args.has('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = [...args].filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument(s): ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const { seedDir, documentsDir } = config.seed;
  if (args.has('--check')) {
    const summary = validateSeeds(seedDir, documentsDir);
    const externals =
      summary.externals > 0
        ? ` (and ${summary.externals} external entities, not looked up without the database)`
        : '';
    console.log(
      `seeds are valid: ${summary.entities} entities, ${summary.relations} relations${externals}`,
    );
    console.log(formatBasisCounts(summary.basis));
    return 0;
  }
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    const started = Date.now();
    const result = await importSeeds(db, {
      seedDir,
      documentsDir,
      log: (line) => console.log(line),
    });
    console.log(formatCounts(result.counts));
    if (result.deletedNodes + result.deletedRelationships > 0) {
      console.log(
        `removed ${result.deletedNodes} node(s) and ${result.deletedRelationships} relationship(s) no longer in the seeds`,
      );
    }
    console.log(`imported into ${config.neo4j.uri} in ${Date.now() - started} ms`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(() => main(process.argv.slice(2)));
