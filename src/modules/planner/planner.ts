import {
  Kind,
  visit,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import {
  cypherName,
  FUNDING_PROPERTIES,
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeLabel,
  type NodeSpec,
} from '../../model/model';
import { VALIDITY_PROPERTIES } from '../../edtf/validity';
import { relationFieldsOf, type RelationField, type RelationShape } from '../../model/relations';
import type { EntityRecord, RelationResult } from '../entity/entity.record';
import type { Projection } from '../entity/entity.repository';
import {
  citedKeys,
  documentsByKeys,
  relationCypher,
  type RelationRead,
} from '../relation/relation.cypher';
import { relationRead, type RelationArgs } from '../relation/relation.field';
import { documentMap, itemOf, toRelatedRecord } from '../relation/relation.repository';
import type { FactView } from '../time/as-of';
import { fieldPlanKey } from './plan-key';
import { BASIS_PROPERTIES } from '../basis/basis';

/**
 * The query planner. A root field's selection is walked once, before anything is read: every
 * relation field below it, at any depth, with its arguments and its view (`asOf`, `basis`), becomes a
 * subquery of the root field's single Cypher statement (`COLLECT { … }` per relation, nested),
 * and the cited documents that `sources { document }` asks for are read alongside, once per row
 * and only with the properties asked for, and handed to those citations. Resolvers then find
 * their items on the parent record by plan key;
 * what the planner does not cover (computed fields, nodes reached through other root fields)
 * still goes through the per-request loaders, so answers are the same either way.
 */

/** The relations to read for the nodes at one place of the selection. */
export interface PlanNode {
  relations: PlannedRelation[];
  /** The properties the selection needs, or null for all of them. */
  props: string[] | null;
  /** Read the documents the node's own citations name. */
  documents: boolean;
}

interface PlannedRelation {
  /** Response name and arguments, as the field's resolver computes it (plan-key.ts). */
  key: string;
  /** Only for far nodes of this label (a field of one object type under a `Node` link). */
  label: NodeLabel | null;
  read: RelationRead;
  child: PlanNode;
  /** Read the documents the relationship cites (its items ask for `sources { document }`). */
  documents: boolean;
  /**
   * The relationship's properties the items need: none when they ask only for the far node, or
   * all when a field needs what the planner cannot list (`details`, a computed field).
   */
  relationshipProps: readonly string[] | 'all';
}

interface Walk {
  info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;
  /** Every `document` field the plan covers: what the row's documents must answer. */
  documentFields: FieldNode[];
}

/** Every field of the selection sets at their own level, through fragments (no type to decide on). */
function levelFields(walk: Walk, nodes: readonly FieldNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(walk.info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return out;
}

/** All fields named `name` in the selection sets, through fragments. */
function childFields(walk: Walk, nodes: readonly FieldNode[], name: string): FieldNode[] {
  return levelFields(walk, nodes).filter((field) => field.name.value === name);
}

/**
 * True when a `document` field is asked for anywhere below these fields; those fields are kept
 * on the walk, so the statement reads what they select of each document and no more.
 */
function asksForDocuments(walk: Walk, nodes: readonly FieldNode[]): boolean {
  let found = false;
  const visit = (set: SelectionSetNode | undefined, depth: number) => {
    if (depth > 4) return;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === 'document') {
          found = true;
          walk.documentFields.push(selection);
        } else if (selection.name.value === 'sources') visit(selection.selectionSet, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth);
      } else {
        visit(walk.info.fragments[selection.name.value]?.selectionSet, depth);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet, 0);
  return found;
}

/** The fields selected on a node of one label, merged over every place that selects it. */
function fieldsOn(
  walk: Walk,
  label: NodeLabel,
  nodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const type = walk.info.schema.getType(label) as GraphQLObjectType;
  const merged = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    if (!node.selectionSet) continue;
    const fields = collectFields(
      walk.info.schema,
      walk.info.fragments,
      walk.info.variableValues,
      type,
      node.selectionSet,
    );
    for (const [key, list] of fields) merged.set(key, [...(merged.get(key) ?? []), ...list]);
  }
  return merged;
}

/** The fields that select the items of a relation field (a list's own, a connection's nodes). */
function itemFields(
  walk: Walk,
  shape: RelationShape,
  nodes: readonly FieldNode[],
): readonly FieldNode[] {
  return shape === 'connection'
    ? [
        ...childFields(walk, nodes, 'nodes'),
        ...childFields(walk, childFields(walk, nodes, 'edges'), 'node'),
      ]
    : nodes;
}

