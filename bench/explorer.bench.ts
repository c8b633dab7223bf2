import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { EXPLORER_DIR } from '../src/common/explorer';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/database';
import { importSeeds } from '../src/seed/import';
import { createApp } from '../src/server/app';
import { CHROMIUM, launchBrowser } from './browser';

/**
 * The explorer's bundle size and page load times, in Debian's Chromium against the app
 * (`createApp`, 127.0.0.1) over the project seeds in the database NEO4J_URI names.
 *
 * Bundle: every file of dist/explorer/assets, raw and gzip-compressed (as a server or proxy
 * compressing responses would send it; ours sends them uncompressed on loopback).
 * Load time of a page: from navigation start until its data is drawn (the same "ready" elements
 * the browser tests wait for), measured in Node around `page.goto` + the wait:
 * - first: a fresh browser profile (no cached assets) after Neo4j's query caches were cleared
 *   (`db.clearQueryCaches()`), so the database plans the page's queries anew: the worst case,
 *   as after a restart,
 * - warm: the median of `--repeat` further visits, each in a new tab of one browser (assets
 *   cached by the browser, query plans cached by Neo4j; the app keeps no data across loads).
 * Usage: node dist/bench/explorer.bench.js [--repeat 5]
 */

const repeatIndex = process.argv.indexOf('--repeat');
const REPEAT = repeatIndex > 0 ? Number(process.argv[repeatIndex + 1]) : 5;
const READY_MS = 120_000;

const PAGES: { name: string; url: string; ready: string[] }[] = [
  {
    name: 'Search ("Senioren")',
    url: '/explore/?q=Senioren&lang=de',
    ready: ['.result-group li a'],
  },
  {
    name: 'Entity: City Bochum',
    url: '/explore/city/bochum?lang=de',
    ready: ['.fact', '.timeline li', '.graph-hit'],
  },
  {
    name: 'Entity: OrgUnit (staff unit)',
    url: '/explore/org-unit/bochum-stabsstelle-leben-im-alter?lang=de',
    ready: ['.fact', '.timeline li', '.graph-hit'],
  },
  {
    name: 'Compare (3 seed cities)',
    url: '/explore/compare?cities=bochum,bremerhaven,castrop-rauxel&lang=de',
    ready: ['table.matrix button.cell', 'table.ranking tbody tr'],
  },
  {
    name: 'Dashboard (4 charts)',
    url: '/explore/dashboard?lang=de',
    ready: [
      '#units-theme rect.bar',
      '#units-state-kind rect.bar',
      '#units-year rect.bar',
      '#funding rect.bar',
    ],
  },
];

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function bundle(): { file: string; raw: number; gzip: number }[] {
  const dir = path.join(EXPLORER_DIR, 'assets');
  return fs
    .readdirSync(dir)
    .sort()
    .map((file) => {
      const body = fs.readFileSync(path.join(dir, file));
      return { file, raw: body.length, gzip: zlib.gzipSync(body).length };
    });
}

/** Milliseconds from navigation to the page's data on screen; the asset bytes it loaded. */
async function visit(
  context: BrowserContext,
  base: string,
  page: (typeof PAGES)[number],
): Promise<{ ms: number; assetBytes: number; errors: string[] }> {
  const tab = await context.newPage();
  const errors: string[] = [];
  let assetBytes = 0;
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  tab.on('response', (response) => {
    if (response.url().includes('/explore/assets/')) {
      const length = Number(response.headers()['content-length'] ?? 0);
      assetBytes += length;
    }
  });
  const started = performance.now();
  await tab.goto(base + page.url);
  for (const selector of page.ready) {
    await tab.locator(selector).first().waitFor({ timeout: READY_MS });
  }
  const ms = performance.now() - started;
  await tab.close();
  return { ms, assetBytes, errors };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(EXPLORER_DIR, 'index.html'))) {
    throw new Error(`${EXPLORER_DIR} has no build: run npm run build`);
  }
  const files = bundle();
  console.log('## Bundle (dist/explorer/assets)\n');
  console.log('| file | KiB | KiB gzip |\n| --- | ---: | ---: |');
  for (const f of files) console.log(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  const sum = (key: 'raw' | 'gzip') => files.reduce((total, f) => total + f[key], 0);
  console.log(`| **all** | **${kb(sum('raw'))}** | **${kb(sum('gzip'))}** |\n`);

  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  await db.verify();
  await importSeeds(db, { ...config.seed, dataset: 'seed' });
  const { apollo, httpServer } = await createApp(db, createLogger('fatal'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  console.log(
    `Pages at ${base}/explore/, Neo4j at ${config.neo4j.uri}; ${os.cpus().length} × ` +
      `${os.cpus()[0]?.model}; Node ${process.version}; ${CHROMIUM}; load average ` +
      `${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
  );
  const rows: string[] = [];
  try {
    for (const page of PAGES) {
      // First visit: a browser of its own, so nothing is cached, and no query plan either.
      await db.executeWrite((tx) => tx.run('CALL db.clearQueryCaches()'));
      const fresh = await launchBrowser();
      const first = await visit(fresh.context, base, page).finally(() => fresh.close());
      const browser = await launchBrowser();
      const warm: number[] = [];
      try {
        await visit(browser.context, base, page); // fills the browser cache
        for (let i = 0; i < REPEAT; i++) warm.push((await visit(browser.context, base, page)).ms);
      } finally {
        await browser.close();
      }
      if (first.errors.length > 0)
        console.log(`errors on ${page.name}: ${first.errors.join('; ')}`);
      rows.push(
        `| ${page.name} | ${kb(first.assetBytes)} | ${first.ms.toFixed(0)} | ${median(warm).toFixed(0)} | ${Math.min(...warm).toFixed(0)}–${Math.max(...warm).toFixed(0)} |`,
      );
    }
  } finally {
    await apollo.stop();
    await db.close();
  }
  console.log('## Page load (navigation → data drawn)\n');
  console.log(
    `| page | assets loaded (KiB) | first visit ms | warm median ms (${REPEAT}) | warm range ms |\n| --- | ---: | ---: | ---: | ---: |`,
  );
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
