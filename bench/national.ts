import fs from 'node:fs';
import path from 'node:path';
import { parseDistrictLine, type DistrictRow } from '../src/reference/csv';
import { DISTRICTS_CSV } from '../src/reference/import';

/**
 * A deterministic synthetic graph of national size, as NDJSON seed files plus their plain-text
 * documents: about 11,000 municipalities in the real 401 Kreise and 16 Länder (external entities
 * `kreis-XXXXX` / `land-XX` of the reference dataset, found by AGS), 200,000 units of their
 * administrations, 100,000 people in posts, 2,000 programmes with participations and funding,
 * and 50,000 source documents whose sentences every fact quotes. Sizes are skewed as in reality:
 * the number of municipalities per Land follows the real counts (Rheinland-Pfalz 2,302, Berlin
 * 1), kreisfreie Städte are one municipality each, a city's units grow with its population
 * (Berlin-size cities have hundreds, villages three or four). Same `seed` and `scale` → the same
 * files, byte for byte.
 */
export interface NationalOptions {
  /** Seed of the random numbers (default 1). */
  seed?: number;
  /** Size factor: 1 = national, 0.1 = a tenth of the municipalities, units, people, … */
  scale?: number;
}

export interface NationalStats {
  files: number;
  documents: number;
  entities: number;
  relations: number;
  elements: number;
  municipalities: number;
  units: number;
  people: number;
  programmes: number;
  participations: number;
  /** External entities the files end relations at (the reference Länder and Kreise). */
  externals: number;
}

/** Municipalities per Land on 31.12.2018 (Destatis Gemeindeverzeichnis), by Land key. */
const MUNICIPALITIES_PER_LAND: Record<string, number> = {
  '01': 1106,
  '02': 1,
  '03': 943,
  '04': 2,
  '05': 396,
  '06': 422,
  '07': 2302,
  '08': 1101,
  '09': 2056,
  '10': 52,
  '11': 1,
  '12': 417,
  '13': 750,
  '14': 419,
  '15': 218,
  '16': 849,
};
const LAND_NAMES: Record<string, string> = {
  '01': 'Schleswig-Holstein',
  '02': 'Hamburg',
  '03': 'Niedersachsen',
  '04': 'Bremen',
  '05': 'Nordrhein-Westfalen',
  '06': 'Hessen',
  '07': 'Rheinland-Pfalz',
  '08': 'Baden-Württemberg',
  '09': 'Bayern',
  '10': 'Saarland',
  '11': 'Berlin',
  '12': 'Brandenburg',
  '13': 'Mecklenburg-Vorpommern',
  '14': 'Sachsen',
  '15': 'Sachsen-Anhalt',
  '16': 'Thüringen',
};
const TARGET = { units: 200_000, people: 100_000, programmes: 2_000, documents: 50_000 };
/** No municipality gets more units than this, however large. */
const MAX_UNITS = 900;
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const THEMES: [id: string, de: string, en: string, broader?: string][] = [
  ['alter', 'Alter', 'Ageing'],
  ['familie', 'Familie', 'Family'],
  ['arbeit', 'Arbeitsmarkt', 'Labour market'],
  ['vielfalt', 'Vielfalt', 'Diversity'],
  ['pflege', 'Pflege', 'Care', 'alter'],
  ['jugend', 'Jugend', 'Youth', 'familie'],
  ['inklusion', 'Inklusion', 'Inclusion', 'vielfalt'],
  ['integration', 'Integration', 'Integration', 'vielfalt'],
  ['wohnen', 'Wohnen', 'Housing'],
  ['quartier', 'Quartiersentwicklung', 'Neighbourhood development', 'wohnen'],
  ['gesundheit', 'Gesundheit', 'Health'],
  ['bildung', 'Bildung', 'Education', 'familie'],
];
const NAME_START = [
  'Alt',
  'Neu',
  'Ober',
  'Unter',
  'Groß',
  'Klein',
  'Hohen',
  'Nieder',
  'Wald',
  'Berg',
  'Lin',
  'Ros',
  'Fal',
  'Ham',
  'Dorn',
  'Eich',
  'Buch',
  'Stein',
  'Sand',
  'Wil',
  'Mar',
  'Hel',
  'Bre',
  'Gers',
];
const NAME_END = [
  'dorf',
  'heim',
  'hausen',
  'stedt',
  'feld',
  'bach',
  'berg',
  'burg',
  'au',
  'ingen',
  'rode',
  'hagen',
  'tal',
  'brück',
  'kirchen',
  'münde',
];
const GIVEN = [
  'Anna',
  'Paul',
  'Maria',
  'Jonas',
  'Laura',
  'Felix',
  'Sophie',
  'Lukas',
  'Hannah',
  'Tim',
  'Lea',
  'Jan',
  'Clara',
  'Ben',
  'Marie',
  'David',
  'Emma',
  'Noah',
  'Ida',
  'Elias',
];
const FAMILY = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Braun',
  'Zimmermann',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
];
const AREAS = [
  'Soziales',
  'Jugend',
  'Senioren',
  'Arbeit',
  'Integration',
  'Gesundheit',
  'Wohnen',
  'Bildung',
  'Familie',
  'Teilhabe',
  'Pflege',
  'Quartiere',
];