/**
 * The item fields that hold the relation's two nodes: the far one (`node`, or a view's own name)
 * and, for edge objects (a Participation's city and programme), the one it starts from.
 */
function endFieldNames(field: RelationField): { far: string; near: string | null } {
  switch (field.view) {
    case 'post':
      return field.direction === 'IN'
        ? { far: 'person', near: 'holder' }
        : { far: 'holder', near: 'person' };
    case 'participation':
      return field.on === 'City'
        ? { far: 'programme', near: 'city' }
        : { far: 'city', near: 'programme' };
    case 'funding':
      return field.on === 'Organisation'
        ? { far: 'programme', near: 'funder' }
        : { far: 'funder', near: 'programme' };
    default:
      return { far: 'node', near: null };
  }
}

function farFieldName(field: RelationField): string {
  return endFieldNames(field).far;
}

/**
 * The stored properties of the relationship that the items' fields read: nothing for the far
 * node, so a city list's `orgUnits { node { key name } }` decodes no relationship map at all (on
 * the national graph, thousands), and only what is asked otherwise; 'all' when a field needs
 * what the planner cannot list.
 */
function relationshipPropsFor(
  walk: Walk,
  field: RelationField,
  items: readonly FieldNode[],
): readonly string[] | 'all' {
  const { far, near } = endFieldNames(field);
  const ends = [far, near, '__typename'];
  const needed = new Set<string>();
  for (const item of levelFields(walk, items)) {
    const name = item.name.value;
    if (ends.includes(name)) continue;
    const props = relationshipPropertiesFor(field, name);
    if (props === null) return 'all';
    for (const p of props) needed.add(p);
  }
  return [...needed].sort();
}

const VALIDITY = Object.values(VALIDITY_PROPERTIES);
/** Citations carry the basis of the fact they back. */
const CITATION = ['sourceIds', 'quotes', ...BASIS_PROPERTIES];

/**
 * The stored properties a field reads that nodes and relationships share (citations, validity
 * bounds, basis, version), or those of a field the model declares (an EDTF date with its day
 * bounds). Null for a field neither names, which makes the caller read every property, so a
 * computed field never misses one.
 */
function storedPropertiesFor(
  name: string,
  fields: Record<string, FieldSpec> | undefined,
): readonly string[] | null {
  if (name === 'sources') return CITATION;
  if (name === 'validity') return VALIDITY;
  if (name === 'basis' || name === 'reasoning') return BASIS_PROPERTIES;
  if (name === 'version') return ['version'];
  const spec = fields?.[name];
  if (!spec) return null;
  return spec.type === 'edtf' ? [name, `${name}Earliest`, `${name}Latest`] : [name];
}

/** The stored properties a non-relation field of a node reads (see storedPropertiesFor). */
function propertiesFor(label: NodeLabel, name: string): readonly string[] | null {
  if (name === '__typename' || name === 'id' || name === 'key') return [];
  return storedPropertiesFor(name, (NODE_TYPES[label] as NodeSpec).fields);
}

/**
 * The stored properties a field of a relation's item reads from its relationship (a Post,
 * Participation or ProgrammeFunding field, or a link's `sources`, `basis`, …); null for one the
 * planner does not know (a link's `details`): then every property is read.
 */
function relationshipPropertiesFor(field: RelationField, name: string): readonly string[] | null {
  if (name === 'relationId') return ['id'];
  if (name === 'funding') return FUNDING_PROPERTIES;
  return storedPropertiesFor(
    name,
    RELATION_TYPES[field.type].fields as Record<string, FieldSpec> | undefined,
  );
}

/**
 * The properties of `v` a selection reads (names from the model, chosen by the planner's rules),
 * as a map, or all of them.
 */
export function mapProjection(props: readonly string[] | null, v: string): string {
  if (!props) return `properties(${v})`;
  return `${v} {${props.map((p) => `.${p}`).join(', ')}}`;
}

/**
 * The properties a planned far node needs, as a list in the order of `node.props` (its names
 * need not travel: a national answer has tens of thousands of items, and every key of a map is
 * one more string to decode), or all of them as a map.
 */
function propsOf(node: PlanNode, v: string): string {
  return node.props ? listProjection(node.props, v) : `properties(${v})`;
}

function listProjection(props: readonly string[], v: string): string {
  return `[${props.map((p) => `${v}.${p}`).join(', ')}]`;
}

/** A list read by `listProjection`, as the map its names make. */
function zipped(names: readonly string[], values: unknown): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  const list = values as unknown[];
  for (let i = 0; i < names.length; i += 1) map[names[i]!] = list[i];
  return map;
}

