import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { BEGIN, END, renderModelTables } from '../model/model-doc';

/** Rewrites the generated model tables in README.md. */
const readme = path.join(REPO_ROOT, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start < 0 || end < 0) {
  console.error(`README.md has no ${BEGIN} … ${END} section`);
  process.exit(1);
}
fs.writeFileSync(readme, text.slice(0, start) + renderModelTables() + text.slice(end + END.length));
console.log('README.md model tables updated');
