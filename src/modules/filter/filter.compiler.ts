import { dayArgument } from '../../common/day';
import { BadUserInputError } from '../../common/graphql-errors';
import { cypherName, type NodeLabel } from '../../model/model';
import { chainPattern, hop } from '../stats/chain';
import { viewParams, viewPredicates, type FactView } from '../time/as-of';
import {
  EDGE_FILTERS,
  RELATION_FILTERS,
  scalarFilters,
  type RelationFilterSpec,
  type ScalarFilterSpec,
} from './filter.spec';

/**
 * Compiles a `where` input into one Cypher predicate. Every value the client sends becomes a
 * parameter; the only text spliced in is property names, labels and relationship types taken
 * from the filter spec (itself made from the model) and generated variable names.
 */
const KEY_FILTER: ScalarFilterSpec = {
  name: 'key',
  kind: 'string',
  list: false,
  description: 'The readable key.',
};

/**
 * Where the matches of a `where` can be found from one node reached through an index: the
 * MATCH clauses that bind the filtered variable from there (a superset of the matches), and
 * whether they already say everything the one condition they come from says (then the caller
 * need not test it again).
 */
export interface Anchor {
  match: string;
  /** The top-level entry of the `where` the clauses stand for. */
  entry: string;
  /** The clauses match exactly what that entry matches (no view, no other condition inside). */
  exact: boolean;
}

/** Clauses that bind a variable from a pinned node, in the order they run. */
interface Chain {
  clauses: string[];
  exact: boolean;
}

/** Entries of a filter input that are set (null and undefined mean "no condition"). */
function setEntries(input: Record<string, unknown>): [string, unknown][] {
  return Object.entries(input).filter(([, value]) => value !== undefined && value !== null);
}

export class FilterCompiler {
  readonly params: Record<string, unknown> = {};
  private counter = 0;
  /**
   * How many negations (`NOT`, the inside of `all`) enclose what is being compiled now, counted
   * from the nearest subquery: an `EXISTS { … WHERE … }` answers a definite true or false
   * whatever its condition gives for a missing value, so negations outside it do not count.
   */
  private negations = 0;

  /**
   * With a view, relation filters consider only relationships and far nodes valid on its day:
   * "cities with a unit on ageing as of 2020-12-31" asks about the units of that day; under
   * `basis: STATED` only relationships and far nodes that are not INFERRED.
   */
  constructor(
    private readonly argument = 'where',
    private readonly view: FactView | null = null,
    /** Prefix of parameter and variable names, so several compilers can share one statement. */
    private readonly prefix = '',
    /** Name of the as-of day parameter. */
    private readonly dayParam = 'asOfDay',
  ) {}

  /**
   * Compiles `work` inside one more negation, where a condition on a missing value must be a
   * definite false (see `scalar`).
   */
  negated<T>(work: () => T): T {
    return this.withNegations(this.negations + 1, work);
  }

  /** Compiles `work` as the condition of a subquery (`EXISTS { … WHERE … }`), under `negations`. */
  inSubquery<T>(work: () => T, negations = 0): T {
    return this.withNegations(negations, work);
  }

  private withNegations<T>(negations: number, work: () => T): T {
    const outer = this.negations;
    this.negations = negations;
    try {
      return work();
    } finally {
      this.negations = outer;
    }
  }

  /**
   * The view's tests on a node or relationship variable (valid on the as-of day, not INFERRED
   * under `basis: STATED`), or nothing without a view.
   */
  validity(variable: string): string[] {
    if (!this.view) return [];
    Object.assign(this.params, viewParams(this.view, this.dayParam));
    return viewPredicates(variable, this.view, this.dayParam);
  }