/** The table entry and shape a field name stands for on a label, if it is a relation field. */
function relationOf(
  label: NodeLabel,
  name: string,
): { field: RelationField; shape: RelationShape } | null {
  for (const field of relationFieldsOf(label)) {
    if (field.name === name) return { field, shape: field.shape };
    if (field.alsoConnection && name === `${field.name}Connection`)
      return { field, shape: 'connection' };
  }
  return null;
}

function planNode(
  walk: Walk,
  labels: readonly NodeLabel[],
  nodes: readonly FieldNode[],
  view: FactView | null,
): PlanNode {
  const relations: PlannedRelation[] = [];
  let props: Set<string> | null = new Set(['id']);
  for (const label of labels) {
    const type = walk.info.schema.getType(label) as GraphQLObjectType;
    for (const [, fieldNodes] of fieldsOn(walk, label, nodes)) {
      const first = fieldNodes[0]!;
      const found = relationOf(label, first.name.value);
      if (!found) {
        const needed = propertiesFor(label, first.name.value);
        if (needed === null) props = null;
        else if (props) for (const p of needed) props.add(p);
        continue;
      }
      const definition = type.getFields()[first.name.value]!;
      const args = getArgumentValues(definition, first, walk.info.variableValues) as RelationArgs;
      const read = relationRead(found.field, found.shape, args, view);
      const items = itemFields(walk, found.shape, fieldNodes);
      relations.push({
        key: fieldPlanKey(definition, first, walk.info.variableValues),
        label: labels.length > 1 ? label : null,
        read,
        child: planNode(
          walk,
          found.field.to,
          childFields(walk, items, farFieldName(found.field)),
          read.view,
        ),
        documents: asksForDocuments(walk, items),
        relationshipProps: relationshipPropsFor(walk, found.field, items),
      });
    }
  }
  return {
    relations,
    props: props ? [...props].sort() : null,
    documents: asksForDocuments(walk, nodes),
  };
}

/**
 * The plan of a root list of `label`: what its `nodes` and `edges { node }` select. Returns null
 * when the selection needs nothing the list query does not read anyway, or when an argument
 * below is invalid: its resolver then reports the error as usual, at its own path.
 */
export function planRootList(
  info: GraphQLResolveInfo,
  label: NodeLabel,
  view: FactView | null,
): Planned | null {
  return remembered(info, [label], view, () => {
    const walk: Walk = { info, documentFields: [] };
    const nodes = [
      ...childFields(walk, info.fieldNodes, 'nodes'),
      ...childFields(walk, childFields(walk, info.fieldNodes, 'edges'), 'node'),
    ];
    return planned(walk, [label], nodes, view);
  });
}

/**
 * The plan of a root field that returns one entity of any of `labels` (`node(id:)`): what the
 * field itself selects, per label through its fragments.
 */
export function planRootEntity(
  info: GraphQLResolveInfo,
  labels: readonly NodeLabel[],
): Planned | null {
  return remembered(info, labels, null, () =>
    planned({ info, documentFields: [] }, labels, info.fieldNodes, null),
  );
}

/** A root field's plan and the Cypher it compiles to (read-only: plans are shared). */
export type Planned = { plan: PlanNode; projection: Projection };

interface Remembered {
  /** The variables used below the root field, whose values the plan depends on. */
  variables: readonly string[];
  plans: Map<string, Planned | null>;
}

/**
 * Plans made, per root field node. Apollo keeps parsed documents, so a query asked again (a
 * dashboard's, a study's loop over cities) brings back the same field node and is planned once.
 * Besides the document, a plan depends only on the labels, the view and the variables used
 * below the root field: the root field's own arguments (`id`, `where`, `first`) are parameters
 * of the statement, so `node(id: $id)` asked for a thousand ids is one plan.
 */
const rememberedPlans = new WeakMap<FieldNode, Remembered>();
/** Plans kept per field node: variables below that change with every request evict the oldest. */
const PLANS_PER_FIELD = 32;

function remembered(
  info: GraphQLResolveInfo,
  labels: readonly NodeLabel[],
  view: FactView | null,
  plan: () => Planned | null,
): Planned | null {
  // Two merged field nodes (the same field selected twice) are rare: planned each time.
  if (info.fieldNodes.length !== 1) return plan();
  const node = info.fieldNodes[0]!;
  let entry = rememberedPlans.get(node);
  if (!entry) {
    entry = { variables: variablesBelow(node, info.fragments), plans: new Map() };
    rememberedPlans.set(node, entry);
  }
  // A variable left out and one given as null are different inputs: only given ones are keyed.
  const given = entry.variables.filter((name) => name in info.variableValues);
  const key = JSON.stringify([labels, view, given, given.map((name) => info.variableValues[name])]);
  if (entry.plans.has(key)) return entry.plans.get(key)!;
  const made = plan();
  if (entry.plans.size >= PLANS_PER_FIELD) entry.plans.delete(entry.plans.keys().next().value!);
  entry.plans.set(key, made);
  return made;
}

