import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { AppError, ErrorCode } from '../common/errors';
import {
  comparisonCsv,
  comparisonRequest,
  type ComparisonRequest,
} from '../modules/export/compare-export';
import { exportCity } from '../modules/export/city-ref';
import {
  exportCityJsonLd,
  exportCsvDir,
  exportGraphJsonLd,
  type WrittenFile,
} from '../modules/export/export.writer';
import { EXPORT_USAGE, parseExportArgs, UsageError, type ExportArgs } from './export-args';
import { ProgressBar } from './progress-bar';
import { runCli } from './run-cli';

/** `npm run export`: the graph as CSV files or JSON-LD, from the database NEO4J_URI names. */
async function main(argv: string[]): Promise<number> {
  let args: ExportArgs | null;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message} (npm run export -- --help shows the usage)`);
    return 2;
  }
  if (args === null) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const isDir = fs.existsSync(args.out) && fs.statSync(args.out).isDirectory();
  let comparison: ComparisonRequest | undefined;
  try {
    if (args.compare) comparison = comparisonRequest(args.compare);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (comparison && isDir) {
    console.error(`--out must be a file for --compare, and ${args.out} is a directory`);
    return 2;
  }
  if (args.format === 'csv' && !comparison && fs.existsSync(args.out) && !isDir) {
    console.error(`--out must be a directory for CSV files, and ${args.out} is a file`);
    return 2;
  }

  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    const started = Date.now();
    const bar = args.progress ? new ProgressBar() : undefined;
    let written: WrittenFile[];
    if (comparison) {
      let csv: { text: string; rows: number };
      try {
        csv = await comparisonCsv(db, comparison);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === ErrorCode.DATABASE_UNAVAILABLE)
          throw error;
        console.error(error.message);
        return 2;
      }
      fs.writeFileSync(args.out, csv.text);
      written = [{ file: args.out, rows: csv.rows }];
    } else if (args.format === 'csv') {
      written = await exportCsvDir(db, args.out, bar);
    } else if (args.city !== undefined) {
      let city: { key: string; ags: string | null };
      try {
        city = await exportCity(db, args.city);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === ErrorCode.DATABASE_UNAVAILABLE)
          throw error;
        console.error(error.message);
        return 2;
      }
      const file = isDir ? path.join(args.out, `city-${city.ags ?? city.key}.jsonld`) : args.out;
      written = [await exportCityJsonLd(db, city.key, file)];
    } else {
      const file = isDir ? path.join(args.out, 'graph.jsonld') : args.out;
      written = [await exportGraphJsonLd(db, file, bar)];
    }
    bar?.finish();
    const rows = written.reduce((sum, w) => sum + w.rows, 0);
    for (const w of written) console.log(`${w.file}  ${w.rows} rows`);
    console.log(
      `exported ${rows} rows in ${written.length} file(s) from ${config.neo4j.uri} in ${Date.now() - started} ms`,
    );
    return 0;
  } catch (error) {
    // A file system problem is the user's to fix; say which path, without a stack trace.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && error instanceof Error) {
      console.error(`cannot write the export to ${args.out}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

runCli(() => main(process.argv.slice(2)));
