import { BadUserInputError, NotFoundError } from '../../common/graphql-errors';
import type { Database } from '../../db/database';
import { idNotFound, keysOfIds } from '../node/node.lookup';
import type { FactView } from '../time/as-of';
import { buildComparison } from './compare.matrix';
import { comparison } from './compare.repository';
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
  /** Read the documents the evidence cites in the same statement (the selection asks for them). */
  documents?: boolean;
}

function checkDistinct(values: readonly string[], argument: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new BadUserInputError(`${argument} lists "${v}" twice`, argument);
    seen.add(v);
  }
}

/**
 * The city keys behind the ids, by the one id rule (node.lookup.ts): a malformed or ambiguous id
 * is BAD_USER_INPUT, an id of no city NOT_FOUND (found here or by the comparison query itself).
 */
export async function cityKeysOf(
  db: Database,
  ids: readonly string[],
  argument = 'ids',
): Promise<string[]> {
  if (ids.length < MIN_CITIES || ids.length > MAX_CITIES) {
    throw new BadUserInputError(
      `compare between ${MIN_CITIES} and ${MAX_CITIES} cities (got ${ids.length})`,
      argument,
    );
  }
  checkDistinct(ids, argument);
  const keys = await keysOfIds(db, ids, { argument, label: 'City' });
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
  const cityKeys = await cityKeysOf(db, input.ids, argument);
  const themeKeys = themeKeysOf(input.themes);
  const raw = await comparison(
    db,
    cityKeys,
    themeKeys,
    input.view,
    input.rollUp ?? true,
    input.documents ?? false,
  );
  const foundCities = new Set(raw.cities.map((c) => c.key));
  const missingCity = cityKeys.findIndex((k) => !foundCities.has(k));
  if (missingCity >= 0) {
    throw idNotFound(input.ids[missingCity]!, { argument, label: 'City' });
  }
  const foundThemes = new Set(raw.themes.map((t) => t.key));
  const missingTheme = themeKeys?.find((k) => !foundThemes.has(k));
  if (missingTheme !== undefined) {
    throw new NotFoundError(`no Theme with key "${missingTheme}" (themes)`);
  }
  return buildComparison(raw, cityKeys, themeKeys, input.view);
}