/** The names of the variables used in a field's selection, through its fragments. */
function variablesBelow(
  node: FieldNode,
  fragments: GraphQLResolveInfo['fragments'],
): readonly string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    visit(set, {
      Variable: (variable) => {
        names.add(variable.name.value);
      },
      FragmentSpread: (spread) => {
        if (seen.has(spread.name.value)) return;
        seen.add(spread.name.value);
        collect(fragments[spread.name.value]?.selectionSet);
      },
    });
  };
  collect(node.selectionSet);
  return [...names].sort();
}

function planned(
  walk: Walk,
  labels: readonly NodeLabel[],
  nodes: readonly FieldNode[],
  view: FactView | null,
): Planned | null {
  try {
    const plan = planNode(walk, labels, nodes, view);
    if (plan.relations.length === 0 && !plan.documents && plan.props === null) return null;
    return { plan, projection: projectionOf(plan, 'n', documentProps(walk)) };
  } catch {
    // A bad argument below (a cursor, a day, an order): the field's resolver reports it.
    return null;
  }
}

/** True when the root field's connection selects this field (e.g. `totalCount`). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return selectsBelow(info, [], [name]);
}

/** The fields a path of field names reaches below the root field, through fragments. */
function fieldsAt(
  walk: Walk,
  root: readonly FieldNode[],
  path: readonly string[],
): readonly FieldNode[] {
  let nodes = root;
  for (const name of path) nodes = childFields(walk, nodes, name);
  return nodes;
}

/**
 * The stored properties that the selection `path` names below the root field (e.g. a search's
 * `hits` → `entity`) reads of entities of `labels`, by the planner's rules; null when a field
 * needs all of them (or a bad argument below stops the planner: the field reports it). Relation
 * fields there are not planned and read nothing here: their loaders go by key.
 */
export function selectedProps(
  info: GraphQLResolveInfo,
  path: readonly string[],
  labels: readonly NodeLabel[],
): string[] | null {
  const walk: Walk = { info, documentFields: [] };
  try {
    return planNode(walk, labels, fieldsAt(walk, info.fieldNodes, path), null).props;
  } catch {
    return null;
  }
}

/**
 * What the selection reads at several places together (each a path and the labels of the
 * entities there, as for selectedProps), plus `always`; null when one of them needs every
 * property.
 */
export function selectedPropsAt(
  info: GraphQLResolveInfo,
  places: readonly (readonly [readonly string[], readonly NodeLabel[]])[],
  always: readonly string[] = [],
): string[] | null {
  const props = new Set(always);
  for (const [path, labels] of places) {
    const read = selectedProps(info, path, labels);
    if (read === null) return null;
    for (const p of read) props.add(p);
  }
  return [...props].sort();
}

/** True when the selection `path` names below the root field asks for any of these fields. */
export function selectsBelow(
  info: GraphQLResolveInfo,
  path: readonly string[],
  names: readonly string[],
): boolean {
  const walk: Walk = { info, documentFields: [] };
  const nodes = fieldsAt(walk, info.fieldNodes, path);
  return names.some((name) => childFields(walk, nodes, name).length > 0);
}

/**
 * How a relation reads its relationship's properties: all (a map), none ('null'), or the listed
 * ones as a list (see propsOf).
 */
function relationProjection(
  props: readonly string[] | 'all',
): ((relationship: string) => string) | undefined {
  if (props === 'all') return undefined;
  if (props.length === 0) return () => 'null';
  return (r) => listProjection(props, r);
}

/**
 * The properties of a document that the plan's `document` fields read, or null for all of them
 * (a field the planner cannot list). The documents are handed to exactly those fields, never to
 * the request's entity loader, so another place asking for more of a document still gets it.
 */
function documentProps(walk: Walk): string[] | null {
  const props = new Set(['id']);
  for (const [name] of fieldsOn(walk, 'SourceDocument', walk.documentFields)) {
    const needed = propertiesFor('SourceDocument', name);
    if (needed === null) return null;
    for (const p of needed) props.add(p);
  }
  return [...props].sort();
}

/**
 * The keys of the documents cited anywhere below a node, as list expressions over its planned
 * list (`planned`): each relation's items name theirs in the last slot of their tuple, and their
 * own planned list in the one before. Empty when nothing below asks for a document.
 */