/** mulberry32: small, fast, and the same numbers on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;
const int = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Splits `total` over `weights` by largest remainder: the parts add up to exactly `total`. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

interface Municipality {
  ags: string;
  name: string;
  kind: string;
  population: number;
  county: DistrictRow;
  units: number;
  documents: number;
}

function readKreise(): DistrictRow[] {
  const lines = fs.readFileSync(DISTRICTS_CSV, 'utf8').split('\n');
  return lines
    .slice(1)
    .map((line, i) => [line.replace(/\r$/, ''), i + 2] as const)
    .filter(([line]) => line !== '')
    .map(([line, lineNo]) => parseDistrictLine(line, lineNo, DISTRICTS_CSV));
}

const KREISFREI = new Set(['Kreisfreie Stadt', 'Stadtkreis']);

/** The municipalities of every Kreis, with population, unit and document counts. */
function municipalities(kreise: DistrictRow[], scale: number, random: Random): Municipality[] {
  const out: Municipality[] = [];
  for (const land of Object.keys(MUNICIPALITIES_PER_LAND)) {
    const inLand = kreise.filter((k) => k.ags.startsWith(land));
    const landkreise = inLand.filter((k) => !KREISFREI.has(k.type));
    const free = inLand.length - landkreise.length;
    const wanted = Math.max(
      landkreise.length,
      Math.round((MUNICIPALITIES_PER_LAND[land]! - free) * scale),
    );
    // Every Landkreis has at least one municipality; the rest follow the area.
    const extra = apportion(
      wanted - landkreise.length,
      landkreise.map((k) => k.areaKm2),
    );
    let li = 0;
    for (const county of inLand) {
      const n = KREISFREI.has(county.type) ? 1 : 1 + extra[li++]!;
      // Zipf-like shares: a Kreis has one larger town and many villages.
      const shares = apportion(
        county.population,
        Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 1.1),
      );
      for (let i = 0; i < n; i += 1) {
        const population = Math.max(50, shares[i]!);
        // 999 downwards, so the synthetic keys never meet the real ones of the project seeds
        // (kreisfreie Städte end in 000, most towns in low numbers).
        const ags = `${county.ags}${pad(999 - i, 3)}`;
        const kind = KREISFREI.has(county.type)
          ? 'kreisfreie Stadt'
          : population > 20_000
            ? 'kreisangehörige Stadt'
            : 'Gemeinde';
        out.push({
          ags,
          name: `${pick(random, NAME_START)}${pick(random, NAME_END)}`,
          kind,
          population,
          county,
          units: 0,
          documents: 0,
        });
      }
    }
  }
  // Units grow with population, sublinearly: three for a village, hundreds for a metropolis. What
  // the cap cuts off the largest cities goes to the others, so the total stays the target.
  const extra = out.map(() => 0);
  let remaining = Math.max(0, Math.round(TARGET.units * scale) - 3 * out.length);
  let open = out.map((_, i) => i);
  while (remaining > 0 && open.length > 0) {
    const parts = apportion(
      remaining,
      open.map((i) => (out[i]!.population / 1000) ** 0.95),
    );
    remaining = 0;
    const next: number[] = [];
    open.forEach((i, k) => {
      const add = Math.min(MAX_UNITS - 3 - extra[i]!, parts[k]!);
      extra[i]! += add;
      remaining += parts[k]! - add;
      if (extra[i]! < MAX_UNITS - 3) next.push(i);
    });
    open = next;
  }
  out.forEach((m, i) => {
    m.units = 3 + extra[i]!;
  });
  const documents = apportion(
    Math.max(0, Math.round((TARGET.documents - TARGET.programmes) * scale) - out.length),
    out.map((m) => m.units),
  );
  out.forEach((m, i) => {
    m.documents = 1 + documents[i]!;
  });
  return out;
}

