import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { printAppSchema } from '../server/schema';
import { runCli } from './run-cli';

/** Writes the GraphQL contract to schema/schema.graphql. */
runCli(async () => {
  const file = path.join(REPO_ROOT, 'schema', 'schema.graphql');
  fs.writeFileSync(file, await printAppSchema());
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
});
