import type { Database } from '../../db/database';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { refLookup, refLookupOf, type RefLookup } from '../entity/entity.repository';
import { viewParams, viewPredicate, type FactView } from '../time/as-of';
import { chainPattern, pathValidity, type Chain } from './chain';
import { CITY_EVENTS, CITY_PROGRAMMES } from './city-reach';

interface RawRecord {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface RawProfile {
  /** What the reference matched (check with keysOfLookup). */
  lookup: RefLookup;
  city: EntityRecord;
  units: EntityRecord[];
  /** Per theme (with roll-up), the keys of the units addressing it; theme null: no theme. */
  perTheme: { theme: EntityRecord | null; units: string[] }[];
  people: EntityRecord[];
  posts: number;
  programmes: EntityRecord[];
  funders: EntityRecord[];
  events: EntityRecord[];
  /** Dated relationships of the city: participations, posts, decisions of its units. */
  dated: { type: string; props: Record<string, unknown>; from: EntityRecord; to: EntityRecord }[];
}

const rec = (v: string) => `{key: ${v}.id, labels: labels(${v}), props: properties(${v})}`;

/** A COLLECT of the distinct far ends of several chains from `c`, each path valid on the day. */
function reach(chains: readonly Chain[], view: FactView | null, tag: string): string {
  const branches = chains.map((chain) => {
    const valid = pathValidity(`${tag}p`, view);
    return `MATCH ${tag}p = ${chainPattern('c', chain, `${tag}x`)}${valid === 'true' ? '' : ` WHERE ${valid}`} RETURN ${tag}x AS x`;
  });
  return `COLLECT { ${branches.join(' UNION ')} }`;
}

/**
 * Everything a city profile shows, in one statement with the lookup of the reference (a key, or
 * the AGS of a city; see node.lookup.ts): the city's units and the themes they address (rolled
 * up), the people in posts in the city or its units, its programmes and their funders, its
 * events, and its dated relationships for the first and last dated fact. Null when the reference
 * names no city.
 */
export async function cityProfile(
  db: Database,
  ref: string,
  view: FactView | null,
  rollUp = true,
): Promise<RawProfile | null> {
  const valid = (...vars: string[]) =>
    view ? vars.map((v) => viewPredicate(v, view)).join(' AND ') : 'true';
  const text = `CALL () {
  ${refLookup('[$ref]')}
}
MATCH (c:City:Entity) WHERE c.id IN keys
WITH lookup, c, COLLECT { MATCH (c)<-[b:BELONGS_TO]-(u:OrgUnit) WHERE ${valid('b', 'u')} RETURN DISTINCT u } AS units
WITH lookup, c, units,
  ${reach(CITY_PROGRAMMES, view, 'pr')} AS programmes,
  ${reach(CITY_EVENTS, view, 'ev')} AS events,
  COLLECT { UNWIND [c] + units AS y MATCH (y)<-[h:HOLDS_POST]-(x:Person) WHERE ${valid('h', 'x')} RETURN h } AS posts
WITH lookup, c, units, programmes, events, posts,
  COLLECT { UNWIND programmes AS p MATCH (p)<-[f:FUNDS]-(o:Organisation) WHERE ${valid('f', 'o')} RETURN DISTINCT o } AS funders,
  COLLECT {
    UNWIND units AS u
    OPTIONAL MATCH tp = (u)-[:ADDRESSES]->(d:Theme)-[:BROADER*0..]->(t:Theme)
      WHERE ($rollUp OR d = t) AND ${pathValidity('tp', view)}
    WITH t, u ORDER BY u.id
    WITH t, collect(DISTINCT u.id) AS ids
    RETURN {theme: CASE WHEN t IS NULL THEN null ELSE ${rec('t')} END, units: ids}
  } AS perTheme,
  COLLECT {
    MATCH (c)-[r:PARTICIPATES_IN]->(x) WHERE ${valid('r', 'x')} RETURN r
    UNION
    UNWIND units AS u MATCH (u)-[r:DECIDED]->(x) WHERE ${valid('r', 'x')} RETURN r
    UNION
    UNWIND posts AS r RETURN r
  } AS dated
RETURN lookup, ${rec('c')} AS city,
  [u IN units | ${rec('u')}] AS units,
  perTheme,
  [p IN COLLECT { UNWIND posts AS h RETURN DISTINCT startNode(h) AS x } | ${rec('p')}] AS people,
  size(posts) AS posts,
  [p IN programmes | ${rec('p')}] AS programmes,
  [o IN funders | ${rec('o')}] AS funders,
  [e IN events | ${rec('e')}] AS events,
  [r IN dated | {type: type(r), props: properties(r), from: ${rec('startNode(r)')}, to: ${rec('endNode(r)')}}] AS dated`;
  const result = await db.readStatement(text, { ref, rollUp, ...viewParams(view) });
  const row = result.records[0];
  if (!row) return null;
  const toRecord = (r: RawRecord): EntityRecord => ({
    key: r.key,
    label: modelLabel(r.labels),
    props: plain(r.props),
    view,
  });
  const list = (name: string) => (row.get(name) as RawRecord[]).map(toRecord);
  return {
    lookup: refLookupOf(row.get('lookup')),
    city: toRecord(row.get('city') as RawRecord),
    units: list('units'),
    perTheme: (row.get('perTheme') as { theme: RawRecord | null; units: string[] }[]).map((t) => ({
      theme: t.theme ? toRecord(t.theme) : null,
      units: t.units,
    })),
    people: list('people'),
    posts: row.get('posts') as number,
    programmes: list('programmes'),
    funders: list('funders'),
    events: list('events'),
    dated: (
      row.get('dated') as {
        type: string;
        props: Record<string, unknown>;
        from: RawRecord;
        to: RawRecord;
      }[]
    ).map((r) => ({
      type: r.type,
      props: plain(r.props),
      from: toRecord(r.from),
      to: toRecord(r.to),
    })),
  };
}