function citedBelow(node: PlanNode, planned: string, fresh: () => string): string[] {
  const parts: string[] = [];
  node.relations.forEach((relation, i) => {
    const item = fresh();
    const own = relation.documents || relation.child.documents ? [`${item}[6]`] : [];
    const below = citedBelow(relation.child, `${item}[5]`, fresh);
    if (own.length + below.length === 0) return;
    const acc = fresh();
    parts.push(
      `reduce(${acc} = [], ${item} IN coalesce(${planned}[${i}][0], []) | ${acc} + ${[...own, ...below].join(' + ')})`,
    );
  });
  return parts;
}

/**
 * The plan as Cypher expressions on the root variable, with all parameters. The documents are
 * read once per row, after the planned list (whose value the statement names `planned`): a
 * document that a city's forty participations cite travels once, not forty times.
 */
function projectionOf(plan: PlanNode, root: string, documents: string[] | null): Projection {
  const params: Record<string, unknown> = {};
  let counter = 0;
  // A node's planned relations as a list, one `[items, total]` per relation in plan order.
  const nestedOf = (node: PlanNode, v: string): string => {
    if (node.relations.length === 0) return 'null';
    const entries = node.relations.map((relation) => {
      const prefix = `a${counter++}`;
      const cypher = relationCypher(relation.read, v, prefix, {
        planned: (m) => nestedOf(relation.child, m),
        props: (m) => propsOf(relation.child, m),
        rel: relationProjection(relation.relationshipProps),
        documents: { relationship: relation.documents, node: relation.child.documents },
      });
      Object.assign(params, cypher.params);
      const value = `[${cypher.items}, ${cypher.total}]`;
      return relation.label
        ? `CASE WHEN ${v}:${cypherName(relation.label)} THEN ${value} END`
        : value;
    });
    return `[${entries.join(', ')}]`;
  };
  const planned = nestedOf(plan, root);
  let names = 0;
  const cited = [
    ...(plan.documents ? [citedKeys(root)] : []),
    ...citedBelow(plan, 'planned', () => `c${names++}`),
  ];
  return {
    // The root's own record is read by the list queries' reader, as a map.
    props: mapProjection(plan.props, root),
    planned,
    documents:
      cited.length > 0
        ? documentsByKeys(`(${cited.join(' + ')})`, (d) => mapProjection(documents, d))
        : 'null',
    params,
  };
}

/** One planned relation as read: tuples of relationCypher (see itemOf), and the total. */
type RawRelation = [items: unknown[], total: number | null];

/**
 * What the statement read for one node, filed by plan key on its record. The documents cited
 * anywhere in its row go to the citations of the row's records (`documents`), read with just
 * the properties the plan's `document` fields ask for: they never enter the request's entity
 * loader, where another field could want more of a document than was read.
 */
export function attachPlanned(
  record: EntityRecord,
  plan: PlanNode,
  raw: unknown,
  documents: unknown,
): EntityRecord {
  const cited = documentMap(documents);
  const planned = plannedOf(plan, raw, cited);
  if (!planned && !cited) return record;
  // A copy: the record read may also sit in the request's entity loader, for other selections.
  return {
    ...record,
    ...(planned ? { planned } : {}),
    ...(cited ? { documents: cited } : {}),
  };
}

/**
 * The planned relation fields of one node, by plan key. The items' records are made here, so
 * they are completed in place (a national answer has thousands: no copies).
 */
function plannedOf(
  plan: PlanNode,
  raw: unknown,
  documents: ReadonlyMap<string, EntityRecord> | undefined,
): Map<string, RelationResult> | undefined {
  const read = raw as (RawRelation | null)[] | null;
  if (!read) return undefined;
  const planned = new Map<string, RelationResult>();
  plan.relations.forEach((relation, i) => {
    const found = read[i];
    if (!found) return;
    const label = relation.read.field.to[0]!;
    const props = relation.child.props;
    const relationship = relation.relationshipProps;
    const listed = relationship !== 'all' && relationship.length > 0 ? relationship : null;
    planned.set(relation.key, {
      total: found[1],
      items: found[0].map((tuple) => {
        const slots = tuple as unknown[];
        if (props) slots[2] = zipped(props, slots[2]);
        if (listed && slots[3]) slots[3] = zipped(listed, slots[3]);
        const item = itemOf(slots, label);
        const related = toRelatedRecord(item);
        const below = plannedOf(relation.child, item.planned, documents);
        if (below) related.node.planned = below;
        if (documents) {
          related.documents = documents;
          related.node.documents = documents;
        }
        return related;
      }),
    });
  });
  return planned;
}
