import {
  cypherName,
  RELATION_TYPES,
  type NodeLabel,
  type RelationSpec,
  type RelationType,
} from '../../model/model';
import { relationField } from '../../model/relations';
import { viewPredicate, type FactView } from '../time/as-of';

/**
 * A walk through the model from one node to another, written as data so that aggregates and the
 * comparison matrix share one definition of "the city's units", "the unit's state" and so on,
 * and so that every label and type reaches Cypher through `cypherName`.
 */
export interface Hop {
  /** One or more relationship types (alternatives, as in `[:PARTICIPATES_IN|RUNS]`). */
  types: readonly RelationType[];
  /** OUT follows the relationship as stored (from → to); IN walks it backwards. */
  direction: 'OUT' | 'IN';
  /** Label of the node the hop arrives at. */
  label: NodeLabel;
  /** A variable-length hop (`*min..max`), allowed only over relationship types without dates. */
  repeat?: { min: number; max?: number };
}

export type Chain = readonly Hop[];

export const hop = (
  types: RelationType | readonly RelationType[],
  direction: Hop['direction'],
  label: NodeLabel,
  repeat?: Hop['repeat'],
): Hop => ({
  types: typeof types === 'string' ? [types] : types,
  direction,
  label,
  ...(repeat ? { repeat } : {}),
});

/**
 * The hop of a relation field of the relationship table (e.g. `walk('City', 'orgUnits')`), so
 * the walks of stats, compare and timeline mean what the field and its filter mean.
 */
export function walk(label: NodeLabel, name: string): Hop {
  const field = relationField(label, name);
  if (field.to.length !== 1) throw new Error(`${label}.${name} reaches several labels`);
  return hop(field.type, field.direction, field.to[0]!, field.repeat);
}

/** The narrower-to-broader closure of the taxonomy: a theme and every theme above it. */
export const ROLL_UP = hop('BROADER', 'OUT', 'Theme', { min: 0 });

function checkedHop(h: Hop): string {
  if (h.types.length === 0) throw new Error('a hop needs a relationship type');
  const types = h.types.map(cypherName).join('|');
  if (h.repeat) {
    // A variable-length hop is checked for validity through the path's relationships, like any
    // other hop; restricting it to undated types keeps "as of" unambiguous for the hops between.
    for (const type of h.types) {
      if ((RELATION_TYPES[type] as RelationSpec).validity !== undefined) {
        throw new Error(`a variable-length hop over the dated type ${type}`);
      }
    }
    if (!Number.isInteger(h.repeat.min) || h.repeat.min < 0) throw new Error('bad hop range');
    if (h.repeat.max !== undefined && !Number.isInteger(h.repeat.max))
      throw new Error('bad hop range');
  }
  const range = h.repeat ? `*${h.repeat.min}..${h.repeat.max ?? ''}` : '';
  return `[:${types}${range}]`;
}

const NAME = /^[a-z][A-Za-z0-9_]*$/;

/**
 * The pattern of a chain from the bound variable `start` to a new variable `end`, intermediate
 * nodes anonymous, e.g. `(n)-[:BELONGS_TO]->(d0:City)`. An empty chain has no pattern.
 */
export function chainPattern(start: string, chain: Chain, end: string): string {
  if (!NAME.test(start) || !NAME.test(end)) throw new Error(`bad Cypher name ${start}/${end}`);
  if (chain.length === 0) throw new Error('an empty chain has no pattern');
  let text = `(${start})`;
  chain.forEach((h, i) => {
    const rel = checkedHop(h);
    const node = `(${i === chain.length - 1 ? end : ''}:${cypherName(h.label)})`;
    text += h.direction === 'OUT' ? `-${rel}->${node}` : `<-${rel}-${node}`;
  });
  return text;
}

/**
 * The view's test (valid on the as-of day, not INFERRED under `basis: STATED`) on every
 * relationship and every node a named path passes after its start (the start is tested by the
 * caller's own filter), or `true` without a view. Uses `$asOfDay`.
 */
export function pathValidity(path: string, view: FactView | null): string {
  if (!view) return 'true';
  if (!NAME.test(path)) throw new Error(`bad Cypher name ${path}`);
  const test = viewPredicate('x', view);
  return (
    `all(x IN nodes(${path})[1..] WHERE ${test}) AND ` +
    `all(x IN relationships(${path}) WHERE ${test})`
  );
}

/**
 * The same walk in the other direction, starting at the chain's end: the reverse of "city →
 * unit → programme" is "programme → unit → city". `startLabel` is the label the chain starts at.
 */
export function reverseChain(chain: Chain, startLabel: NodeLabel): Chain {
  const labels = [startLabel, ...chain.map((h) => h.label)];
  return chain
    .map((h, i) => ({
      ...h,
      direction: h.direction === 'OUT' ? ('IN' as const) : ('OUT' as const),
      label: labels[i]!,
    }))
    .reverse();
}

/** Every chain of `chains` continued by every chain of `next`. */
export function then(chains: readonly Chain[], next: readonly Chain[]): Chain[] {
  return chains.flatMap((a) => next.map((b) => [...a, ...b]));
}