/** Writes NDJSON lines to a file, and the documents the lines quote. */
class Writer {
  entities = 0;
  relations = 0;
  documentsWritten = 0;
  private lines: string[] = [];
  private fd: number | null = null;

  constructor(private readonly documentsDir: string) {}

  open(file: string): void {
    this.close();
    this.fd = fs.openSync(file, 'w');
  }

  entity(value: Record<string, unknown>): void {
    this.entities += 1;
    this.push(JSON.stringify({ entity: value }));
  }

  relation(value: Record<string, unknown>): void {
    this.relations += 1;
    this.push(JSON.stringify({ relation: value }));
  }

  document(file: string, sentences: string[]): void {
    fs.writeFileSync(path.join(this.documentsDir, file), sentences.join('\n') + '\n');
    this.documentsWritten += 1;
  }

  close(): void {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= 2000) this.flush();
  }

  private flush(): void {
    if (this.fd !== null && this.lines.length > 0) {
      fs.writeSync(this.fd, this.lines.join('\n') + '\n');
    }
    this.lines = [];
  }
}

/** A source document under construction: its sentences are the quotes of the facts citing it. */
class Doc {
  readonly sentences: string[];
  constructor(
    readonly id: string,
    readonly title: string,
    readonly published: string,
  ) {
    this.sentences = [title];
  }

  /** Adds a sentence (once) and returns the citation of it. */
  quote(sentence: string): { doc: string; quote: string }[] {
    if (!this.sentences.includes(sentence)) this.sentences.push(sentence);
    return [{ doc: this.id, quote: sentence }];
  }

  entity(kind = 'PRESS_RELEASE'): Record<string, unknown> {
    return {
      type: 'SourceDocument',
      id: this.id,
      title: this.title,
      kind,
      language: 'de',
      published: this.published,
      file: `${this.id}.txt`,
      cite: [{ doc: this.id, quote: this.title }],
    };
  }
}

function day(random: Random, fromYear: number, toYear: number) {
  const year = int(random, fromYear, toYear);
  const month = int(random, 1, 12);
  const d = int(random, 1, 28);
  return {
    edtf: `${year}-${pad(month, 2)}-${pad(d, 2)}`,
    month: `${year}-${pad(month, 2)}`,
    words: `${d}. ${MONTHS[month - 1]} ${year}`,
    monthWords: `${MONTHS[month - 1]} ${year}`,
    year,
  };
}

interface Programme {
  id: string;
  name: string;
  land: string | null;
  from: number;
  to: number;
}

/**
 * Writes the national graph: NDJSON seed files into `seedDir` (`00-basis.ndjson` with the
 * external Länder and Kreise, themes and organisations; `01-programme.ndjson`; one file per Land
 * with its municipalities) and one plain-text file per source document into `documentsDir`.
 */
