import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/** A tiny document the fixture seeds quote from. */
export const FIXTURE_TEXT = `Testhausen richtet Stabsstelle ein
Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.
Leiterin der Stabsstelle ist seit dem 1. Juni 2019 Erika Muster.
Die Stabsstelle kümmert sich um Wohnen, Pflege und Beteiligung.`;

/** A valid seed set: one document, a city, a council, a unit, a person and a theme. */
export function fixtureSeeds(prefix: string): Record<string, string> {
  const p = prefix;
  return {
    'sources.yaml': `
entities:
  - type: SourceDocument
    id: ${p}-doc
    title: Testhausen richtet Stabsstelle ein
    kind: PRESS_RELEASE
    language: de
    file: ${p}-doc.txt
    cite:
      - { doc: ${p}-doc, quote: Testhausen richtet Stabsstelle ein }
`,
    'facts.yaml': `
document: ${p}-doc
entities:
  - type: City
    id: ${p}-testhausen
    name: Testhausen
    ags: '${agsFor(p)}'
    cite: [Der Rat der Stadt Testhausen]
  - type: OrgUnit
    id: ${p}-rat
    name: Rat der Stadt Testhausen
    kind: COUNCIL
    cite: [Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.]
  - type: OrgUnit
    id: ${p}-stabsstelle
    name: Stabsstelle für Senioren
    kind: STAFF_UNIT
    decided: 2019-05
    cite: [Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.]
  - type: Person
    id: ${p}-erika-muster
    name: Erika Muster
    cite: [Erika Muster]
  - type: Theme
    id: ${p}-housing
    labelDe: Wohnen
    labelEn: Housing
    cite: [Die Stabsstelle kümmert sich um Wohnen, Pflege und Beteiligung.]
relations:
  - from: ${p}-rat
    type: BELONGS_TO
    to: ${p}-testhausen
    cite: [Der Rat der Stadt Testhausen]
  - from: ${p}-stabsstelle
    type: BELONGS_TO
    to: ${p}-testhausen
    cite: [Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.]
  - from: ${p}-rat
    type: DECIDED
    to: ${p}-stabsstelle
    date: 2019-05
    decision: eine neue Stabsstelle für Senioren
    cite: [Der Rat der Stadt Testhausen beschloss im Mai 2019 eine neue Stabsstelle für Senioren.]
  - from: ${p}-erika-muster
    type: HOLDS_POST
    to: ${p}-stabsstelle
    roleTitle: Leiterin
    role: HEAD
    since: 2019-06-01
    cite:
      - quote: Leiterin der Stabsstelle ist seit dem 1. Juni 2019 Erika Muster.
        mentions: { ${p}-stabsstelle: Stabsstelle }
  - from: ${p}-stabsstelle
    type: ADDRESSES
    to: ${p}-housing
    cite:
      - quote: Die Stabsstelle kümmert sich um Wohnen, Pflege und Beteiligung.
        mentions: { ${p}-stabsstelle: Die Stabsstelle }
`,
  };
}

/** A distinct, syntactically valid AGS per prefix, so fixture cities never share a key. */
function agsFor(prefix: string): string {
  let hash = 0;
  for (const ch of prefix) hash = (hash * 31 + ch.charCodeAt(0)) % 1_000_000;
  return `99${String(hash).padStart(6, '0')}`;
}

export interface FixtureDirs {
  seedDir: string;
  documentsDir: string;
  cleanup: () => void;
}

/** Writes seed files and the fixture document into fresh temp directories. */
export function writeFixture(prefix: string, files: Record<string, string>): FixtureDirs {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `kg-${prefix}-`));
  const seedDir = path.join(root, 'seeds');
  const documentsDir = path.join(root, 'documents');
  fs.mkdirSync(seedDir);
  fs.mkdirSync(documentsDir);
  fs.writeFileSync(path.join(documentsDir, `${prefix}-doc.txt`), FIXTURE_TEXT);
  for (const [name, text] of Object.entries(files))
    fs.writeFileSync(path.join(seedDir, name), text);
  return {
    seedDir,
    documentsDir,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** The YAML fixture written as NDJSON: the same entries, one a line, the defaults first. */
export function asNdjson(yamlText: string): string {
  const doc = parse(yamlText) as {
    document?: string;
    basis?: string;
    entities?: unknown[];
    relations?: unknown[];
  };
  const lines: unknown[] = [];
  const defaults = {
    ...(doc.document ? { document: doc.document } : {}),
    ...(doc.basis ? { basis: doc.basis } : {}),
  };
  if (Object.keys(defaults).length > 0) lines.push(defaults);
  for (const entity of doc.entities ?? []) lines.push({ entity });
  for (const relation of doc.relations ?? []) lines.push({ relation });
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

/** The fixture once as YAML and once as NDJSON, in two seed directories. */
export function fixtureBothWays(prefix: string) {
  const yaml = fixtureSeeds(prefix);
  const ndjson = Object.fromEntries(
    Object.entries(yaml).map(([name, text]) => [
      name.replace(/\.yaml$/, '.ndjson'),
      asNdjson(text),
    ]),
  );
  return { yaml: writeFixture(prefix, yaml), ndjson: writeFixture(prefix, ndjson) };
}
