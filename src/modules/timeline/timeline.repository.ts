import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import {
  cypherName,
  NODE_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type NodeSpec,
  type RelationSpec,
  type ValidityRule,
} from '../../model/model';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { refLookup, refLookupOf, type RefLookup } from '../entity/entity.repository';
import { chainPattern, type Chain } from '../stats/chain';
import { citedDocumentsRead } from '../planner/cited-documents';
import { documentMap } from '../relation/relation.repository';
import {
  CITY_EVENTS,
  CITY_PEOPLE,
  CITY_UNITS,
  JOINED_PROGRAMMES,
  OWN_PROGRAMMES,
} from '../stats/city-reach';

/** Relationship types that carry dates (their model rule names EDTF fields). */
const DATED_TYPES = RELATION_TYPE_NAMES.filter(
  (t) => (RELATION_TYPES[t] as RelationSpec).validity !== undefined,
).map(cypherName);

/** The labels whose nodes are timeline facts themselves (their relationships are the others). */
const FACT_LABELS = ['OrgUnit', 'Programme', 'Event'] as const;

/**
 * The day bounds of each timeline entry of element `x` under a validity rule, as a Cypher list
 * of `{e, l}` (ISO strings or null) read from the stored bounds of its EDTF fields, one per entry
 * `entriesOf` (timeline.entries.ts) makes: one per stated single date, and the start and end of
 * an interval (`fEarliest`…`fStartLatest` and `fEndEarliest`…`fLatest`). An unknown or open end
 * gives none, as there.
 */
function entryBounds(x: string, rule: ValidityRule): string {
  const field = (name: string) => {
    if (!/^\w+$/.test(name)) throw new Error(`bad field ${name}`);
    return `${x}.${name}`;
  };
  const items: string[] = [];
  for (const name of [rule.notBefore, rule.start, rule.end, rule.attested, rule.point]) {
    if (name === undefined) continue;
    const f = field(name);
    items.push(`{v: ${f}, e: ${f}Earliest, l: ${f}Latest}`);
  }
  if (rule.interval !== undefined) {
    const f = field(rule.interval);
    items.push(
      `{v: CASE WHEN ${f} CONTAINS '/' THEN split(${f}, '/')[0] ELSE ${f} END, e: ${f}Earliest, l: ${f}StartLatest}`,
      `{v: CASE WHEN ${f} CONTAINS '/' THEN split(${f}, '/')[1] ELSE '' END, e: ${f}EndEarliest, l: ${f}Latest}`,
    );
  }
  return `[d IN [${items.join(', ')}] WHERE d.v IS NOT NULL AND d.v IS :: STRING AND NOT d.v IN ['', '..'] | {e: toString(d.e), l: toString(d.l)}]`;
}

/** The entry bounds of a fact: node `n` (one of FACT_LABELS) or relationship `r`. */
function factEntryBounds(): string {
  const nodeCases = FACT_LABELS.map((label) => {
    const rule = (NODE_TYPES[label] as NodeSpec).validity!;
    return `WHEN n:${cypherName(label)} THEN ${entryBounds('n', rule)}`;
  });
  const relCases = RELATION_TYPE_NAMES.filter(
    (t) => (RELATION_TYPES[t] as RelationSpec).validity !== undefined,
  ).map(
    (t) =>
      `WHEN '${cypherName(t)}' THEN ${entryBounds('r', (RELATION_TYPES[t] as RelationSpec).validity!)}`,
  );
  return `CASE WHEN n IS NOT NULL THEN CASE ${nodeCases.join(' ')} ELSE [] END
          ELSE CASE type(r) ${relCases.join(' ')} ELSE [] END END`;
}

/** The nodes a city reaches along some chains, as one list (chains from stats/city-reach). */
function reach(chains: readonly Chain[]): string {
  return `COLLECT { ${chains.map((chain) => `MATCH ${chainPattern('c', chain, 'x')} RETURN x`).join(' UNION ')} }`;
}

export interface ScopedFact {
  /** Keys of the requested cities the fact belongs to. */
  cities: string[];
  node: EntityRecord | null;
  rel: {
    type: string;
    props: Record<string, unknown>;
    from: EntityRecord;
    to: EntityRecord;
  } | null;
  /** Keys of the themes (with their broader themes) that the fact's nodes address. */
  themes: string[];
  /** The documents the fact and its ends cite, by key, when they were asked for. */
  documents?: ReadonlyMap<string, EntityRecord>;
}

export interface TimelineScope {
  /**
   * The cities as references (keys, or AGS for a city; see node.lookup.ts), looked up in the same
   * statement; null for every city.
   */
  cityRefs: string[] | null;
  /** Theme keys: only facts whose nodes address one of them (or a narrower one); null for all. */
  themes: string[] | null;
  /** Only entries whose date may fall on or after / on or before this day (ISO), or null. */
  from: string | null;
  to: string | null;
  /** How many entries the caller keeps. */
  first: number;
  /**
   * The documents each fact and its ends cite, read in the same statement with these properties
   * (null: all) when their citations show them (see citedDocumentProps); false or absent: none.
   */
  documents?: readonly string[] | null | false;
}

export interface TimelineFacts {
  facts: ScopedFact[];
  /** The lookup of `cityRefs`; null when every city was asked for. */
  cities: RefLookup | null;
}

/** The keys of the documents a fact (node `n` or relationship `r`) and the ends of `r` cite. */
const CITED_KEYS = `coalesce(n.sourceIds, []) + coalesce(r.sourceIds, []) + coalesce(startNode(r).sourceIds, []) + coalesce(endNode(r).sourceIds, [])`;

