import { loadConfig } from '../src/config';
import { validateSeedDir } from '../src/seed/validate';
import { seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * `basis: STATED` and the roll-up switch on the project's own seeds (issue 11): the answers a
 * researcher gets change exactly where the corrected seeds mark a fact INFERRED, and the
 * taxonomy's roll-up can be switched off in the aggregates as in the filters.
 */
const api = seededApi();

async function ok(query: string): Promise<any> {
  const result = await api().query(query);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const { seed } = loadConfig({});
const { graph } = validateSeedDir(seed.seedDir, seed.documentsDir);

/** Units per city, read from the seed files: every BELONGS_TO, or only those not INFERRED. */
function unitsPerCityInSeeds(statedOnly: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rel of graph.relations) {
    if (rel.type !== 'BELONGS_TO') continue;
    const unit = graph.nodes.find((n) => n.id === rel.from)!;
    if (statedOnly && (rel.grounding.basis === 'INFERRED' || unit.grounding.basis === 'INFERRED'))
      continue;
    counts[rel.to] = (counts[rel.to] ?? 0) + 1;
  }
  return counts;
}

const perCity = (buckets: any[]) =>
  Object.fromEntries(
    buckets.filter((b) => b.keys[0].key !== null).map((b) => [b.keys[0].key, b.count]),
  );

describe('basis: STATED on the seeds', () => {
  it("counts a city's units by the BELONGS_TO the sources state, as the seed files do", async () => {
    const data = await ok(`{ stats {
      all: orgUnits(groupBy: [CITY]) { buckets { keys { key } count } }
      stated: orgUnits(groupBy: [CITY], basis: STATED) { buckets { keys { key } count memberIds } }
    } }`);
    expect(perCity(data.stats.all.buckets)).toEqual(unitsPerCityInSeeds(false));
    expect(perCity(data.stats.stated.buckets)).toEqual(unitsPerCityInSeeds(true));
    // The anchors: what the texts leave to inference.
    expect(perCity(data.stats.all.buckets)).toEqual({
      bochum: 7,
      bremerhaven: 4,
      'castrop-rauxel': 8,
    });
    expect(perCity(data.stats.stated.buckets)).toEqual({
      bochum: 3,
      bremerhaven: 2,
      'castrop-rauxel': 4,
    });
  });

  it("leaves out the units whose city only inference gives, in a city's own list", async () => {
    const data = await ok(`{ node(id: "castrop-rauxel") { ... on City {
      all: orgUnits { node { key } }
      stated: orgUnits(basis: STATED) { node { key } }
    } } }`);
    const keys = (links: any[]) => links.map((l) => l.node.key).sort();
    const dropped = keys(data.node.all).filter((k) => !keys(data.node.stated).includes(k));
    // The A–Z page names these four, but does not say they are the city's.
    expect(dropped).toEqual([
      'castrop-rauxel-altenhilfekoordination',
      'castrop-rauxel-bedarfsplanung',
      'castrop-rauxel-bip',
      'castrop-rauxel-familien-und-bildungsbuero',
    ]);
  });

  it('changes which cities address ageing: Castrop-Rauxel only through inferred units', async () => {
    const query = (basis: string) => `{ compareCities(
      ids: ["bochum", "bremerhaven", "castrop-rauxel"], themes: ["ageing"], basis: ${basis}) {
      rows { cells { city { key } addressed units { node { key } } programmes { node { key } } } }
    } }`;
    const cells = async (basis: string) =>
      Object.fromEntries(
        (await ok(query(basis))).compareCities.rows[0].cells.map((c: any) => [
          c.city.key,
          {
            addressed: c.addressed,
            units: c.units.map((u: any) => u.node.key).sort(),
            programmes: c.programmes.map((p: any) => p.node.key).sort(),
          },
        ]),
      );
    expect(await cells('ALL')).toEqual({
      bochum: {
        addressed: true,
        units: ['bochum-seniorenbeirat', 'bochum-stabsstelle-leben-im-alter'],
        programmes: [
          'bochum-familienpolitische-gesamtstrategie',
          'bochum-handlungskonzept-leben-im-alter',
        ],
      },
      bremerhaven: {
        addressed: true,
        units: ['bremerhaven-stabsstelle-seniorinnen-und-senioren'],
        programmes: ['bremerhaven-konzept-moderne-seniorenarbeit', 'zukunftswerkstatt-kommunen'],
      },
      'castrop-rauxel': {
        addressed: true,
        units: ['castrop-rauxel-altenhilfekoordination', 'castrop-rauxel-bip'],
        programmes: [],
      },
    });
    expect(await cells('STATED')).toEqual({
      bochum: { addressed: true, units: ['bochum-stabsstelle-leben-im-alter'], programmes: [] },
      bremerhaven: {
        addressed: true,
        units: ['bremerhaven-stabsstelle-seniorinnen-und-senioren'],
        programmes: ['zukunftswerkstatt-kommunen'],
      },
      'castrop-rauxel': { addressed: false, units: [], programmes: [] },
    });
  });
});

describe('the roll-up through the taxonomy is a switch', () => {
  it('counts a unit under its own themes only with THEME_EXACT, under broader ones with THEME', async () => {
    const data = await ok(`{ stats {
      rolled: orgUnits(where: { key: { eq: "castrop-rauxel-altenhilfekoordination" } }, groupBy: [THEME]) {
        buckets { keys { key } count } }
      exact: orgUnits(where: { key: { eq: "castrop-rauxel-altenhilfekoordination" } }, groupBy: [THEME_EXACT]) {
        buckets { keys { key } count } }
    } }`);
    const keys = (buckets: any[]) => buckets.map((b) => b.keys[0].key).sort();
    const direct = graph.relations
      .filter((r) => r.type === 'ADDRESSES' && r.from === 'castrop-rauxel-altenhilfekoordination')
      .map((r) => r.to)
      .sort();
    expect(keys(data.stats.exact.buckets)).toEqual(direct);
    // Rolled up, the broader themes of the project's vocabulary come in too.
    expect(keys(data.stats.rolled.buckets)).toEqual([...new Set([...direct, 'ageing'])].sort());
  });

  it('lets compareCities and the city profile count exact themes', async () => {
    const data = await ok(`{
      rolled: compareCities(ids: ["bochum", "castrop-rauxel"], themes: ["labour-market"]) {
        rows { cells { city { key } units { node { key } } } } }
      exact: compareCities(ids: ["bochum", "castrop-rauxel"], themes: ["labour-market"], rollUp: false) {
        rows { cells { city { key } units { node { key } } } } }
      stats {
        rolled: cityProfile(id: "bochum") { unitsPerTheme { theme { key } count } }
        exact: cityProfile(id: "bochum", rollUp: false) { unitsPerTheme { theme { key } count } }
      }
    }`);
    const units = (comparison: any) =>
      Object.fromEntries(
        comparison.rows[0].cells.map((c: any) => [
          c.city.key,
          c.units.map((u: any) => u.node.key).sort(),
        ]),
      );
    /** The city's units that address the theme itself, read from the seed files. */
    const direct = (city: string, theme: string) =>
      graph.relations
        .filter(
          (r) =>
            r.type === 'ADDRESSES' &&
            r.to === theme &&
            graph.relations.some(
              (b) => b.type === 'BELONGS_TO' && b.from === r.from && b.to === city,
            ),
        )
        .map((r) => r.from)
        .sort();
    expect(units(data.exact)).toEqual({
      bochum: direct('bochum', 'labour-market'),
      'castrop-rauxel': direct('castrop-rauxel', 'labour-market'),
    });
    // Rolled up, Bochum's ageing unit counts under the labour market: it addresses old-age
    // poverty, which the vocabulary files under poverty and that under the labour market.
    expect(units(data.rolled).bochum).toContain('bochum-stabsstelle-leben-im-alter');
    expect(units(data.exact).bochum).not.toContain('bochum-stabsstelle-leben-im-alter');
    const themes = (rows: any[]) => rows.map((r) => r.theme.key).sort();
    // Rolled up, the broader themes (e.g. labour market above poverty) appear; exact, they do not.
    expect(themes(data.stats.rolled.unitsPerTheme)).toContain('labour-market');
    expect(themes(data.stats.exact.unitsPerTheme)).not.toContain('labour-market');
    const bochumUnitThemes = new Set(
      graph.relations
        .filter(
          (r) =>
            r.type === 'ADDRESSES' &&
            graph.relations.some(
              (b) => b.type === 'BELONGS_TO' && b.from === r.from && b.to === 'bochum',
            ),
        )
        .map((r) => r.to),
    );
    expect(themes(data.stats.exact.unitsPerTheme)).toEqual([...bochumUnitThemes].sort());
  });
});
