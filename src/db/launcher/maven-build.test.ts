import fs from 'node:fs';
import path from 'node:path';
import { apocJarName, LAUNCHER_DIR } from './maven-build';

describe('the APOC jar the apoc profile of launcher/pom.xml copies', () => {
  it('is named after <apoc.version> of the pom (APOC core 5.26.0, classifier core)', () => {
    const pom = fs.readFileSync(path.join(LAUNCHER_DIR, 'pom.xml'), 'utf8');
    expect(apocJarName(pom)).toBe('apoc-core-5.26.0-core.jar');
    expect(pom).toContain('<artifactId>apoc-core</artifactId>');
    expect(pom).toContain('<classifier>core</classifier>');
  });

  it('cannot be named when the pom sets no version', () => {
    expect(() => apocJarName('<project></project>')).toThrow('does not set <apoc.version>');
  });
});
