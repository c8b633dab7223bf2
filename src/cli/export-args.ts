/** The arguments of `npm run export`, checked before anything touches the database. */

export const EXPORT_USAGE = `usage: npm run export -- --format csv|jsonld --out <dir or file> [--city <ags, key or id>] [--progress]
  --format csv     one CSV file per entity label and relationship type, written into the directory --out
  --format jsonld  the graph as JSON-LD into the file --out (or graph.jsonld / city-<ags>.jsonld inside a directory)
  --city <ags|key|id> with --format jsonld: only this city's subgraph (its AGS, key or global id)
  --compare <keys> with --format csv: the compareCities matrix of these cities (comma-separated keys, AGS or ids)
                   into the file --out; with --themes <keys>, --as-of YYYY-MM-DD, --as-of-mode CERTAIN|POSSIBLE,
                   --basis ALL|STATED (STATED leaves out facts the sources only imply),
                   --roll-up true|false (false: rows count only what addresses exactly their theme)
  --progress       a progress bar on stderr`;

export interface ExportArgs {
  format: 'csv' | 'jsonld';
  out: string;
  city?: string;
  compare?: {
    cities: string;
    themes?: string;
    asOf?: string;
    asOfMode?: string;
    basis?: string;
    rollUp?: string;
  };
  progress: boolean;
}

const VALUE_FLAGS = [
  '--format',
  '--out',
  '--city',
  '--compare',
  '--themes',
  '--as-of',
  '--as-of-mode',
  '--basis',
  '--roll-up',
] as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `argv`; throws UsageError with one line saying what is wrong; null for --help. */
export function parseExportArgs(argv: readonly string[]): ExportArgs | null {
  const values = new Map<string, string>();
  let progress = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--progress') {
      progress = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg];
    if (flag === undefined || !(VALUE_FLAGS as readonly string[]).includes(flag)) {
      throw new UsageError(`unknown argument: ${arg}`);
    }
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    values.set(flag, value);
  }
  const format = values.get('--format');
  if (format === undefined) throw new UsageError('--format is required (csv or jsonld)');
  if (format !== 'csv' && format !== 'jsonld') {
    throw new UsageError(`--format must be csv or jsonld (got "${format}")`);
  }
  const out = values.get('--out');
  if (out === undefined) throw new UsageError('--out is required');
  const city = values.get('--city');
  if (city !== undefined && format !== 'jsonld') {
    throw new UsageError('--city works with --format jsonld only');
  }
  const compare = values.get('--compare');
  const comparisonOptions = ['--themes', '--as-of', '--as-of-mode', '--basis', '--roll-up'].filter(
    (f) => values.has(f),
  );
  if (compare === undefined && comparisonOptions.length > 0) {
    throw new UsageError(`${comparisonOptions[0]} works with --compare only`);
  }
  if (compare !== undefined && (format !== 'csv' || city !== undefined)) {
    throw new UsageError('--compare works with --format csv only, without --city');
  }
  const optional = (name: string, flag: string) =>
    values.has(flag) ? { [name]: values.get(flag)! } : {};
  return {
    format,
    out,
    progress,
    ...(city !== undefined ? { city } : {}),
    ...(compare !== undefined
      ? {
          compare: {
            cities: compare,
            ...optional('themes', '--themes'),
            ...optional('asOf', '--as-of'),
            ...optional('asOfMode', '--as-of-mode'),
            ...optional('basis', '--basis'),
            ...optional('rollUp', '--roll-up'),
          },
        }
      : {}),
  };
}
