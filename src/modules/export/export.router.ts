import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError, ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';
import type { Database } from '../../db/database';
import type { DataVersion } from '../../server/data-version';
import {
  cacheControl,
  ifNoneMatchAny,
  matchesIfNoneMatch,
  weakEtag,
} from '../../server/http-cache';
import { comparisonCsv, comparisonRequest } from './compare-export';
import { csvChunks, csvFileStats } from './csv-export';
import { CSV_FILES, csvFileByName } from './export-files';
import { exportCity } from './city-ref';
import { cityJsonLd, graphJsonLdChunks } from './jsonld-export';
import { CONTEXT_FILE } from './jsonld';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const JSONLD_TYPE = 'application/ld+json';

export interface ExportRouterOptions {
  dataVersion: DataVersion;
  /** Digest of the running code (see `buildDigest`), part of every ETag. */
  buildDigest: string;
  maxAgeSeconds: number;
  logger: Logger;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.QUERY_TIMEOUT]: 503,
};

/**
 * The export endpoints, mounted at /export:
 *
 * - `GET /export/` lists the files;
 * - `GET /export/<file>.csv`: one CSV per entity label (`cities.csv`) and relationship type
 *   (`participates-in.csv`), streamed page by page;
 * - `GET /export/graph.jsonld`: the whole graph as JSON-LD, streamed;
 * - `GET /export/city/<ags, key or id>.jsonld`: one city's subgraph (404 for an unknown city, 400
 *   for a reference that is malformed or ambiguous);
 * - `GET /export/context.jsonld`: the JSON-LD context the documents use;
 * - `GET /export/compare.csv?cities=a,b[&themes=…][&asOf=…][&asOfMode=…][&basis=…]`: a compareCities
 *   matrix, one row per theme × city with its evidence.
 *
 * Every file is an attachment with its name, `Cache-Control` and an ETag from the data version,
 * so a repeated download with `If-None-Match` costs one small query and a 304.
 */