  /**
   * The pattern from `variable` along a relation to the new variable `other`, with the
   * predicates that decide which relationships count at all (edge filter, as-of day).
   */
  relationScope(
    spec: Pick<RelationFilterSpec, 'types' | 'direction' | 'targets' | 'repeat'>,
    edge: Record<string, unknown> | null | undefined,
    variable: string,
    other: string,
  ): { pattern: string; scope: string[]; rel: string; steps?: string } {
    if (spec.repeat) {
      // A hop over several steps (a city's Land through its Kreis) is a named path whose every
      // step must count.
      const steps = this.variable();
      const x = this.variable();
      const each = (list: string, predicates: string[]) =>
        predicates.length > 0 ? [`all(${x} IN ${list} WHERE ${predicates.join(' AND ')})`] : [];
      const path = hop(spec.types, spec.direction, spec.targets[0]!, spec.repeat);
      return {
        // The step arriving at the far end carries the relationship's own properties.
        rel: `last(relationships(${steps}))`,
        steps,
        pattern: `${steps} = ${chainPattern(variable, [path], other)}`,
        scope: [
          ...each(`relationships(${steps})`, [
            ...(edge ? [this.edge(edge, x)] : []),
            ...this.validity(x),
          ]),
          ...each(`nodes(${steps})[1..]`, this.validity(x)),
        ],
      };
    }
    const rel = this.variable();
    const types = spec.types.map(cypherName).join('|');
    const single = spec.targets.length === 1;
    const end = single ? `(${other}:${cypherName(spec.targets[0]!)})` : `(${other})`;
    return {
      rel,
      pattern:
        spec.direction === 'OUT'
          ? `(${variable})-[${rel}:${types}]->${end}`
          : `(${variable})<-[${rel}:${types}]-${end}`,
      scope: [
        ...(single
          ? []
          : [`(${spec.targets.map((t) => `${other}:${cypherName(t)}`).join(' OR ')})`]),
        ...(edge ? [this.edge(edge, rel)] : []),
        ...this.validity(rel),
        ...this.validity(other),
      ],
    };
  }

  /**
   * Conditions on the far end of a relation: a `<Label>Where`, or for a relation with several
   * target labels `{ key, <Label>: <Label>Where, … }`, where an item matches when it meets the
   * conditions of its own label (and an item of a label not named matches when none is named).
   */
  farEnd(
    spec: Pick<RelationFilterSpec, 'targets' | 'perLabel'>,
    where: Record<string, unknown> | null | undefined,
    variable: string,
    depth: number,
  ): string {
    if (!spec.perLabel) return this.compile(where, spec.targets[0]!, variable, depth);
    if (!where) return 'true';
    const parts: string[] = [];
    const key = where.key as Record<string, unknown> | null | undefined;
    if (key) parts.push(this.scalar(`${variable}.id`, KEY_FILTER, key, 'key'));
    const named = spec.targets.filter((t) => where[t] !== undefined && where[t] !== null);
    if (named.length > 0) {
      const each = named.map(
        (t) =>
          `(${variable}:${cypherName(t)} AND ${this.compile(where[t] as Record<string, unknown>, t, variable, depth + 1)})`,
      );
      parts.push(`(${each.join(' OR ')})`);
    }
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  }

  private relation(
    spec: RelationFilterSpec,
    filter: Record<string, unknown>,
    variable: string,
    depth: number,
  ): string[] {
    const other = this.variable();
    const edge = filter.edge as Record<string, unknown> | null | undefined;
    const { pattern, scope } = this.relationScope(spec, edge, variable, other);
    const within = (predicate: string) =>
      [...scope, predicate].filter((p) => p !== 'true').join(' AND ') || 'true';
    const parts: string[] = [];
    let quantified = false;
    for (const quantifier of ['some', 'none', 'all'] as const) {
      const inner = filter[quantifier] as Record<string, unknown> | null | undefined;
      if (inner === undefined || inner === null) continue;
      quantified = true;
      // `all` is NOT EXISTS { … WHERE NOT (condition) }: one negation inside the subquery.
      const predicate = this.inSubquery(
        () => this.farEnd(spec, inner, other, depth + 1),
        quantifier === 'all' ? 1 : 0,
      );
      if (quantifier === 'some')
        parts.push(`EXISTS { MATCH ${pattern} WHERE ${within(predicate)} }`);
      else if (quantifier === 'none')
        parts.push(`NOT EXISTS { MATCH ${pattern} WHERE ${within(predicate)} }`);
      else
        parts.push(
          `NOT EXISTS { MATCH ${pattern} WHERE ${within('true')} AND NOT (${predicate}) }`,
        );
    }
    // An edge filter alone asks for at least one such relationship.
    if (!quantified && edge) parts.push(`EXISTS { MATCH ${pattern} WHERE ${within('true')} }`);
    return parts;
  }

