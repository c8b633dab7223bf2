import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FixtureDirs } from './fixtures';

/**
 * Two versions of a small NDJSON seed set for the tests of the staged import, all under one id
 * prefix. Per town: the town, its council (status ACTIVE), and its chair holding the post since
 * a day. Version B differs from A in every way an import can: the council of town 1 is COMPLETED
 * (a changed node), the post in town 3 has another title (a changed relationship), the chair of
 * town 2 and their post are gone (stale), and `extra` towns are new.
 */
export interface StagedVersion {
  /** Towns 0 … towns-1 exist in both versions. */
  towns: number;
  version: 'A' | 'B';
  /** New towns B adds (default 4). */
  extra?: number;
}

export function townName(prefix: string, i: number): string {
  return `Ort ${prefix} ${i}`;
}

export function stagedSeeds(prefix: string, v: StagedVersion): string {
  const p = prefix;
  const doc = `${p}-doc`;
  const lines: unknown[] = [
    { document: doc },
    {
      entity: {
        type: 'SourceDocument',
        id: doc,
        title: `Chronik ${p}`,
        kind: 'PRESS_RELEASE',
        language: 'de',
        file: `${doc}.txt`,
        cite: [`Chronik ${p}`],
      },
    },
  ];
  const total = v.towns + (v.version === 'B' ? (v.extra ?? 4) : 0);
  for (let i = 0; i < total; i += 1) {
    const town = townName(p, i);
    const council = `Rat der Gemeinde ${town}`;
    const chair = `Chair ${p} ${i}`;
    lines.push(
      {
        entity: {
          type: 'City',
          id: `${p}-town-${i}`,
          name: town,
          agsNote: 'A test town: no source states its key.',
          cite: [`Die Gemeinde ${town} hat einen Rat.`],
        },
      },
      {
        entity: {
          type: 'OrgUnit',
          id: `${p}-council-${i}`,
          name: council,
          kind: 'COUNCIL',
          status: v.version === 'B' && i === 1 ? 'COMPLETED' : 'ACTIVE',
          cite: [`Die Gemeinde ${town} hat einen Rat.`],
        },
      },
      {
        relation: {
          from: `${p}-council-${i}`,
          type: 'BELONGS_TO',
          to: `${p}-town-${i}`,
          // "einen Rat" stands for the council, whose full name the sentence does not write.
          cite: [
            {
              quote: `Die Gemeinde ${town} hat einen Rat.`,
              mentions: { [`${p}-council-${i}`]: 'einen Rat' },
            },
          ],
        },
      },
    );
    if (v.version === 'B' && i === 2) continue;
    lines.push(
      {
        entity: {
          type: 'Person',
          id: `${p}-chair-${i}`,
          name: chair,
          cite: [`${chair} leitet seit dem 1. März 2020 den ${council}.`],
        },
      },
      {
        relation: {
          from: `${p}-chair-${i}`,
          type: 'HOLDS_POST',
          to: `${p}-council-${i}`,
          roleTitle: v.version === 'B' && i === 3 ? 'Ratsvorsitz' : 'Vorsitz',
          role: 'HEAD',
          since: '2020-03-01',
          cite: [`${chair} leitet seit dem 1. März 2020 den ${council}.`],
        },
      },
    );
  }
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

/** The document every quote of both versions comes from (all towns either version has). */
export function stagedDocument(prefix: string, towns: number): string {
  const out = [`Chronik ${prefix}`];
  for (let i = 0; i < towns; i += 1) {
    const town = townName(prefix, i);
    out.push(
      `Die Gemeinde ${town} hat einen Rat.`,
      `Chair ${prefix} ${i} leitet seit dem 1. März 2020 den Rat der Gemeinde ${town}.`,
    );
  }
  return out.join('\n');
}

/** A temp seed directory whose one seed file can be switched between the versions. */
export interface StagedDirs extends FixtureDirs {
  /** Writes the version's seed file (the same file, as an editor would). */
  use(version: 'A' | 'B'): void;
}

export function writeStaged(prefix: string, towns: number, extra = 4): StagedDirs {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `kg-staged-${prefix}-`));
  const seedDir = path.join(root, 'seeds');
  const documentsDir = path.join(root, 'documents');
  fs.mkdirSync(seedDir);
  fs.mkdirSync(documentsDir);
  fs.writeFileSync(
    path.join(documentsDir, `${prefix}-doc.txt`),
    stagedDocument(prefix, towns + extra),
  );
  const use = (version: 'A' | 'B') =>
    fs.writeFileSync(
      path.join(seedDir, 'towns.ndjson'),
      stagedSeeds(prefix, { towns, version, extra }),
    );
  use('A');
  return {
    seedDir,
    documentsDir,
    use,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
