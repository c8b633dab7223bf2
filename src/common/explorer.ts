import path from 'node:path';
import express from 'express';
import { REPO_ROOT } from '../config';
import type { Logger } from './logger';

/** Where `npm run build` writes the explorer (explorer/vite.config.ts). */
export const EXPLORER_DIR = path.join(REPO_ROOT, 'dist', 'explorer');

// Vite names every file under assets/ after a hash of its content: browsers may keep them.
const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Everything the explorer loads comes from this origin: its scripts and styles, and the API. The
 * browser refuses anything else, so a dependency that reaches for a CDN shows up as an error.
 * Cytoscape and Observable Plot set styles at run time (Plot writes a <style> into its SVG).
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const NOT_BUILT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Explorer not built</title></head>' +
  '<body><h1>The explorer has not been built</h1><p>Run <code>npm run build</code> (which ' +
  '<code>npm start</code> runs) to build it into <code>dist/explorer</code>. The GraphQL API at ' +
  '<a href="/graphql">/graphql</a> and the IDE at <a href="/">/</a> work without it.</p></body></html>';

/**
 * Serves the explorer (the Vite build in `dir`, by default dist/explorer) below its mount path,
 * `/explore/`: hashed assets with a year-long immutable cache, and for every other path the
 * app's index.html (the app routes in the browser: `/explore/city/bochum` is a page of it),
 * revalidated on each visit so a new build is picked up. A missing asset is a 404, not the page.
 * Without a build every page answers 503 with a note saying how to build it.
 */
export function explorerRouter(options: { dir: string; logger: Logger }): express.Router {
  const { dir, logger } = options;
  const router = express.Router();
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: ASSET_MAX_AGE_SECONDS * 1000,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
    // A chunk of another build: answering with the page would fail as a script anyway.
    (_req: express.Request, res: express.Response) => {
      res.status(404).set('Cache-Control', 'no-store').type('text').send('Not found');
    },
  );
  router.get('/{*path}', (req, res, next) => {
    // `/explore` without its slash: relative asset URLs need the slash.
    if (req.originalUrl.split('?')[0] === req.baseUrl) {
      const query = req.originalUrl.slice(req.baseUrl.length);
      res.redirect(301, `${req.baseUrl}/${query}`);
      return;
    }
    res.setHeader('Content-Security-Policy', EXPLORER_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(
      'index.html',
      { root: dir, headers: { 'Cache-Control': 'no-cache' }, dotfiles: 'deny' },
      (error?: NodeJS.ErrnoException) => {
        if (!error) return;
        if (error.code === 'ENOENT') {
          logger.warn({ dir }, 'the explorer is not built; run npm run build');
          res.status(503).set('Cache-Control', 'no-store').type('html').send(NOT_BUILT);
          return;
        }
        next(error);
      },
    );
  });
  return router;
}
