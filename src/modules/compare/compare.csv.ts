/**
 * A comparison matrix as CSV rows, for R, Stata or a spreadsheet: one row per cell (theme ×
 * city), long ("tidy") form, so that a study can pivot it any way and every row keeps its
 * evidence. Pure: the caller writes the rows with a CSV writer (quoting is the writer's job).
 *
 * Multi-valued columns put one item per line (a line break inside the quoted field): the import
 * stores every quote with its whitespace collapsed to single spaces, so no quote or key holds a
 * line break, while commas, semicolons and even " | " occur in quotes. Spreadsheets show such a
 * cell as several lines; R's read.csv reads it as is, Stata with `import delimited,
 * bindquote(strict)`. `quotes` and `source_ids` are parallel, like the `quotes`/`sourceIds` lists
 * of the graph: the i-th quote is from the i-th document.
 */

export const MATRIX_HEADER = [
  'theme_key',
  'theme_label_en',
  'theme_label_de',
  'city_key',
  'city_name',
  'city_ags',
  'addressed',
  'units',
  'programmes',
  'posts',
  'events',
  'unit_keys',
  'programme_keys',
  'post_keys',
  'event_keys',
  'quotes',
  'source_ids',
] as const;

export const LIST_SEPARATOR = '\n';

/** What the CSV needs of a matrix; CityComparison has this shape. */
export interface MatrixLike {
  rows: readonly {
    theme: { key: string; labelEn?: string | null; labelDe?: string | null };
    cells: readonly CellLike[];
  }[];
}

interface EvidenceLike {
  node: { key: string };
  unit?: { key: string } | null;
}

interface CellLike {
  city: { key: string; name?: string | null; ags?: string | null };
  addressed: boolean;
  units: readonly EvidenceLike[];
  programmes: readonly EvidenceLike[];
  posts: readonly EvidenceLike[];
  events: readonly EvidenceLike[];
  sources: readonly { documentKey: string; quote: string }[];
}

const keys = (items: readonly EvidenceLike[]) => items.map((i) => i.node.key).join(LIST_SEPARATOR);

/** A post is "person@unit": the same person may hold posts in two units. */
const postKeys = (items: readonly EvidenceLike[]) =>
  items.map((i) => (i.unit ? `${i.node.key}@${i.unit.key}` : i.node.key)).join(LIST_SEPARATOR);

/** The header and one row per cell, rows in matrix order (themes, then cities). */
export function matrixToRows(matrix: MatrixLike): string[][] {
  const out: string[][] = [[...MATRIX_HEADER]];
  for (const row of matrix.rows) {
    for (const cell of row.cells) {
      out.push([
        row.theme.key,
        row.theme.labelEn ?? '',
        row.theme.labelDe ?? '',
        cell.city.key,
        cell.city.name ?? '',
        cell.city.ags ?? '',
        cell.addressed ? 'true' : 'false',
        String(cell.units.length),
        String(cell.programmes.length),
        String(cell.posts.length),
        String(cell.events.length),
        keys(cell.units),
        keys(cell.programmes),
        postKeys(cell.posts),
        keys(cell.events),
        cell.sources.map((s) => s.quote).join(LIST_SEPARATOR),
        cell.sources.map((s) => s.documentKey).join(LIST_SEPARATOR),
      ]);
    }
  }
  return out;
}