  /**
   * Conditions on a relationship's own properties (RelationWhere; also the post fields of
   * PostWhere), on the relationship variable `rel`; `path` prefixes field names in messages.
   */
  edge(filter: Record<string, unknown>, rel: string, path = 'edge.'): string {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(filter)) {
      if (value === undefined || value === null) continue;
      const spec = EDGE_FILTERS.find((f) => f.name === name);
      if (!spec) continue;
      parts.push(
        this.scalar(`${rel}.${name}`, spec, value as Record<string, unknown>, `${path}${name}`),
      );
    }
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  }

  /**
   * The most selective start the planner can be given for a root list's `where`: the first
   * top-level `some` relation condition (in the input type's field order) that pins a node by
   * its key (`key: { eq | in }`, also several relations further) or a theme by `within`. Neo4j
   * would otherwise test the condition on every node of the label (a label scan with nested
   * semi-applies); from the pinned node it walks back over the few relationships that lead to
   * candidates, which the whole predicate then checks, so the answer is the same. Null when no
   * condition pins anything.
   */
  anchor(
    where: Record<string, unknown> | null | undefined,
    label: NodeLabel,
    variable: string,
  ): Anchor | null {
    if (!where) return null;
    const relations = new Map(RELATION_FILTERS[label].map((r) => [r.name, r]));
    for (const [name, value] of setEntries(where)) {
      const spec = relations.get(name);
      if (!spec) continue;
      const chain = this.relationChain(spec, value as Record<string, unknown>, variable, null);
      if (chain) return { match: chain.clauses.join('\n'), entry: name, exact: chain.exact };
    }
    return null;
  }

  /** Clauses binding `variable` (of `label` when given) through one `some` relation condition. */
  private relationChain(
    spec: RelationFilterSpec,
    filter: Record<string, unknown>,
    variable: string,
    label: NodeLabel | null,
  ): Chain | null {
    // Only a single-step relation to one label: repeated hops and per-label conditions are
    // left to the predicate.
    const some = filter.some as Record<string, unknown> | null | undefined;
    if (!some || spec.repeat || spec.perLabel) return null;
    const target = spec.targets[0]!;
    const other = this.variable();
    const far = this.pinChain(some, target, other);
    if (!far) return null;
    const types = spec.types.map(cypherName).join('|');
    const near = label ? `(${variable}:${cypherName(label)})` : `(${variable})`;
    const step =
      spec.direction === 'OUT'
        ? `MATCH ${near}-[:${types}]->(${other})`
        : `MATCH ${near}<-[:${types}]-(${other})`;
    return {
      clauses: [...far.clauses, step],
      // Exact when the relation condition is `some` alone, with no edge condition or view.
      exact: far.exact && setEntries(filter).length === 1 && this.view === null,
    };
  }

  /** Clauses binding `variable`, a node of `label`, when `where` pins it or its relations. */
  private pinChain(
    where: Record<string, unknown>,
    label: NodeLabel,
    variable: string,
  ): Chain | null {
    const entries = setEntries(where);
    const alone = entries.length === 1;
    const node = `${variable}:${cypherName(label)}:Entity`;
    const key = where.key as Record<string, unknown> | null | undefined;
    if (key && typeof key.eq === 'string') {
      return {
        clauses: [`MATCH (${node} {id: ${this.param(key.eq)}})`],
        exact: alone && setEntries(key).length === 1,
      };
    }
    if (key && Array.isArray(key.in)) {
      return {
        clauses: [`MATCH (${node}) WHERE ${variable}.id IN ${this.param(key.in)}`],
        exact: alone && setEntries(key).length === 1,
      };
    }
    if (label === 'Theme' && typeof where.within === 'string') {
      const theme = this.variable();
      return {
        clauses: [
          `MATCH (${theme}:Theme:Entity {id: ${this.param(where.within)}})<-[:BROADER*0..]-(${variable}:Theme)`,
        ],
        exact: alone,
      };
    }
    const relations = new Map(RELATION_FILTERS[label].map((r) => [r.name, r]));
    for (const [name, value] of entries) {
      const spec = relations.get(name);
      if (!spec) continue;
      const chain = this.relationChain(spec, value as Record<string, unknown>, variable, label);
      if (chain) return { clauses: chain.clauses, exact: chain.exact && alone };
    }
    return null;
  }

  private param(value: unknown): string {
    const name = `${this.prefix}p${this.counter++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  private variable(): string {
    return `${this.prefix}v${this.counter++}`;
  }

  /** A predicate on `variable` (a node of `label`), or 'true' for an empty filter. */
  compile(
    where: Record<string, unknown> | null | undefined,
    label: NodeLabel,
    variable: string,
    depth = 0,
  ): string {
    if (!where) return 'true';
    if (depth > 12)
      throw new BadUserInputError('the filter nests deeper than 12 levels', this.argument);
    const parts: string[] = [];
    const scalars = new Map(scalarFilters(label).map((s) => [s.name, s]));
    const relations = new Map(RELATION_FILTERS[label].map((r) => [r.name, r]));

    for (const [name, value] of Object.entries(where)) {
      if (value === undefined || value === null) continue;
      if (name === 'AND' || name === 'OR') {
        const items = (value as Record<string, unknown>[]).map((w) =>
          this.compile(w, label, variable, depth + 1),
        );
        if (items.length > 0) parts.push(`(${items.join(name === 'AND' ? ' AND ' : ' OR ')})`);
        else parts.push(name === 'AND' ? 'true' : 'false');
      } else if (name === 'NOT') {
        const negated = this.negated(() =>
          this.compile(value as Record<string, unknown>, label, variable, depth + 1),
        );
        parts.push(`NOT (${negated})`);
      } else if (name === 'within' && label === 'Theme') {
        parts.push(
          `EXISTS { MATCH (${variable})-[:BROADER*0..]->(:Theme {id: ${this.param(value)}}) }`,
        );
      } else if (scalars.has(name)) {
        const property = name === 'key' ? 'id' : name;
        parts.push(
          this.scalar(
            `${variable}.${property}`,
            scalars.get(name)!,
            value as Record<string, unknown>,
            name,
          ),
        );
      } else if (relations.has(name)) {
        parts.push(
          ...this.relation(relations.get(name)!, value as Record<string, unknown>, variable, depth),
        );
      }
    }
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  }

  /**
   * Conditions on one property, each a definite true or false where it matters: a condition on a
   * missing value is false (not null), so `NOT` turns it into true and `all` counts an item
   * without the value as failing the condition, as the README states. Written as "… AND property
   * IS NOT NULL" rather than coalesce(…, false), so the planner can still seek a property index on
   * the comparison. Under no negation (or an even number) null and false filter alike, and the
   * comparison stands alone: the redundant "IS NOT NULL" made Neo4j's planner take a condition
   * for far rarer than it is (a nested filter on the 2,000-city graph scanned all units instead of
   * reading them in key order and stopping at the page).
   */
  private scalar(
    property: string,
    spec: ScalarFilterSpec,
    filter: Record<string, unknown>,
    name: string,
  ): string {
    const parts: string[] = [];
    const { kind } = spec;
    const definite = (predicate: string, ...present: string[]) =>
      this.negations % 2 === 0
        ? `(${predicate})`
        : `(${predicate} AND ${present.map((p) => `${p} IS NOT NULL`).join(' AND ')})`;
    const test = (op: (x: string) => string) =>
      spec.list
        ? `any(x IN coalesce(${property}, []) WHERE ${definite(op('x'), 'x')})`
        : definite(op(property), property);
    for (const [op, value] of Object.entries(filter)) {
      if (value === undefined || value === null) continue;
      if (kind === 'string') {
        if (op === 'eq') parts.push(test((x) => `${x} = ${this.param(value)}`));
        else if (op === 'in') parts.push(test((x) => `${x} IN ${this.param(value)}`));
        else if (op === 'contains') parts.push(test((x) => `${x} CONTAINS ${this.param(value)}`));
        else if (op === 'startsWith')
          parts.push(test((x) => `${x} STARTS WITH ${this.param(value)}`));
      } else if (kind === 'number') {
        const cmp = op === 'eq' ? '=' : op === 'gte' ? '>=' : '<=';
        parts.push(definite(`${property} ${cmp} ${this.param(value)}`, property));
      } else if (kind === 'boolean') {
        // A flag that is not set is false (fundingUpTo: no ceiling stated), so already definite.
        parts.push(`coalesce(${property}, false) = ${this.param(value)}`);
      } else {
        const place = `${this.argument}.${name}.${op}`;
        const day = (d: unknown) => this.param(dayArgument(d, this.argument, place));
        const [earliest, latest] = [`${property}Earliest`, `${property}Latest`];
        if (op === 'before') parts.push(definite(`${latest} < date(${day(value)})`, latest));
        else if (op === 'after')
          parts.push(definite(`${earliest} > date(${day(value)})`, earliest));
        else if (op === 'between') {
          const range = value as unknown[];
          if (range.length !== 2) {
            throw new BadUserInputError(`${place} takes two dates`, this.argument);
          }
          parts.push(
            definite(
              `${earliest} >= date(${day(range[0])}) AND ${latest} <= date(${day(range[1])})`,
              earliest,
              latest,
            ),
          );
        }
      }
    }
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  }
}
