import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * A deterministic synthetic seed set in the project's own seed format: per city one press text,
 * a council, an office, a staff unit with a head, a programme participation and target
 * districts, each fact cited with a quote from the city's text. Same `cities` → same files.
 */
export interface SyntheticSize {
  cities: number;
}

// Short: the 2,000-city graph is imported in one transaction, close to the launcher's 256 MiB cap.
const SYNTHETIC = 'Synthetic.';

/** Relationship types whose generated quotes do not name both ends or the date as stated. */
const LOOSE_RELATIONS = new Set([
  'FUNDS',
  'PART_OF',
  'DECIDED',
  'ADDRESSES',
  'HOLDS_POST',
  'TARGETS',
]);

/** True for a generated fact the support check of STATED facts refuses. */
function loose(fact: { type: string; from?: string; decided?: string }): boolean {
  if (fact.from === undefined) return fact.type === 'Programme' || fact.decided !== undefined;
  if (LOOSE_RELATIONS.has(fact.type)) return true;
  // The staff unit's BELONGS_TO quote says "Die Stabsstelle"; a district's LOCATED_IN, "Nord …".
  return /-(stabsstelle|nord|sued)$/.test(fact.from);
}

const THEMES = ['ageing', 'family', 'labour-market', 'diversity'] as const;

