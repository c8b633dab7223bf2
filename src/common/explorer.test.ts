import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { createLogger } from './logger';
import { EXPLORER_CSP, explorerRouter } from './explorer';

const INDEX =
  '<!doctype html><title>Explorer</title><script src="/explore/assets/index-abc.js"></script>';

let built: string;
let missing: string;
let server: Server;
let base: string;

beforeAll(async () => {
  built = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-built-'));
  fs.mkdirSync(path.join(built, 'assets'));
  fs.writeFileSync(path.join(built, 'index.html'), INDEX);
  fs.writeFileSync(path.join(built, 'assets', 'index-abc.js'), 'console.log(1);');
  missing = path.join(built, 'not-there');
  const logger = createLogger('silent');
  const app = express();
  app.use('/explore', explorerRouter({ dir: built, logger }));
  app.use('/unbuilt', explorerRouter({ dir: missing, logger }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(built, { recursive: true, force: true });
});

describe('the explorer route', () => {
  it('serves the app for every path below it, revalidated, with a same-origin CSP', async () => {
    for (const url of ['/explore/', '/explore/city/bochum?lang=de', '/explore/compare']) {
      const response = await fetch(base + url);
      expect([url, response.status]).toEqual([url, 200]);
      expect(await response.text()).toBe(INDEX);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    }
    expect(EXPLORER_CSP).toContain("default-src 'none'");
    expect(EXPLORER_CSP).toContain("connect-src 'self'");
    expect(EXPLORER_CSP).toContain("script-src 'self'");
  });

  it('serves hashed assets for a year, and a missing one as 404 rather than the page', async () => {
    const asset = await fetch(`${base}/explore/assets/index-abc.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1);');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gone = await fetch(`${base}/explore/assets/index-old.js`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBe('no-store');
    expect(await gone.text()).toBe('Not found');
  });

  it('adds the slash to /explore, keeping the query', async () => {
    const response = await fetch(`${base}/explore?lang=en`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/explore/?lang=en');
  });

  it('says how to build it when there is no build', async () => {
    const response = await fetch(`${base}/unbuilt/city/bochum`);
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('The explorer has not been built');
    expect(html).toContain('npm run build');
    // No path of the server's file system reaches the client.
    expect(html).not.toContain(missing);
  });
});
