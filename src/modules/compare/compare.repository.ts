import type { Database } from '../../db/database';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { refLookup, refLookupOf, type RefLookup } from '../entity/entity.repository';
import { viewParams, type FactView } from '../time/as-of';
import { chainPattern, pathValidity, type Chain } from '../stats/chain';
import { CITY_EVENTS, CITY_PROGRAMMES, CITY_UNIT_POSTS, CITY_UNITS } from '../stats/city-reach';
import { documentMap } from '../relation/relation.repository';
import { citedDocumentsRead } from '../planner/cited-documents';
import { mapProjection } from '../planner/planner';
import type { ComparisonProjection } from './compare.selection';
import { EvidenceKind } from './compare.type';

/** An entity as the statement returns it: a list, for the reason given at `citing`. */
type RawRecord = [key: string, labels: string[], props: Record<string, unknown>];

/** One way one item ties a city to one row theme. */
export interface RawEvidence {
  city: string;
  row: string;
  kind: EvidenceKind;
  /** The unit, programme, event, or for a post the person. */
  item: EntityRecord;
  /** For a post: its unit. */
  unit: EntityRecord | null;
  /** The theme the item addresses directly (the row theme or a narrower one). */
  via: EntityRecord;
  /** The relationships from the city to the item, in order. */
  links: { type: string; props: Record<string, unknown> }[];
  /** The ADDRESSES relationship. */
  addresses: Record<string, unknown>;
}

export interface RawComparison {
  /** What each city reference matched (check with keysOfLookup). */
  lookup: RefLookup;
  cities: EntityRecord[];
  themes: EntityRecord[];
  evidence: RawEvidence[];
  /** The documents the evidence cites, by key, when they were asked for. */
  documents?: ReadonlyMap<string, EntityRecord>;
}

/** The walks from a city to what can address a theme; for posts the theme is the unit's. */
const WALKS: { kind: EvidenceKind; chains: readonly Chain[]; holder: 'item' | 'unit' }[] = [
  { kind: EvidenceKind.UNIT, chains: CITY_UNITS, holder: 'item' },
  { kind: EvidenceKind.PROGRAMME, chains: CITY_PROGRAMMES, holder: 'item' },
  { kind: EvidenceKind.EVENT, chains: CITY_EVENTS, holder: 'item' },
  { kind: EvidenceKind.POST, chains: [CITY_UNIT_POSTS], holder: 'unit' },
];

/**
 * What the matrix reads of a relationship, as a list: its type, its citations, a post's title.
 * Lists, not maps: fifty cities' evidence is thousands of these, and every key of a map is one
 * more string to decode.
 */
const citing = (v: string) => `[type(${v}), ${v}.sourceIds, ${v}.quotes, ${v}.roleTitle]`;
type Citing = [type: string, sourceIds: string[] | null, quotes: string[] | null, title: unknown];
const citingProps = ([, sourceIds, quotes, roleTitle]: Citing) => ({
  sourceIds,
  quotes,
  roleTitle,
});

/** One piece of evidence as the statement returns it (see RawEvidence). */
type EvidenceRow = [
  city: string,
  row: string,
  kind: EvidenceKind,
  item: string,
  unit: string | null,
  via: string,
  links: Citing[],
  addresses: Citing,
];

/**
 * The keys of the documents every piece of evidence, every node of it, every city and every row
 * theme cite, as one list expression.
 */
const CITED_KEYS = `reduce(acc = [], e IN evidence | acc + reduce(own = [], l IN e[6] + [e[7]] | own + coalesce(l[1], [])))
  + reduce(acc = [], n IN nodes + cities + themes | acc + coalesce(n[2].sourceIds, []))`;

/**
 * The cities the references name (keys, or AGS for a city; see node.lookup.ts) with their
 * lookup, the row themes and every piece of evidence in one statement, with the documents
 * the evidence cites when `read.documents` asks for them; of each entity it reads what `read`
 * says (see comparisonProjection). Row themes are the given keys, or the taxonomy's top
 * concepts; an item counts for a row when it addresses the row theme or (with `rollUp`) any
 * narrower one, and (under a view) every step from the city to the theme is valid.
 */