/**
 * The facts that can carry dates and belong to the cities, by the same reach as the aggregates
 * and the comparison (stats/city-reach.ts): the city's units, the programmes it or its units run
 * or coordinate, the programmes it joins, the events of those and in the city, and the dated
 * relationships of these and of the people holding posts in the city or its units. Programmes a
 * city merely joins bring only their own dates and funding, not the dates of every other
 * participant. Null `cityRefs` means every city.
 *
 * One statement with the references' lookup: a second part of the union returns one row with
 * what each reference matched, so the caller can check them by the one id rule (node.lookup.ts)
 * and report an unknown or ambiguous one, even when no fact came back.
 *
 * Bounded in Cypher: each fact's entries (their day bounds from the stored EDTF bounds) are
 * filtered by themes and range and ordered by first and last possible day, and only the facts
 * of the first `first` entries come back — with every entry tied with the last of them, since
 * the final order breaks such ties by the entry's text, which the caller writes. So the caller's
 * first `first` entries are exactly those of the whole timeline.
 */
export async function factsOfCities(db: Database, scope: TimelineScope): Promise<TimelineFacts> {
  const dated = DATED_TYPES.join('|');
  const result = await db.readStatement(
    `CALL () {
         ${refLookup('coalesce($cityRefs, [])')}
       }
       MATCH (c:City:Entity) WHERE $cityRefs IS NULL OR c.id IN keys
       WITH c,
         ${reach(CITY_UNITS)} AS units,
         ${reach(CITY_PEOPLE)} AS people,
         ${reach(OWN_PROGRAMMES)} AS own,
         ${reach(JOINED_PROGRAMMES)} AS joined,
         ${reach(CITY_EVENTS)} AS events
       WITH c, [c] + units + people + own + events AS core, joined
       CALL (core, joined) {
         UNWIND core + joined AS x
         WITH DISTINCT x WHERE x:OrgUnit OR x:Programme OR x:Event
         RETURN x AS n, null AS r
         UNION
         UNWIND core AS x
         MATCH (x)-[r:${dated}]-()
         RETURN null AS n, r
         UNION
         UNWIND joined AS p
         MATCH (p)<-[r:FUNDS]-()
         RETURN null AS n, r
       }
       WITH n, r, collect(DISTINCT c.id) AS cities
       WITH n, r, cities, CASE WHEN r IS NULL THEN [n] ELSE [startNode(r), endNode(r)] END AS ends
       WITH n, r, cities, COLLECT { UNWIND ends AS e MATCH (e)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme)
                   RETURN DISTINCT t.id } AS themes
       WHERE $themes IS NULL OR any(t IN themes WHERE t IN $themes)
       UNWIND ${factEntryBounds()} AS d
       WITH n, r, cities, themes, d
       WHERE ($to IS NULL OR d.e IS NULL OR d.e <= $to) AND ($from IS NULL OR d.l IS NULL OR d.l >= $from)
       WITH n, r, cities, themes, coalesce(d.e, '') AS se, coalesce(d.l, '9999-12-31') AS sl
       ORDER BY se, sl
       WITH collect({n: n, r: r, cities: cities, themes: themes, se: se, sl: sl}) AS entries
       WITH entries, size(entries) <= $first AS everything, entries[$first - 1] AS last
       UNWIND entries AS x
       WITH x WHERE everything OR x.se < last.se OR (x.se = last.se AND x.sl <= last.sl)
       WITH DISTINCT x.n AS n, x.r AS r, x.cities AS cities, x.themes AS themes
       RETURN cities,
         CASE WHEN n IS NULL THEN null ELSE {key: n.id, labels: labels(n), props: properties(n)} END AS node,
         CASE WHEN r IS NULL THEN null ELSE {
           type: type(r), props: properties(r),
           from: {key: startNode(r).id, labels: labels(startNode(r)), props: properties(startNode(r))},
           to: {key: endNode(r).id, labels: labels(endNode(r)), props: properties(endNode(r))}
         } END AS rel,
         themes,
         ${citedDocumentsRead(CITED_KEYS, scope.documents ?? false)} AS documents,
         null AS lookup
       UNION ALL
       CALL () {
         ${refLookup('coalesce($cityRefs, [])')}
       }
       RETURN null AS cities, null AS node, null AS rel, null AS themes, null AS documents, lookup`,
    {
      cityRefs: scope.cityRefs,
      themes: scope.themes,
      from: scope.from,
      to: scope.to,
      first: neo4j.int(scope.first),
    },
  );
  const record = (raw: { key: string; labels: string[]; props: Record<string, unknown> }) => ({
    key: raw.key,
    label: modelLabel(raw.labels),
    props: plain(raw.props),
  });
  let lookup: RefLookup | null = null;
  const facts: ScopedFact[] = [];
  for (const r of result.records) {
    const found: unknown = r.get('lookup');
    if (found) {
      lookup = refLookupOf(found);
      continue;
    }
    const documents = documentMap(r.get('documents'));
    const node = r.get('node') as Parameters<typeof record>[0] | null;
    const rel = r.get('rel') as {
      type: string;
      props: Record<string, unknown>;
      from: Parameters<typeof record>[0];
      to: Parameters<typeof record>[0];
    } | null;
    facts.push({
      cities: r.get('cities') as string[],
      node: node ? record(node) : null,
      rel: rel
        ? { type: rel.type, props: plain(rel.props), from: record(rel.from), to: record(rel.to) }
        : null,
      themes: r.get('themes') as string[],
      ...(documents ? { documents } : {}),
    });
  }
  return { facts, cities: scope.cityRefs ? lookup : null };
}
