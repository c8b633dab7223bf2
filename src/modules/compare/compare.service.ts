import { BadUserInputError, NotFoundError } from '../../common/graphql-errors';
import type { Database } from '../../db/database';
import type { RefLookup } from '../entity/entity.repository';
import { idNotFound, keysOfLookup, parseId, type ParsedId } from '../node/node.lookup';
import type { FactView } from '../time/as-of';
import { buildComparison } from './compare.matrix';
import { comparison } from './compare.repository';
import { READ_ALL, type ComparisonProjection } from './compare.selection';
import type { CityComparison } from './compare.type';

export const MIN_CITIES = 2;
export const MAX_CITIES = 50;
export const MAX_THEMES = 100;

export interface ComparisonInput {
  /** The cities in column order: global ids, keys or AGS (see node.lookup.ts). */
  ids: readonly string[];
  /** The argument that named them, for errors (default `ids`). */
  argument?: string;
  /** Theme keys, in row order; null for the top concepts. */
  themes: readonly string[] | null;
  view: FactView | null;
  /**
   * Whether a row counts what addresses a narrower theme too (the taxonomy's roll-up, default)
   * or only what addresses exactly the row's theme.
   */
  rollUp?: boolean;
  /**
   * What to read of the entities (what the selection reads of them), and whether to read the
   * documents the evidence cites in the same statement; absent: every property, no documents.
   */
  read?: ComparisonProjection;
}

function checkDistinct(values: readonly string[], argument: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new BadUserInputError(`${argument} lists "${v}" twice`, argument);
    seen.add(v);
  }
}

/**
 * Checks the number of city ids and that none is listed twice, and reads each by the one id rule
 * (node.lookup.ts): a malformed id is BAD_USER_INPUT, a global id of another type NOT_FOUND; the
 * comparison's statement looks the rest up.
 */
export function parseCityIds(ids: readonly string[], argument = 'ids'): ParsedId[] {
  if (ids.length < MIN_CITIES || ids.length > MAX_CITIES) {
    throw new BadUserInputError(
      `compare between ${MIN_CITIES} and ${MAX_CITIES} cities (got ${ids.length})`,
      argument,
    );
  }
  checkDistinct(ids, argument);
  return ids.map((id) => {
    const parsed = parseId(id, argument);
    if (parsed.kind === 'global' && parsed.type !== 'City') {
      throw idNotFound(id, { argument, label: 'City' });
    }
    return parsed;
  });
}

/**
 * The city keys the statement's lookup found for the ids: an id of no city is NOT_FOUND, an
 * ambiguous one BAD_USER_INPUT, and one city named twice (by key and by AGS) BAD_USER_INPUT.
 */
function cityKeysOf(
  ids: readonly string[],
  parsed: readonly ParsedId[],
  lookup: RefLookup,
  argument: string,
): string[] {
  const keys = keysOfLookup(parsed, lookup, argument, 'City');
  // "bochum" and its AGS are one city, named twice.
  const twice = keys.findIndex((key, i) => keys.indexOf(key) !== i);
  if (twice >= 0) {
    throw new BadUserInputError(
      `${argument} names the city "${keys[twice]}" twice ("${ids[keys.indexOf(keys[twice]!)]}" and "${ids[twice]}")`,
      argument,
    );
  }
  return keys;
}

export function themeKeysOf(themes: readonly string[] | null): string[] | null {
  if (themes === null) return null;
  if (themes.length === 0 || themes.length > MAX_THEMES) {
    throw new BadUserInputError(
      `give between 1 and ${MAX_THEMES} theme keys, or leave themes out for the top concepts`,
      'themes',
    );
  }
  checkDistinct(themes, 'themes');
  return [...themes];
}

/**
 * The comparison matrix of cities by theme, for the GraphQL field and for exports: validates the
 * input, reads everything in one query, builds the matrix and the ranking.
 */
export async function compareCities(db: Database, input: ComparisonInput): Promise<CityComparison> {
  const argument = input.argument ?? 'ids';
  const parsed = parseCityIds(input.ids, argument);
  const themeKeys = themeKeysOf(input.themes);
  // The cities' lookup and the comparison: one statement.
  const raw = await comparison(
    db,
    parsed.map((p) => p.key),
    themeKeys,
    input.view,
    input.rollUp ?? true,
    input.read ?? READ_ALL,
  );
  const cityKeys = cityKeysOf(input.ids, parsed, raw.lookup, argument);
  const foundThemes = new Set(raw.themes.map((t) => t.key));
  const missingTheme = themeKeys?.find((k) => !foundThemes.has(k));
  if (missingTheme !== undefined) {
    throw new NotFoundError(`no Theme with key "${missingTheme}" (themes)`);
  }
  return buildComparison(raw, cityKeys, themeKeys, input.view);
}
