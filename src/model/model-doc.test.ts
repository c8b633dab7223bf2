import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { BEGIN, END, renderModelTables } from './model-doc';

/** Prettier pads table columns; compare the content, not the padding. */
const squash = (text: string) =>
  text.replace(/ +/g, ' ').replace(/-{3,}/g, '---').replace(/\| /g, '|').replace(/ \|/g, '|');

describe('README model tables', () => {
  it('match the model (run `npm run docs:model` after changing src/model/model.ts)', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
    expect(squash(section)).toBe(squash(renderModelTables()));
  });
});
