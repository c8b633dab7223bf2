import { asAppError } from '../../common/graphql-errors';
import type { Database } from '../../db/database';
import { loadById } from '../node/node.lookup';

/**
 * The city a city export names (`/export/city/{…}.jsonld`, `npm run export -- --city …`): its
 * AGS, key or global id, read by the same rule as the GraphQL arguments (node.lookup.ts). A
 * malformed or ambiguous reference is BAD_USER_INPUT, one that names no city NOT_FOUND, both as
 * AppErrors for the router and the command line.
 */
export async function exportCity(
  db: Database,
  ref: string,
): Promise<{ key: string; ags: string | null }> {
  try {
    const record = await loadById(db, ref, 'city', 'City');
    const ags = record.props.ags;
    return { key: record.key, ags: typeof ags === 'string' ? ags : null };
  } catch (error) {
    throw asAppError(error);
  }
}
