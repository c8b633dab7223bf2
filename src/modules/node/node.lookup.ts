import { fromGlobalId } from '../../common/global-id';
import { BadUserInputError, NotFoundError } from '../../common/graphql-errors';
import type { Database } from '../../db/database';
import type { NodeLabel } from '../../model/model';
import { ID_PATTERN } from '../../seed/validate';
import type { Context } from '../../server/context';
import {
  entitiesByRefs,
  entityByRefProjected,
  type Projection,
  type RefLookup,
  type RefMatch,
} from '../entity/entity.repository';
import { displayName, type EntityRecord } from '../entity/entity.record';

/**
 * How every argument that names an entity reads what a researcher types (`node`, `nodes`,
 * `paths`, `neighbourhood`, `compareCities`, `stats.cityProfile`, `timeline`, the city exports):
 *
 * 1. a **readable key** — lower-case letters, digits and hyphens, e.g. `bochum` — names the
 *    entity with that key;
 * 2. **eight digits** are a key too, and also the AGS of a city (`05911000` is Bochum); should
 *    they be the key of one entity and the AGS of another, the input is ambiguous
 *    (BAD_USER_INPUT) and the global id or the key settles it;
 * 3. anything else is a **global id**, as `id` fields return it. Global ids always begin with a
 *    capital letter (base64url of "<Type>:<key>"), keys never do, so the two cannot be confused.
 *
 * What fits none of these is BAD_USER_INPUT naming the argument; what fits but names nothing (or
 * nothing of the type the argument wants) is NOT_FOUND.
 */
export const ID_RULE =
  'a global id (as `id` fields return it), a readable key (e.g. "bochum") or, for a city, its 8-digit AGS (e.g. "05911000")';

/** One sentence for argument descriptions: what the argument accepts. */
export function idDescription(what: string, label?: NodeLabel): string {
  const accepted =
    label === 'City'
      ? 'a global id (as `id` fields return it), the readable key (e.g. "bochum") or the 8-digit AGS (e.g. "05911000")'
      : ID_RULE;
  return `${what}: ${accepted}. Eight digits that are both a key and another city's AGS are refused as ambiguous.`;
}

const AGS = /^\d{8}$/;

/** What a typed id says before any lookup. */
export type ParsedId =
  | { input: string; kind: 'global'; type: string; key: string }
  | { input: string; kind: 'key'; key: string; ags: boolean };

/** Reads one input by the rule above; BAD_USER_INPUT (naming the argument) when it fits none. */
export function parseId(input: string, argument: string): ParsedId {
  if (ID_PATTERN.test(input)) return { input, kind: 'key', key: input, ags: AGS.test(input) };
  if (/^[A-Z]/.test(input)) {
    try {
      return { input, kind: 'global', ...fromGlobalId(input, argument) };
    } catch {
      // The message below says what would have been accepted.
    }
  }
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  throw new BadUserInputError(
    `"${shown}" is not an id (${argument}): give ${ID_RULE}; keys are lower-case`,
    argument,
  );
}

/** How the input is shown in an error: the kind of reference and the reference. */
function named(parsed: ParsedId): string {
  if (parsed.kind === 'global') return `id "${parsed.input}"`;
  return `${parsed.ags ? 'key or AGS' : 'key'} "${parsed.input}"`;
}

function notFound(parsed: ParsedId, argument: string, label?: NodeLabel, found?: EntityRecord) {
  const what = label ?? (parsed.kind === 'global' ? parsed.type : 'entity');
  const where = argument === 'id' ? '' : ` (${argument})`;
  const other = found ? `; it names a ${found.label}` : '';
  return new NotFoundError(`no ${what} with ${named(parsed)}${where}${other}`);
}

/**
 * The entity a parsed input names, from what the lookup found for its key (and AGS): null when
 * nothing (of `label`) is named, BAD_USER_INPUT when a key and an AGS name two entities.
 */
function decide(
  parsed: ParsedId,
  match: RefMatch,
  argument: string,
  label: NodeLabel | undefined,
): { record: EntityRecord | null; other?: EntityRecord } {
  if (parsed.kind === 'global') {
    const record = match.byKey;
    if (!record || record.label !== parsed.type) return { record: null };
    if (label && record.label !== label) return { record: null, other: record };
    return { record };
  }
  const byKey = match.byKey;
  const byAgs = parsed.ags ? match.byAgs : null;
  if (byKey && byAgs && byKey.key !== byAgs.key) {
    throw new BadUserInputError(
      `"${parsed.input}" is ambiguous (${argument}): the key of the ${byKey.label} "${displayName(byKey.key, byKey.props)}" and the AGS of the City "${displayName(byAgs.key, byAgs.props)}" (key "${byAgs.key}"); give the global id or the key instead`,
      argument,
    );
  }
  const record = byKey ?? byAgs;
  if (!record) return { record: null };
  if (label && record.label !== label) return { record: null, other: record };
  return { record };
}

/** Where lookups go: the request's loader (batched with the request's other lookups) or a database. */
export type LookupSource = Context | Database;

