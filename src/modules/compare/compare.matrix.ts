import { BasisFilter } from '../basis/basis';
import { Citation, citationsOf } from '../citation/citation.type';
import type { EntityRecord } from '../entity/entity.record';
import type { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import type { OrgUnit } from '../org-unit/org-unit.type';
import type { City } from '../territory/territory.types';
import type { Theme } from '../theme/theme.type';
import type { FactView } from '../time/as-of';
import type { AsOfMode } from '../time/as-of.args';
import type { RawComparison, RawEvidence } from './compare.repository';
import { rankCities, TIE_BREAKERS } from './compare.ranking';
import {
  CityComparison,
  CityRank,
  ComparisonCell,
  ComparisonRow,
  EvidenceKind,
  RankDecidedBy,
  ThemeEvidence,
} from './compare.type';

const collator = new Intl.Collator('de');

/** Each quote once, in first-seen order: the same sentence often states several steps. */
export function uniqueCitations(citations: Iterable<Citation>): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of citations) {
    const id = `${c.documentKey}\u0000${c.quote}\u0000${c.basis}`;
    if (!seen.has(id)) seen.set(id, c);
  }
  return [...seen.values()];
}

/** One item of a cell, merged over the ways it reaches the city and the themes it addresses. */
interface Item {
  kind: EvidenceKind;
  item: EntityRecord;
  unit: EntityRecord | null;
  via: Map<string, EntityRecord>;
  ways: Set<string>;
  citations: Citation[];
  roleTitle: string | null;
}

const itemId = (e: { kind: string; item: EntityRecord; unit: EntityRecord | null }) =>
  `${e.kind}|${e.item.key}|${e.unit?.key ?? ''}`;

function merge(
  items: Map<string, Item>,
  e: RawEvidence,
  documents: ReadonlyMap<string, EntityRecord> | undefined,
): void {
  const id = itemId(e);
  let item = items.get(id);
  if (!item) {
    const post = e.kind === EvidenceKind.POST ? e.links[e.links.length - 1] : undefined;
    item = {
      kind: e.kind,
      item: e.item,
      unit: e.unit,
      via: new Map(),
      ways: new Set(),
      citations: [],
      roleTitle: typeof post?.props.roleTitle === 'string' ? post.props.roleTitle : null,
    };
    items.set(id, item);
  }
  item.via.set(e.via.key, e.via);
  item.ways.add(e.links.map((l) => l.type).join(' → '));
  item.citations.push(
    ...e.links.flatMap((l) => citationsOf(l.props, documents)),
    ...citationsOf(e.addresses, documents),
  );
}

function toEvidence(item: Item): ThemeEvidence {
  return Object.assign(new ThemeEvidence(), {
    kind: item.kind,
    node: toObject(item.item) as unknown as Node,
    unit: item.unit ? (toObject(item.unit) as unknown as OrgUnit) : null,
    roleTitle: item.roleTitle,
    via: [...item.via.values()]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((t) => toObject(t) as unknown as Theme),
    links: [...item.ways].sort(),
    sources: uniqueCitations(item.citations),
  });
}

const byNodeKey = (a: Item, b: Item) =>
  itemId(a) < itemId(b) ? -1 : itemId(a) > itemId(b) ? 1 : 0;

/**
 * The matrix, in the requested column order and row order (default rows: by English label),
 * and the ranking. Pure: everything comes from the repository's one answer.
 */
export function buildComparison(
  raw: RawComparison,
  cityKeys: readonly string[],
  themeKeys: readonly string[] | null,
  view: FactView | null,
): CityComparison {
  const cityRecords = new Map(raw.cities.map((c) => [c.key, c]));
  const themeRecords = new Map(raw.themes.map((t) => [t.key, t]));
  const cities = cityKeys.map((k) => toObject(cityRecords.get(k)!) as unknown as City);
  const rowKeys =
    themeKeys ??
    [...raw.themes]
      .sort((a, b) => collator.compare(String(a.props.labelEn), String(b.props.labelEn)))
      .map((t) => t.key);
  const themes = rowKeys.map((k) => toObject(themeRecords.get(k)!) as unknown as Theme);

  const cells = new Map<string, Map<string, Item>>();
  for (const e of raw.evidence) {
    const id = `${e.row}|${e.city}`;
    const items = cells.get(id) ?? new Map<string, Item>();
    merge(items, e, raw.documents);
    cells.set(id, items);
  }

  const covered = new Map<string, Theme[]>(cityKeys.map((k) => [k, []]));
  const evidenceIds = new Map<string, Set<string>>(cityKeys.map((k) => [k, new Set()]));
  const rows = themes.map((theme) => {
    const rowCells = cities.map((city) => {
      const items = [...(cells.get(`${theme.key}|${city.key}`)?.values() ?? [])].sort(byNodeKey);
      const of = (kind: EvidenceKind) => items.filter((i) => i.kind === kind).map(toEvidence);
      const addressed = items.some((i) => i.kind !== EvidenceKind.POST);
      if (addressed) covered.get(city.key)!.push(theme);
      for (const i of items) evidenceIds.get(city.key)!.add(itemId(i));
      return Object.assign(new ComparisonCell(), {
        city,
        theme,
        addressed,
        units: of(EvidenceKind.UNIT),
        programmes: of(EvidenceKind.PROGRAMME),
        posts: of(EvidenceKind.POST),
        events: of(EvidenceKind.EVENT),
        evidenceCount: items.length,
        sources: uniqueCitations(items.flatMap((i) => i.citations)),
      });
    });
    return Object.assign(new ComparisonRow(), {
      theme,
      citiesCovering: rowCells.filter((c) => c.addressed).length,
      cells: rowCells,
    });
  });

  const ranked = rankCities(
    cities.map((city) => ({
      key: city.key,
      name: String(city.name),
      themesCovered: covered.get(city.key)!.length,
      evidenceCount: evidenceIds.get(city.key)!.size,
      city,
    })),
    themes.length,
  );
  const ranking = ranked.map((r) =>
    Object.assign(new CityRank(), {
      position: r.position,
      sharedRank: r.sharedRank,
      city: r.item.city,
      themesCovered: r.item.themesCovered,
      themes: covered.get(r.item.key)!,
      evidenceCount: r.item.evidenceCount,
      tiedWith: r.tiedWith.map((t) => t.city),
      decidedBy: RankDecidedBy[r.decidedBy],
      explanation: r.explanation,
    }),
  );

  return Object.assign(new CityComparison(), {
    cities,
    themes,
    rows,
    ranking,
    tieBreakers: [...TIE_BREAKERS],
    asOf: view?.asOf?.day ?? null,
    asOfMode: (view?.asOf?.mode as AsOfMode | undefined) ?? null,
    basis: view?.statedOnly ? BasisFilter.STATED : BasisFilter.ALL,
  });
}
