import { asAppError } from '../../common/graphql-errors';
import { AppError, ErrorCode } from '../../common/errors';
import { isDay } from '../../common/day';
import type { Database } from '../../db/database';
import { MATRIX_HEADER, matrixToRows } from '../compare/compare.csv';
import { compareCities } from '../compare/compare.service';
import { csvOfRows } from './csv';
import { viewOf } from '../time/as-of';

/**
 * A comparison asked for outside GraphQL (a URL query or the command line): the cities as keys,
 * AGS or global ids, read by the same rule as the GraphQL arguments (node.lookup.ts).
 */
export interface ComparisonRequest {
  cities: string[];
  themes: string[] | null;
  asOf: string | null;
  asOfMode: 'CERTAIN' | 'POSSIBLE';
  /** STATED: leave out INFERRED facts (see BasisFilter). */
  basis: 'ALL' | 'STATED';
  /** false: rows count only what addresses exactly their theme (see compareCities). */
  rollUp: boolean;
}

/** Splits "a,b, c" into keys; an empty list is no list. */
export function keyList(value: string | undefined | null): string[] | null {
  const keys = (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  return keys.length > 0 ? keys : null;
}

/** Checks the parts that are not the matrix's own business (day, mode) before any query. */
export function comparisonRequest(input: {
  cities?: string | null;
  themes?: string | null;
  asOf?: string | null;
  asOfMode?: string | null;
  basis?: string | null;
  rollUp?: string | null;
}): ComparisonRequest {
  const cities = keyList(input.cities);
  if (!cities)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'give the cities to compare: cities=bochum,bremerhaven',
    );
  const asOf = input.asOf ?? null;
  if (asOf !== null && !isDay(asOf)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `asOf must be a day as YYYY-MM-DD (got "${asOf}")`,
    );
  }
  const mode = input.asOfMode ?? 'CERTAIN';
  if (mode !== 'CERTAIN' && mode !== 'POSSIBLE') {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `asOfMode must be CERTAIN or POSSIBLE (got "${mode}")`,
    );
  }
  const basis = input.basis ?? 'ALL';
  if (basis !== 'ALL' && basis !== 'STATED') {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `basis must be ALL or STATED (got "${basis}")`);
  }
  const rollUp = input.rollUp ?? 'true';
  if (rollUp !== 'true' && rollUp !== 'false') {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `rollUp must be true or false (got "${rollUp}")`);
  }
  return {
    cities,
    themes: keyList(input.themes),
    asOf,
    asOfMode: mode,
    basis,
    rollUp: rollUp === 'true',
  };
}

/**
 * The compareCities matrix as CSV (long form, one row per theme × city, with evidence): the same
 * matrix the GraphQL field returns. Input errors of the matrix (too few or too many cities,
 * unknown keys) come back as AppErrors with the GraphQL error's code and message, naming the
 * cities as the caller gave them.
 */
export async function comparisonCsv(
  db: Database,
  request: ComparisonRequest,
): Promise<{ text: string; rows: number }> {
  try {
    const matrix = await compareCities(db, {
      ids: request.cities,
      argument: 'cities',
      themes: request.themes,
      view: viewOf({ asOf: request.asOf, asOfMode: request.asOfMode, basis: request.basis }),
      rollUp: request.rollUp,
    });
    const [, ...rows] = matrixToRows(matrix);
    return { text: csvOfRows(MATRIX_HEADER, rows), rows: rows.length };
  } catch (error) {
    throw asAppError(error);
  }
}
