import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from './node-flags';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the API server’s Node flags', () => {
  it('are the same for npm start and the Docker image', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts
      .start;
    expect(start).toContain(`exec node ${SERVER_NODE_FLAGS.join(' ')} dist/src/cli/start.js`);
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'));
    expect(JSON.parse(cmd![1]!)).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/src/cli/start.js']);
  });
});