export function exportRouter(db: Database, options: ExportRouterOptions): express.Router {
  const router = express.Router();
  const { dataVersion, buildDigest, maxAgeSeconds, logger } = options;

  const fail = (res: Response, error: unknown) => {
    const code = error instanceof AppError ? error.code : ErrorCode.INTERNAL;
    const status = STATUS[code] ?? 500;
    // Headers set for a file that is not coming must not describe the error.
    res.removeHeader('Content-Disposition');
    res.removeHeader('ETag');
    res.setHeader('Cache-Control', 'no-store');
    // Set outright: a file's content type may already be set, and res.json keeps one it finds.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (status === 500) logger.error({ err: error }, 'export failed');
    else if (error instanceof AppError && error.detail) logger.warn({ detail: error.detail }, code);
    const message =
      status === 500 || !(error instanceof Error) ? 'Internal server error' : error.message;
    res.status(status).json({ error: { code, message } });
  };

  /**
   * Headers of a downloadable file. True when nothing more is to be sent: the client's copy is
   * still current (304), or it asked with HEAD.
   */
  const prepare = async (
    req: Request,
    res: Response,
    name: string,
    type: string,
    variant: string = name,
  ) => {
    const etag = weakEtag('export', await dataVersion.current(), buildDigest, variant);
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', cacheControl(maxAgeSeconds));
    res.setHeader('ETag', etag);
    const fresh = matchesIfNoneMatch(req.headers['if-none-match'], etag);
    if (fresh) res.status(304);
    if (fresh || req.method === 'HEAD') {
      res.end();
      return true;
    }
    return false;
  };

  /** Once the first bytes are out, a failure can only cut the transfer short, never look whole. */
  const stream = async (res: Response, chunks: AsyncIterable<string>) => {
    try {
      await pipeline(Readable.from(chunks), res);
    } catch (error) {
      if (!res.writableEnded) logger.warn({ err: error }, 'export stream aborted');
      res.destroy();
    }
  };

  router.get('/', (req, res) => {
    const base = req.baseUrl;
    res.setHeader('Cache-Control', cacheControl(maxAgeSeconds));
    res.json({
      files: [
        ...CSV_FILES.map((f) => ({
          name: f.name,
          url: `${base}/${f.name}`,
          contentType: CSV_TYPE,
          ...(f.kind === 'entity'
            ? { kind: 'entity', label: f.label }
            : { kind: 'relationship', type: f.type }),
        })),
        {
          name: 'graph.jsonld',
          url: `${base}/graph.jsonld`,
          contentType: JSONLD_TYPE,
          kind: 'graph',
        },
      ],
      city: { urlTemplate: `${base}/city/{ags}.jsonld`, contentType: JSONLD_TYPE },
      compare: {
        urlTemplate: `${base}/compare.csv?cities={key},{key}[&themes={key},…][&asOf=YYYY-MM-DD][&asOfMode=CERTAIN|POSSIBLE][&basis=ALL|STATED]`,
        contentType: CSV_TYPE,
      },
      context: `${base}/context.jsonld`,
    });
  });

  router.get('/context.jsonld', (req, res) => {
    const text = fs.readFileSync(CONTEXT_FILE, 'utf8');
    res.setHeader('Content-Type', JSONLD_TYPE);
    res.setHeader('Cache-Control', cacheControl(maxAgeSeconds));
    const etag = `W/"${createHash('sha256').update(text).digest('hex').slice(0, 20)}"`;
    res.setHeader('ETag', etag);
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.send(Buffer.from(text));
  });

  router.get('/graph.jsonld', async (req, res) => {
    try {
      if (await prepare(req, res, 'graph.jsonld', JSONLD_TYPE)) return;
    } catch (error) {
      fail(res, error);
      return;
    }
    await stream(res, graphJsonLdChunks(db));
  });

  router.get('/city/:file', async (req, res) => {
    const match = /^(.+)\.jsonld$/.exec(req.params.file);
    try {
      if (!match) {
        throw new AppError(
          ErrorCode.NOT_FOUND,
          `no export at /export/city/${req.params.file.slice(0, 200)}; expected /export/city/<ags, key or id>.jsonld`,
        );
      }
      const city = await exportCity(db, match[1]!);
      // Named from the database's values, never from the request.
      const name = `city-${(city.ags ?? city.key).replace(/[^\w.-]/g, '_')}.jsonld`;
      if (await prepare(req, res, name, JSONLD_TYPE)) return;
      // A Buffer, so Express leaves the content type as set (JSON-LD is UTF-8 by definition).
      res.send(Buffer.from(await cityJsonLd(db, city.key)));
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/compare.csv', async (req, res) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? req.query[name] : null);
    let body: string;
    try {
      const request = comparisonRequest({
        cities: text('cities'),
        themes: text('themes'),
        asOf: text('asOf'),
        asOfMode: text('asOfMode'),
        basis: text('basis'),
        rollUp: text('rollUp'),
      });
      // The file name is part of the ETag, so each comparison is cached on its own.
      const name = `compare-${request.cities
        .join('-')
        .replace(/[^\w.-]/g, '_')
        .slice(0, 120)}.csv`;
      const etagName = JSON.stringify(request);
      // `*` matches only a comparison that exists: unknown cities or themes answer their error.
      let csv = ifNoneMatchAny(req.headers['if-none-match'])
        ? (await comparisonCsv(db, request)).text
        : undefined;
      if (await prepare(req, res, name, CSV_TYPE, etagName)) return;
      csv ??= (await comparisonCsv(db, request)).text;
      body = csv;
    } catch (error) {
      fail(res, error);
      return;
    }
    res.send(Buffer.from(body));
  });

  router.get('/:file', async (req, res) => {
    const file = csvFileByName(req.params.file);
    if (!file) {
      fail(
        res,
        new AppError(
          ErrorCode.NOT_FOUND,
          `no export file "${req.params.file}"; GET /export/ lists the files`,
        ),
      );
      return;
    }
    let stats;
    try {
      if (await prepare(req, res, file.name, CSV_TYPE)) return;
      stats = await csvFileStats(db, file);
    } catch (error) {
      fail(res, error);
      return;
    }
    await stream(res, csvChunks(db, file, stats));
  });

  // Everything else under /export answers JSON too, never Express's HTML page: other methods and
  // paths, and paths Express cannot decode (a malformed %-escape).
  router.use((req, res) => {
    fail(
      res,
      new AppError(
        ErrorCode.NOT_FOUND,
        `no export at ${req.method} /export${req.path.slice(0, 200)}; GET /export/ lists the files`,
      ),
    );
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown }).status;
    fail(
      res,
      typeof status === 'number' && status >= 400 && status < 500
        ? new AppError(ErrorCode.BAD_USER_INPUT, 'the request path or query is malformed')
        : error,
    );
  });

  return router;
}