export function writeNationalSeeds(
  seedDir: string,
  documentsDir: string,
  options: NationalOptions = {},
): NationalStats {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`scale must be positive (got ${scale})`);
  fs.mkdirSync(seedDir, { recursive: true });
  fs.mkdirSync(documentsDir, { recursive: true });
  const random = rng(seed);
  const kreise = readKreise();
  const places = municipalities(kreise, scale, random);
  const out = new Writer(documentsDir);
  let files = 0;
  const open = (name: string) => {
    out.open(path.join(seedDir, name));
    files += 1;
  };

  // --- 00: the reference territory (external), themes, organisations
  open('00-basis.ndjson');
  for (const land of Object.keys(LAND_NAMES)) {
    out.entity({ type: 'State', id: `land-${land}`, ags: land, external: true });
  }
  for (const k of kreise)
    out.entity({ type: 'County', id: `kreis-${k.ags}`, ags: k.ags, external: true });
  const basis = new Doc(
    'nat-doc-grundlagen',
    'Grundlagen des Kommunalatlas vom 2. Januar 2024',
    '2024-01-02',
  );
  out.entity(basis.entity('WEB_PAGE'));
  for (const [id, de, en] of THEMES) {
    out.entity({
      type: 'Theme',
      id: `nat-theme-${id}`,
      labelDe: de,
      labelEn: en,
      cite: basis.quote(`Das Thema ${de} heißt auf Englisch ${en}.`),
    });
  }
  for (const [id, de, , broader] of THEMES) {
    if (!broader) continue;
    const parent = THEMES.find((t) => t[0] === broader)!;
    out.relation({
      from: `nat-theme-${id}`,
      type: 'BROADER',
      to: `nat-theme-${broader}`,
      cite: basis.quote(`Das Thema ${de} gehört zum Thema ${parent[1]}.`),
    });
  }
  const funders: { id: string; name: string; land: string | null }[] = [];
  const organisation = (
    id: string,
    name: string,
    kind: string,
    land: string | null,
    what: string,
  ) => {
    funders.push({ id, name, land });
    out.entity({ type: 'Organisation', id, name, kind, cite: basis.quote(`${name} ist ${what}.`) });
  };
  for (let i = 1; i <= 6; i += 1) {
    organisation(
      `nat-org-bund-${i}`,
      `Bundesministerium ${i} für ${AREAS[i]}`,
      'MINISTRY',
      null,
      'ein Ministerium des Bundes',
    );
  }
  for (const [land, name] of Object.entries(LAND_NAMES)) {
    organisation(
      `nat-org-land-${land}`,
      `Sozialministerium ${name}`,
      'MINISTRY',
      land,
      `das Sozialministerium des Landes ${name}`,
    );
  }
  for (let i = 1; i <= 10; i += 1) {
    organisation(
      `nat-org-stiftung-${i}`,
      `Stiftung Gemeinwohl ${i}`,
      'ASSOCIATION',
      null,
      'eine gemeinnützige Stiftung',
    );
  }
  out.document(`${basis.id}.txt`, basis.sentences);

  // --- 01: programmes, each with its own document and its funders
  open('01-programme.ndjson');
  const programmes: Programme[] = [];
  const programmeCount = Math.max(20, Math.round(TARGET.programmes * scale));
  for (let i = 0; i < programmeCount; i += 1) {
    const funder =
      i % 10 === 0
        ? pick(
            random,
            funders.filter((f) => f.land === null),
          )
        : pick(random, funders);
    const id = `nat-prog-${pad(i, 5)}`;
    const from = int(random, 2012, 2022);
    const to = from + int(random, 2, 6);
    const area = pick(random, AREAS);
    const name = `${funder.land ? 'Landesprogramm' : 'Bundesprogramm'} ${area} ${pad(i, 5)}`;
    const published = day(random, from - 1, from);
    const doc = new Doc(
      `nat-doc-prog-${pad(i, 5)}`,
      `Programmblatt ${name} vom ${published.words}`,
      published.edtf,
    );
    out.entity(doc.entity('WEB_PAGE'));
    out.entity({
      type: 'Programme',
      id,
      name,
      level: funder.land
        ? 'STATE'
        : funder.id.includes('stiftung')
          ? 'NON_GOVERNMENTAL'
          : 'FEDERAL',
      kind: pick(random, ['FUNDING_PROGRAMME', 'MODEL_PROJECT', 'PROJECT', 'STRATEGY']),
      period: `${from}/${to}`,
      cite: doc.quote(`Das Programm „${name}“ läuft von ${from} bis ${to}.`),
    });
    const amount = 10_000 * int(random, 5, 500);
    out.relation({
      from: funder.id,
      type: 'FUNDS',
      to: id,
      period: `${from}/${to}`,
      fundingAmount: amount,
      fundingCurrency: 'EUR',
      fundingPer: 'P1Y',
      fundingUpTo: true,
      cite: doc.quote(
        `${funder.name} fördert das Programm „${name}“ von ${from} bis ${to} mit bis zu ${amount} Euro pro Jahr.`,
      ),
    });
    if (i % 7 === 0) {
      const second = pick(
        random,
        funders.filter((f) => f.id !== funder.id && f.land === null),
      );
      out.relation({
        from: second.id,
        type: 'FUNDS',
        to: id,
        cite: doc.quote(`Auch ${second.name} fördert das Programm „${name}“.`),
      });
    }
    out.document(`${doc.id}.txt`, doc.sentences);
    programmes.push({ id, name, land: funder.land, from, to });
  }

  // --- one file per Land: its municipalities, units, people, participations
  let people = 0;
  let units = 0;
  let participations = 0;
  for (const land of Object.keys(LAND_NAMES)) {
    open(`land-${land}.ndjson`);
    const own = programmes.filter((p) => p.land === null || p.land === land);
    for (const m of places.filter((p) => p.ags.startsWith(land))) {
      const r = rng(seed * 100_003 + Number(m.ags));
      const counts = writeMunicipality(out, m, own, r);
      people += counts.people;
      units += m.units;
      participations += counts.participations;
    }
  }
  out.close();
  return {
    files,
    documents: out.documentsWritten,
    entities: out.entities - 16 - kreise.length,
    relations: out.relations,
    elements: out.entities - 16 - kreise.length + out.relations,
    municipalities: places.length,
    units,
    people,
    programmes: programmes.length,
    participations,
    externals: 16 + kreise.length,
  };
}