/** A small linear congruential generator: reproducible without a dependency. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function writeSyntheticSeeds(
  seedDir: string,
  documentsDir: string,
  size: SyntheticSize,
): number {
  fs.mkdirSync(seedDir, { recursive: true });
  fs.mkdirSync(documentsDir, { recursive: true });
  const random = rng(42);
  const entities: unknown[] = [
    {
      type: 'State',
      id: 'syn-land',
      name: 'Synthland',
      ags: '99',
      cite: [{ doc: 'syn-doc-0', quote: 'Synthland' }],
    },
    {
      type: 'Organisation',
      id: 'syn-ministerium',
      name: 'Synthetisches Ministerium',
      kind: 'MINISTRY',
      cite: [{ doc: 'syn-doc-0', quote: 'Synthetisches Ministerium' }],
    },
    {
      type: 'Programme',
      id: 'syn-programm',
      name: 'Synthetisches Landesprogramm',
      level: 'STATE',
      kind: 'FUNDING_PROGRAMME',
      period: '2021/2024-12~',
      cite: [{ doc: 'syn-doc-0', quote: 'Synthetisches Landesprogramm' }],
    },
    ...THEMES.map((t) => ({
      type: 'Theme',
      id: `syn-theme-${t}`,
      labelDe: t,
      labelEn: t,
      cite: [{ doc: 'syn-doc-0', quote: 'Synthland' }],
    })),
  ];
  const relations: unknown[] = [
    {
      from: 'syn-ministerium',
      type: 'FUNDS',
      to: 'syn-programm',
      cite: [{ doc: 'syn-doc-0', quote: 'Synthetisches Ministerium' }],
    },
  ];

  for (let i = 0; i < size.cities; i += 1) {
    const n = String(i).padStart(6, '0');
    const doc = `syn-doc-${i}`;
    const city = `syn-city-${n}`;
    const name = `Synthstadt ${n}`;
    const year = 2015 + Math.floor(random() * 10);
    const month = 1 + Math.floor(random() * 12);
    const theme = THEMES[Math.floor(random() * THEMES.length)]!;
    const head = `Person ${n}`;
    const text = [
      `Pressemitteilung der Stadt ${name} in Synthland.`,
      `Der Rat der Stadt ${name} beschloss im Monat ${month} des Jahres ${year} eine Stabsstelle für das Thema ${theme}.`,
      `Die Stabsstelle ist beim Amt für Soziales der Stadt ${name} angesiedelt.`,
      `Leiterin der Stabsstelle ist ${head}.`,
      `Die Stadt ${name} nimmt am Synthetisches Landesprogramm teil, gefördert vom Synthetisches Ministerium mit bis zu ${1000 * (1 + (i % 50))} Euro pro Jahr.`,
      `Das Programm zielt auf die Stadtteile Nord ${n} und Süd ${n}.`,
      i === 0 ? 'Synthland Synthetisches Ministerium Synthetisches Landesprogramm' : '',
    ].join('\n');
    fs.writeFileSync(path.join(documentsDir, `${doc}.txt`), text);
    const q = (quote: string) => [{ doc, quote }];
    const sentence = (k: number) => text.split('\n')[k]!;
    const date = `${year}-${String(month).padStart(2, '0')}`;
    entities.push(
      {
        type: 'SourceDocument',
        id: doc,
        title: `Pressemitteilung ${name}`,
        kind: 'PRESS_RELEASE',
        language: 'de',
        file: `${doc}.txt`,
        cite: q(`Pressemitteilung der Stadt ${name}`),
      },
      {
        type: 'City',
        id: city,
        name,
        ags: `99${n}`,
        kind: 'kreisfreie Stadt',
        cite: q(sentence(0)),
      },
      {
        type: 'OrgUnit',
        id: `${city}-rat`,
        name: `Rat der Stadt ${name}`,
        kind: 'COUNCIL',
        cite: q(`Der Rat der Stadt ${name}`),
      },
      {
        type: 'OrgUnit',
        id: `${city}-amt`,
        name: 'Amt für Soziales',
        kind: 'OFFICE',
        cite: q(sentence(2)),
      },
      {
        type: 'OrgUnit',
        id: `${city}-stabsstelle`,
        name: `Stabsstelle ${theme}`,
        kind: 'STAFF_UNIT',
        decided: date,
        cite: q(sentence(1)),
      },
      { type: 'Person', id: `syn-person-${n}`, name: head, cite: q(sentence(3)) },
      { type: 'District', id: `${city}-nord`, name: `Nord ${n}`, cite: q(sentence(5)) },
      { type: 'District', id: `${city}-sued`, name: `Süd ${n}`, cite: q(sentence(5)) },
    );
    relations.push(
      { from: city, type: 'LOCATED_IN', to: 'syn-land', cite: q(sentence(0)) },
      { from: `${city}-rat`, type: 'BELONGS_TO', to: city, cite: q(`Der Rat der Stadt ${name}`) },
      { from: `${city}-amt`, type: 'BELONGS_TO', to: city, cite: q(sentence(2)) },
      { from: `${city}-stabsstelle`, type: 'BELONGS_TO', to: city, cite: q(sentence(2)) },
      { from: `${city}-stabsstelle`, type: 'PART_OF', to: `${city}-amt`, cite: q(sentence(2)) },
      {
        from: `${city}-rat`,
        type: 'DECIDED',
        to: `${city}-stabsstelle`,
        date,
        decision: 'Stabsstelle einrichten',
        cite: q(sentence(1)),
      },
      {
        from: `${city}-stabsstelle`,
        type: 'ADDRESSES',
        to: `syn-theme-${theme}`,
        cite: q(sentence(1)),
      },
      {
        from: `syn-person-${n}`,
        type: 'HOLDS_POST',
        to: `${city}-stabsstelle`,
        roleTitle: 'Leiterin',
        role: 'HEAD',
        attested: date,
        cite: q(sentence(3)),
      },
      {
        from: city,
        type: 'PARTICIPATES_IN',
        to: 'syn-programm',
        role: 'PARTICIPANT',
        id: `syn-part-${n}`,
        fundingAmount: 1000 * (1 + (i % 50)),
        fundingCurrency: 'EUR',
        fundingPer: 'P1Y',
        fundingUpTo: true,
        cite: q(sentence(4)),
      },
      { from: 'syn-programm', type: 'TARGETS', to: `${city}-nord`, cite: q(sentence(5)) },
      { from: 'syn-programm', type: 'TARGETS', to: `${city}-sued`, cite: q(sentence(5)) },
      { from: `${city}-nord`, type: 'LOCATED_IN', to: city, cite: q(sentence(5)) },
      { from: `${city}-sued`, type: 'LOCATED_IN', to: city, cite: q(sentence(5)) },
    );
  }
  // Some generated quotes name a fact only loosely ("Die Stabsstelle", "im Monat 3 des Jahres
  // 2019"), which the support check of STATED facts refuses; as the data is made up, those facts
  // say so as INFERRED ones (only those: each basis and reasoning costs transaction memory).
  // Answers do not change: reads take every basis by default.
  const marked = (fact: unknown) => {
    const f = fact as { type: string; from?: string; decided?: string };
    return loose(f) ? { ...f, basis: 'INFERRED', reasoning: SYNTHETIC } : f;
  };
  fs.writeFileSync(
    path.join(seedDir, 'synthetic.yaml'),
    stringify(
      { entities: entities.map(marked), relations: relations.map(marked) },
      { lineWidth: 0 },
    ),
  );
  return entities.length + relations.length;
}