async function lookup(source: LookupSource, refs: string[]): Promise<RefMatch[]> {
  if ('loaders' in source) {
    const found = await source.loaders.entityByRef.loadMany(refs);
    return found.map((m) => {
      if (m instanceof Error) throw m;
      return m;
    });
  }
  const found = refs.length > 0 ? await entitiesByRefs(source, refs) : new Map<string, RefMatch>();
  return refs.map((ref) => found.get(ref) ?? { byKey: null, byAgs: null });
}

export interface LookupOptions {
  /** Name of the argument, for error messages and `extensions.argument`. */
  argument: string;
  /** The type the argument wants; an entity of another type counts as not found. */
  label?: NodeLabel;
}

/**
 * The entities several inputs name, in order, with one lookup for all of them; null where an
 * input names nothing (of `label`). Malformed or ambiguous input is BAD_USER_INPUT.
 */
export async function findByIds(
  source: LookupSource,
  inputs: readonly string[],
  options: LookupOptions,
): Promise<(EntityRecord | null)[]> {
  const parsed = inputs.map((input) => parseId(input, options.argument));
  const matches = await lookup(
    source,
    parsed.map((p) => p.key),
  );
  return parsed.map((p, i) => decide(p, matches[i]!, options.argument, options.label).record);
}

/** Like findByIds, but each input must name an entity (of `label`): NOT_FOUND otherwise. */
export async function loadByIds(
  source: LookupSource,
  inputs: readonly string[],
  options: LookupOptions,
): Promise<EntityRecord[]> {
  const parsed = inputs.map((input) => parseId(input, options.argument));
  const matches = await lookup(
    source,
    parsed.map((p) => p.key),
  );
  return parsed.map((p, i) => {
    const { record, other } = decide(p, matches[i]!, options.argument, options.label);
    if (!record) throw notFound(p, options.argument, options.label, other);
    return record;
  });
}

/** The entity one input names (see the rule above); NOT_FOUND when there is none. */
export async function loadById(
  source: LookupSource,
  input: string,
  argument = 'id',
  label?: NodeLabel,
): Promise<EntityRecord> {
  const [record] = await loadByIds(source, [input], { argument, ...(label ? { label } : {}) });
  return record!;
}

/**
 * The keys of inputs that must name entities of `label`, for a caller whose own query matches
 * them by key and says which are missing (compareCities, the city profile): inputs that can only
 * be keys or global ids of that type are read without a lookup, so the common case stays one
 * database query; only eight digits (perhaps an AGS) are looked up. A global id of another type
 * is NOT_FOUND at once.
 */
export async function keysOfIds(
  source: LookupSource,
  inputs: readonly string[],
  options: Required<LookupOptions>,
): Promise<string[]> {
  const parsed = inputs.map((input) => parseId(input, options.argument));
  for (const p of parsed) {
    if (p.kind === 'global' && p.type !== options.label)
      throw notFound(p, options.argument, options.label);
  }
  const digits = parsed.filter((p) => p.kind === 'key' && p.ags).map((p) => p.input);
  const resolved = new Map<string, string>();
  if (digits.length > 0) {
    const records = await loadByIds(source, digits, options);
    digits.forEach((input, i) => resolved.set(input, records[i]!.key));
  }
  return parsed.map((p) => resolved.get(p.input) ?? p.key);
}

/** The NOT_FOUND error for an input the caller's own query did not find (see keysOfIds). */
export function idNotFound(input: string, options: Required<LookupOptions>): NotFoundError {
  return notFound(parseId(input, options.argument), options.argument, options.label);
}

/**
 * The entity one input names, from the match a caller's own statement read for it (see
 * refMatch): NOT_FOUND when there is none (of `label`), BAD_USER_INPUT when ambiguous.
 */
export function entityOfMatch(
  parsed: ParsedId,
  match: RefMatch,
  argument: string,
  label?: NodeLabel,
): EntityRecord {
  const { record, other } = decide(parsed, match, argument, label);
  if (!record) throw notFound(parsed, argument, label, other);
  return record;
}

/**
 * The keys the inputs name, from a statement's own lookup (entity.repository's refLookup), by the
 * rule above: errors as entityOfMatch. The statement went on with what it took each reference to
 * name; that must be what the rule decides.
 */
export function keysOfLookup(
  parsed: readonly ParsedId[],
  lookup: RefLookup,
  argument: string,
  label?: NodeLabel,
): string[] {
  return parsed.map((p) => {
    const found = lookup.get(p.key);
    if (!found) throw new Error(`the statement did not look up "${p.key}"`);
    const key = entityOfMatch(p, found.match, argument, label).key;
    if (found.used !== key) throw new Error(`the statement read ${found.used} for ${key}`);
    return key;
  });
}

/**
 * Like loadById, with the query planner's projection read in the same statement: the entity and
 * what its selection asks for below it, in one round trip. `planned` is null when the projection
 * ran on another entity than the one the input names.
 */
export async function loadByIdProjected(
  db: Database,
  input: string,
  projection: Projection,
  argument = 'id',
): Promise<{ record: EntityRecord; planned: unknown; documents: unknown }> {
  const parsed = parseId(input, argument);
  const found = await entityByRefProjected(db, parsed.key, projection);
  const record = entityOfMatch(parsed, found.match, argument);
  const ours = found.projectedKey === record.key;
  return {
    record,
    planned: ours ? found.planned : null,
    documents: ours ? found.documents : null,
  };
}