export async function comparison(
  db: Database,
  cityRefs: readonly string[],
  themeKeys: readonly string[] | null,
  view: FactView | null,
  rollUp: boolean,
  read: ComparisonProjection,
): Promise<RawComparison> {
  // Each entity with what the selection reads of it, or with every property.
  const rec = (v: string, props: readonly string[] | null) =>
    `[${v}.id, labels(${v}), ${mapProjection(props, v)}]`;
  const branches = WALKS.flatMap(({ kind, chains, holder }) =>
    chains.map((chain) => {
      const valid = pathValidity('ep', view);
      return `MATCH ep = ${chainPattern('c', chain, 'x')}${valid === 'true' ? '' : ` WHERE ${valid}`}
      RETURN '${kind}' AS kind, ep, x AS item, ${holder === 'unit' ? 'nodes(ep)[-2]' : 'x'} AS holder`;
    }),
  );
  const addressesValid = pathValidity('ap', view);
  const text = `CALL () {
  ${refLookup('$cities')}
}
CALL (keys) {
  MATCH (c:City:Entity) WHERE c.id IN keys RETURN collect(${rec('c', read.cities)}) AS cities
}
CALL () {
  MATCH (t:Theme:Entity)
  WHERE CASE WHEN $themes IS NULL THEN coalesce(t.topConcept, false) ELSE t.id IN $themes END
  RETURN collect(${rec('t', read.themes)}) AS themes
}
CALL (themes, keys) {
  MATCH (c:City:Entity) WHERE c.id IN keys
  CALL (c) {
      ${branches.join('\n      UNION\n      ')}
  }
  MATCH ap = (holder)-[a:ADDRESSES]->(direct:Theme)-[:BROADER*0..]->(row:Theme)
  WHERE row.id IN [t IN themes | t[0]] AND ($rollUp OR direct = row)${addressesValid === 'true' ? '' : ` AND ${addressesValid}`}
  WITH DISTINCT c, row, kind, ep, item, holder, a, direct
  // Each node once (items recur across rows and themes); of relationships only what cites.
  // The item travels as its own column: taken from the path inside the aggregation it costs
  // twice the time of the whole statement.
  RETURN collect([
    c.id, row.id, kind, item.id, CASE kind WHEN 'POST' THEN holder.id ELSE null END, direct.id,
    [r IN relationships(ep) | ${citing('r')}], ${citing('a')}
  ]) AS evidence,
  [x IN collect(DISTINCT item) + collect(DISTINCT CASE kind WHEN 'POST' THEN holder END) + collect(DISTINCT direct) | ${rec('x', read.nodes)}] AS nodes
}
RETURN lookup, cities, themes, evidence, nodes,
       ${citedDocumentsRead(CITED_KEYS, read.documents)} AS documents`;
  const result = await db.readStatement(text, {
    cities: cityRefs,
    themes: themeKeys,
    rollUp,
    ...viewParams(view),
  });
  const row = result.records[0]!;
  const toRecord = ([key, labels, props]: RawRecord): EntityRecord => ({
    key,
    label: modelLabel(labels),
    props: plain(props),
    view,
  });
  const cited = documentMap(row.get('documents'));
  // The documents read here go to the entities' own citations too.
  const withCited = (r: RawRecord): EntityRecord =>
    cited ? { ...toRecord(r), documents: cited } : toRecord(r);
  const nodes = new Map(
    (row.get('nodes') as RawRecord[]).map((r) => [r[0], withCited(r)] as const),
  );
  return {
    ...(cited ? { documents: cited } : {}),
    lookup: refLookupOf(row.get('lookup')),
    cities: (row.get('cities') as RawRecord[]).map(withCited),
    themes: (row.get('themes') as RawRecord[]).map(withCited),
    evidence: (row.get('evidence') as EvidenceRow[]).map(
      ([city, rowKey, kind, item, unit, via, links, addresses]) => ({
        city,
        row: rowKey,
        kind,
        item: nodes.get(item)!,
        unit: unit === null ? null : nodes.get(unit)!,
        via: nodes.get(via)!,
        links: links.map((l) => ({ type: l[0], props: citingProps(l) })),
        addresses: citingProps(addresses),
      }),
    ),
  };
}