/** The share of units that have a named head: with the mayors, about 100,000 people. */
const HEADED = 0.47;

function writeMunicipality(
  out: Writer,
  m: Municipality,
  programmes: Programme[],
  random: Random,
): { people: number; participations: number } {
  const city = `nat-${m.ags}`;
  const place = m.kind === 'Gemeinde' ? `Gemeinde ${m.name}` : `Stadt ${m.name}`;
  const docs = Array.from({ length: m.documents }, (_, k) => {
    const published = day(random, 2015, 2024);
    return new Doc(
      `nat-doc-${m.ags}-${pad(k, 3)}`,
      `Amtsblatt der ${place} Nr. ${k + 1} vom ${published.words}`,
      published.edtf,
    );
  });
  const docFor = (i: number) => docs[i % docs.length]!;
  const main = docs[0]!;
  const entities: Record<string, unknown>[] = [];
  const relations: Record<string, unknown>[] = [];

  const cityQuote = main.quote(`Die ${place} hat den Gemeindeschlüssel ${m.ags}.`);
  entities.push({
    type: 'City',
    id: city,
    name: m.name,
    ags: m.ags,
    kind: m.kind,
    cite: cityQuote,
  });
  relations.push({
    from: city,
    type: 'LOCATED_IN',
    to: `kreis-${m.county.ags}`,
    basis: 'INFERRED',
    reasoning: 'the first five digits of the AGS are the Kreis key',
    cite: cityQuote,
  });

  let people = 0;
  const person = (k: number) => {
    people += 1;
    const given = pick(random, GIVEN);
    const family = pick(random, FAMILY);
    return { id: `nat-p-${m.ags}-${pad(k, 3)}`, name: `${given} ${family}`, given, family };
  };
  const mayor = person(0);
  const mayorSince = int(random, 2010, 2023);
  const mayorQuote = main.quote(
    `${mayor.name} ist seit ${mayorSince} Bürgermeisterin der ${place}.`,
  );
  entities.push({
    type: 'Person',
    id: mayor.id,
    name: mayor.name,
    givenName: mayor.given,
    familyName: mayor.family,
    cite: mayorQuote,
  });
  relations.push({
    from: mayor.id,
    type: 'HOLDS_POST',
    to: city,
    roleTitle: 'Bürgermeisterin',
    role: 'MAYOR',
    since: String(mayorSince),
    cite: mayorQuote,
  });

  // Unit 0 the council, unit 1 the administration, the rest a tree below the administration
  // (departments and staff units, then offices, then sections), six children per unit.
  const names: string[] = [];
  for (let i = 0; i < m.units; i += 1) {
    const id = `${city}-u${pad(i, 3)}`;
    const depth = i < 2 ? 0 : i < 8 ? 1 : i < 44 ? 2 : 3;
    const parent = i < 2 ? null : i < 8 ? 1 : 2 + Math.floor((i - 8) / 6);
    const area = AREAS[i % AREAS.length]!;
    const kind =
      i === 0
        ? 'COUNCIL'
        : i === 1
          ? 'ADMINISTRATION'
          : depth === 1
            ? i % 3 === 0
              ? 'STAFF_UNIT'
              : 'DEPARTMENT'
            : depth === 2
              ? 'OFFICE'
              : pick(random, ['SECTION', 'TEAM', 'SERVICE_POINT']);
    const name =
      i === 0
        ? `Rat der ${place}`
        : i === 1
          ? `Verwaltung der ${place}`
          : `${GERMAN_KIND[kind]} ${i} für ${area}`;
    names.push(name);
    const doc = docFor(i);
    const dated = i >= 2 && random() < 0.3;
    const established = dated ? day(random, 2000, 2024) : null;
    const quote = doc.quote(
      i < 2
        ? `${name} gehört zur ${place}.`
        : established
          ? `${name} der ${place} wurde im ${established.monthWords} eingerichtet.`
          : `${name} gehört zur Verwaltung der ${place}.`,
    );
    entities.push({
      type: 'OrgUnit',
      id,
      name,
      kind,
      ...(i >= 2 ? { germanKind: GERMAN_KIND[kind] } : {}),
      ...(established ? { established: established.month } : {}),
      cite: quote,
    });
    relations.push({ from: id, type: 'BELONGS_TO', to: city, cite: quote });
    if (parent !== null) {
      const parentName = names[parent]!;
      relations.push({
        from: id,
        type: 'PART_OF',
        to: `${city}-u${pad(parent, 3)}`,
        cite: doc.quote(`${name} ist Teil der Einheit ${parentName}.`),
      });
    }
    if (kind === 'STAFF_UNIT' || (i >= 2 && random() < 0.18)) {
      const [theme, label] = pick(random, THEMES);
      relations.push({
        from: id,
        type: 'ADDRESSES',
        to: `nat-theme-${theme}`,
        cite: doc.quote(`${name} der ${place} befasst sich mit dem Thema ${label}.`),
      });
    }
    if (i >= 1 && random() < HEADED) {
      const head = person(i + 1);
      const since = day(random, 2005, 2024);
      const q = doc.quote(`${head.name} leitet seit dem ${since.words} die Einheit ${name}.`);
      entities.push({
        type: 'Person',
        id: head.id,
        name: head.name,
        givenName: head.given,
        familyName: head.family,
        cite: q,
      });
      relations.push({
        from: head.id,
        type: 'HOLDS_POST',
        to: id,
        roleTitle: 'Leitung',
        role: 'HEAD',
        since: since.edtf,
        cite: q,
      });
    }
  }

  // Participations: one programme for a village, more for larger cities; never one twice.
  const wanted = Math.min(programmes.length, 1 + Math.floor(m.units / 12));
  const chosen = new Set<number>();
  while (chosen.size < wanted) chosen.add(Math.floor(random() * programmes.length));
  let participations = 0;
  for (const p of [...chosen].sort((a, b) => a - b).map((k) => programmes[k]!)) {
    participations += 1;
    const amount = 1_000 * int(random, 5, 200);
    const from = int(random, p.from, p.to);
    const to = int(random, from, p.to);
    const model = random() < 0.1;
    relations.push({
      from: city,
      type: 'PARTICIPATES_IN',
      to: p.id,
      role: model ? 'MODEL_MUNICIPALITY' : 'PARTICIPANT',
      ...(model ? { roleTitle: 'Modellkommune' } : {}),
      period: `${from}/${to}`,
      fundingAmount: amount,
      fundingCurrency: 'EUR',
      fundingPer: 'P1Y',
      fundingUpTo: true,
      cite: docFor(participations).quote(
        `Die ${place} nimmt von ${from} bis ${to} am Programm „${p.name}“ teil und erhält bis zu ${amount} Euro pro Jahr.`,
      ),
    });
  }

  // The documents first: their entities head the city's entries, so that a reader checking the
  // quotes finds each document once, in a row.
  for (const doc of docs) {
    out.entity(doc.entity());
    out.document(`${doc.id}.txt`, doc.sentences);
  }
  for (const e of entities) out.entity(e);
  for (const r of relations) out.relation(r);
  return { people, participations };
}

const GERMAN_KIND: Record<string, string> = {
  DEPARTMENT: 'Dezernat',
  STAFF_UNIT: 'Stabsstelle',
  OFFICE: 'Amt',
  SECTION: 'Abteilung',
  TEAM: 'Team',
  SERVICE_POINT: 'Servicestelle',
};
