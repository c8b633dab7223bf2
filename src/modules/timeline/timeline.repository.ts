import type { Database } from '../../db/database';
import {
  cypherName,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type RelationSpec,
} from '../../model/model';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { chainPattern, type Chain } from '../stats/chain';
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
}

/**
 * The facts that can carry dates and belong to the cities, by the same reach as the aggregates
 * and the comparison (stats/city-reach.ts): the city's units, the programmes it or its units run
 * or coordinate, the programmes it joins, the events of those and in the city, and the dated
 * relationships of these and of the people holding posts in the city or its units. Programmes a
 * city merely joins bring only their own dates and funding, not the dates of every other
 * participant. Null `cityIds` means every city.
 */
export async function factsOfCities(db: Database, cityIds: string[] | null): Promise<ScopedFact[]> {
  const dated = DATED_TYPES.join('|');
  const result = await db.executeRead((tx) =>
    tx.run(
      `MATCH (c:City:Entity) WHERE $cityIds IS NULL OR c.id IN $cityIds
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
       RETURN cities,
         CASE WHEN n IS NULL THEN null ELSE {key: n.id, labels: labels(n), props: properties(n)} END AS node,
         CASE WHEN r IS NULL THEN null ELSE {
           type: type(r), props: properties(r),
           from: {key: startNode(r).id, labels: labels(startNode(r)), props: properties(startNode(r))},
           to: {key: endNode(r).id, labels: labels(endNode(r)), props: properties(endNode(r))}
         } END AS rel,
         COLLECT { UNWIND ends AS e MATCH (e)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme)
                   RETURN DISTINCT t.id } AS themes`,
      { cityIds },
    ),
  );
  const record = (raw: { key: string; labels: string[]; props: Record<string, unknown> }) => ({
    key: raw.key,
    label: modelLabel(raw.labels),
    props: plain(raw.props),
  });
  return result.records.map((r) => {
    const node = r.get('node') as Parameters<typeof record>[0] | null;
    const rel = r.get('rel') as {
      type: string;
      props: Record<string, unknown>;
      from: Parameters<typeof record>[0];
      to: Parameters<typeof record>[0];
    } | null;
    return {
      cities: r.get('cities') as string[],
      node: node ? record(node) : null,
      rel: rel
        ? { type: rel.type, props: plain(rel.props), from: record(rel.from), to: record(rel.to) }
        : null,
      themes: r.get('themes') as string[],
    };
  });
}
