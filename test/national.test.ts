import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeNationalSeeds } from '../bench/national';
import { validateSeeds } from '../src/seed/import';

/** The national generator at a small scale: deterministic, and seeds the validator accepts. */
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-national-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function generate(name: string, seed: number) {
  const seedDir = path.join(root, name, 'seeds');
  const documentsDir = path.join(root, name, 'documents');
  const stats = writeNationalSeeds(seedDir, documentsDir, { seed, scale: 0.01 });
  return { seedDir, documentsDir, stats };
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
}

describe('the national generator', () => {
  it('writes the same files for the same seed, other files for another', () => {
    const a = generate('a', 7);
    const b = generate('b', 7);
    const c = generate('c', 8);
    expect(contents(b.seedDir)).toEqual(contents(a.seedDir));
    expect(contents(b.documentsDir)).toEqual(contents(a.documentsDir));
    expect(contents(c.seedDir)).not.toEqual(contents(a.seedDir));
    // Every Kreis has a municipality, whatever the scale; kreisfreie Städte exactly one.
    expect(a.stats.municipalities).toBeGreaterThanOrEqual(401);
    expect(a.stats.externals).toBe(16 + 401);
    expect(a.stats.files).toBe(18);
  });

  it('writes seeds that pass every check, quotes and support included', () => {
    const { seedDir, documentsDir, stats } = generate('valid', 1);
    const summary = validateSeeds(seedDir, documentsDir);
    expect(summary.entities).toBe(stats.entities);
    expect(summary.relations).toBe(stats.relations);
    expect(summary.externals).toBe(417);
    // Only the municipalities' places in their Kreise are inferred.
    expect(summary.basis.INFERRED).toBe(stats.municipalities);
    expect(summary.basis.STATED).toBe(stats.elements - stats.municipalities);
  });
});
