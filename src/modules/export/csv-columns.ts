import {
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeLabel,
  type RelationType,
} from '../../model/model';
import type { CsvValue } from './csv';
import { basisOf } from '../basis/basis';
import type { ExportNode, ExportRelation } from './export.repository';

/**
 * Which columns a CSV file has and how a stored element fills them:
 *
 * - `id`: the readable key (the `key` of the GraphQL API); relationship files have their own `id`
 *   and then `from`, `fromLabel`, `to`, `toLabel` (keys and model labels of the ends);
 * - every field of the label or type in model order; an EDTF field `f` adds `fEarliest` and
 *   `fLatest` (ISO days, empty when open or unknown) after its EDTF string; list fields join
 *   their items with ` | `; booleans are `true`/`false`; missing values are empty;
 * - `dataset`: which import wrote the element (`curated` once curation changed it);
 * - `changedAt` (ISO date-time) and `changedBy`: when the element last changed and who changed
 *   it — a curator's credential id, or `import:<dataset>` for the last import of its dataset;
 * - `basis`: STATED, INFERRED or EDITORIAL (a missing stored basis reads STATED), and `reasoning`
 *   (the one line behind an INFERRED fact, empty otherwise);
 * - the citations as numbered pairs `sourceId1`, `quote1`, `sourceId2`, `quote2`, … up to the
 *   most citations any element of the file has. Numbered pairs keep each quote next to its
 *   document and need no second delimiter inside free text.
 */

export const LIST_SEPARATOR = ' | ';

/** When and by whom every row last changed. */
const CHANGE_COLUMNS = ['changedAt', 'changedBy'];

function changeCells(props: Record<string, unknown>): CsvValue[] {
  return [cell(props.changedAt), cell(props.changedBy)];
}

/** The basis of every fact row. */
const BASIS_COLUMNS = ['basis', 'reasoning'];

function basisCells(props: Record<string, unknown>): CsvValue[] {
  const { basis, reasoning } = basisOf(props);
  return [basis, reasoning];
}

function fieldColumns(fields: Record<string, FieldSpec>): string[] {
  return Object.entries(fields).flatMap(([name, spec]) =>
    spec.type === 'edtf' ? [name, `${name}Earliest`, `${name}Latest`] : [name],
  );
}

function sourceColumns(maxSources: number): string[] {
  return Array.from({ length: maxSources }, (_, i) => [`sourceId${i + 1}`, `quote${i + 1}`]).flat();
}

export function nodeColumns(label: NodeLabel, maxSources: number): string[] {
  const fields: Record<string, FieldSpec> = NODE_TYPES[label].fields;
  return [
    'id',
    ...fieldColumns(fields),
    'dataset',
    ...CHANGE_COLUMNS,
    ...BASIS_COLUMNS,
    ...sourceColumns(maxSources),
  ];
}

export function relationColumns(type: RelationType, maxSources: number): string[] {
  const fields: Record<string, FieldSpec> = RELATION_TYPES[type].fields;
  return [
    'id',
    'from',
    'fromLabel',
    'to',
    'toLabel',
    ...fieldColumns(fields),
    'dataset',
    ...CHANGE_COLUMNS,
    ...BASIS_COLUMNS,
    ...sourceColumns(maxSources),
  ];
}

function cell(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}

function fieldCells(fields: Record<string, FieldSpec>, props: Record<string, unknown>): CsvValue[] {
  return Object.entries(fields).flatMap(([name, spec]) =>
    spec.type === 'edtf'
      ? [cell(props[name]), cell(props[`${name}Earliest`]), cell(props[`${name}Latest`])]
      : [cell(props[name])],
  );
}

function sourceCells(props: Record<string, unknown>, maxSources: number): CsvValue[] {
  const ids = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.quotes as string[] | undefined) ?? [];
  // The header was sized before this batch was read; an import in between can add citations.
  if (ids.length > maxSources) {
    throw new Error('the graph changed while it was exported (more citations than counted)');
  }
  return Array.from({ length: maxSources }, (_, i) => [ids[i] ?? null, quotes[i] ?? null]).flat();
}

export function nodeCells(node: ExportNode, maxSources: number): CsvValue[] {
  const fields: Record<string, FieldSpec> = NODE_TYPES[node.label].fields;
  return [
    node.key,
    ...fieldCells(fields, node.props),
    cell(node.props.dataset),
    ...changeCells(node.props),
    ...basisCells(node.props),
    ...sourceCells(node.props, maxSources),
  ];
}

export function relationCells(rel: ExportRelation, maxSources: number): CsvValue[] {
  const fields: Record<string, FieldSpec> = RELATION_TYPES[rel.type].fields;
  return [
    rel.id,
    rel.from,
    rel.fromLabel,
    rel.to,
    rel.toLabel,
    ...fieldCells(fields, rel.props),
    cell(rel.props.dataset),
    ...changeCells(rel.props),
    ...basisCells(rel.props),
    ...sourceCells(rel.props, maxSources),
  ];
}
