import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../bench/browser';
import { MATRIX_HEADER } from '../explorer/src/lib/compare-table';
import { REPO_ROOT } from '../src/config';
import { EXPLORER_DIR } from '../src/common/explorer';
import { parseCsv } from '../src/modules/export/csv';
import { seededApi } from './api';
import { colourCounts, decodePng } from './png';

/**
 * The explorer in a real browser (Debian's Chromium driven by playwright-core) against the API
 * over the seeded graph. One browser for the whole file; each test opens its own pages. Needs
 * the build (`npm run build` writes dist/explorer).
 */
const api = seededApi();
let browser: Browser | undefined;

const SHOTS = path.join(REPO_ROOT, 'test-output', 'explorer');
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
// A cold database plans each new query shape first; pages wait for their data, not a fixed time.
const READY_MS = 60_000;
jest.setTimeout(180_000);

beforeAll(async () => {
  if (!fs.existsSync(path.join(EXPLORER_DIR, 'index.html'))) {
    throw new Error(`${EXPLORER_DIR} has no build: run npm run build before the tests`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** Console errors, page errors, failed requests and requests to any other origin. */
  problems: string[];
}

async function open(url: string, size: keyof typeof SIZES = 'desktop'): Promise<Opened> {
  const page = await browser!.context.newPage();
  await page.setViewportSize(SIZES[size]);
  const origin = new URL(api().url).origin;
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) {
      problems.push(`request to another origin: ${u}`);
    }
  });
  page.on('requestfailed', (r) => {
    // Suggestions cancel the request of the text typed before; that is not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`);
    }
  });
  await page.goto(origin + url);
  return { page, problems };
}

/**
 * Waits until `selector` matches `n` elements. Polled from here: the page's CSP forbids the
 * string evaluation `waitForFunction` would need, and a fixed sleep would be a timed test.
 */
async function waitForCount(page: Page, selector: string, n: number): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while ((await page.locator(selector).count()) !== n) {
    if (Date.now() > deadline) throw new Error(`${selector}: not ${n} elements`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The entity keys of the links in a part of the page (`/explore/<type>/<key>?…`). */
async function linkedKeys(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => decodeURIComponent(href.split('?')[0]!.split('/').pop()!));
}

const PAGES: { name: string; url: string; ready: string[] }[] = [
  {
    name: 'search',
    url: '/explore/?q=Senioren&lang=de',
    ready: ['.result-group li a'],
  },
  {
    name: 'entity',
    url: '/explore/city/bochum?lang=de',
    ready: ['.graph-hit', '.fact', '.timeline li'],
  },
  {
    name: 'compare',
    url: '/explore/compare?cities=bochum,bremerhaven,castrop-rauxel&lang=de',
    ready: ['table.matrix button.cell', 'table.ranking tbody tr'],
  },
  {
    name: 'dashboard',
    url: '/explore/dashboard?lang=de',
    ready: ['units-theme', 'units-state-kind', 'units-year', 'funding'].map(
      (chart) => `#${chart} rect.bar`,
    ),
  },
];

describe('the explorer in a browser', () => {
  it('reads Chromium screenshots exactly (so a blank one is told apart)', async () => {
    const page = await browser!.context.newPage();
    await page.setViewportSize({ width: 200, height: 100 });
    await page.setContent(
      '<body style="margin:0"><div style="height:60px;background:#ff0000"></div>' +
        '<div style="height:40px;background:#0000ff"></div></body>',
    );
    const image = decodePng(await page.screenshot());
    expect([image.width, image.height]).toEqual([200, 100]);
    expect(colourCounts(image)).toEqual([
      [0xff0000ff, 200 * 60],
      [0x0000ffff, 200 * 40],
    ]);
    await page.close();
  });

  it.each(PAGES)(
    'loads the $name page at 1280×800 and phone size without errors or other origins, and draws it',
    async ({ name, url, ready }) => {
      for (const size of ['desktop', 'phone'] as const) {
        const { page, problems } = await open(url, size);
        for (const selector of ready) {
          await page.locator(selector).first().waitFor({ timeout: READY_MS });
        }
        const file = path.join(SHOTS, `${name}-${size}.png`);
        await page.screenshot({ path: file });
        const image = decodePng(fs.readFileSync(file));
        expect([image.width, image.height]).toEqual([SIZES[size].width, SIZES[size].height]);
        const colours = colourCounts(image);
        const pixels = image.width * image.height;
        // Text, links, badges and charts: many colours, and no single one fills the page.
        expect(colours.length).toBeGreaterThan(50);
        expect(colours[0]![1] / pixels).toBeLessThan(0.95);
        expect(problems).toEqual([]);
        await page.close();
      }
    },
  );

  it('search, suggestions grouped by type, an entity page, a click on a neighbour in the graph', async () => {
    const { page, problems } = await open('/explore/?lang=en');
    const box = page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill('Leben im Alter');
    const option = page.getByRole('option', { name: /^Stabsstelle „Leben im Alter“/ });
    await option.waitFor({ timeout: READY_MS });
    const groups = await page
      .getByRole('listbox')
      .locator('[role=group] .group-label')
      .allTextContents();
    const hits = (
      await api().query(
        '{ search(text: "Leben im Alter", first: 8) { hits { entity { __typename } } } }',
      )
    ).data.search.hits as { entity: { __typename: string } }[];
    const labels: Record<string, string> = {
      OrgUnit: 'Unit',
      Programme: 'Programme',
      Theme: 'Theme',
      City: 'City',
      Person: 'Person',
      Event: 'Event',
      Organisation: 'Organisation',
      SourceDocument: 'Source document',
    };
    expect(groups).toEqual([...new Set(hits.map((h) => labels[h.entity.__typename]))]);

    await option.click();
    await page.waitForURL('**/explore/org-unit/bochum-stabsstelle-leben-im-alter?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Stabsstelle „Leben im Alter“');
    // The page's facts are the API's: the people in posts in the unit, with their quotes.
    const unit = (
      await api().query(
        `{ node(id: "bochum-stabsstelle-leben-im-alter") { ... on OrgUnit {
             posts { person { key } sources { quote } } } } }`,
      )
    ).data.node;
    const posts = page.locator('section[aria-labelledby="rel-posts"]');
    await posts.waitFor({ timeout: READY_MS });
    expect(await linkedKeys(page, 'section[aria-labelledby="rel-posts"] .fact-head a')).toEqual(
      unit.posts.map((p: { person: { key: string } }) => p.person.key),
    );
    expect(await posts.locator('blockquote').allTextContents()).toEqual(
      unit.posts.flatMap((p: { sources: { quote: string }[] }) =>
        p.sources.map((s) => `„${s.quote}“`),
      ),
    );

    // A click on the node of Bochum in the neighbourhood graph (drawn on a canvas) opens its page.
    const bochum = page.locator('.graph-hit[data-key="bochum"]');
    await bochum.waitFor({ state: 'attached', timeout: READY_MS });
    await bochum.scrollIntoViewIfNeeded();
    const box2 = (await bochum.boundingBox())!;
    await page.mouse.click(box2.x + box2.width / 2, box2.y + box2.height / 2);
    await page.waitForURL('**/explore/city/bochum?lang=en');
    await page.locator('h1', { hasText: 'Bochum' }).waitFor({ timeout: READY_MS });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('applies the asOf day of the control to the facts of an entity page', async () => {
    const { page, problems } = await open('/explore/city/bochum?lang=en');
    const units = 'section[aria-labelledby="rel-orgUnits"] .fact-head a';
    await page.locator(units).first().waitFor({ timeout: READY_MS });
    const all = (
      await api().query('{ node(id: "bochum") { ... on City { orgUnits { node { key } } } } }')
    ).data.node.orgUnits.map((u: { node: { key: string } }) => u.node.key);
    expect(await linkedKeys(page, units)).toEqual(all);

    await page.locator('#asof-day').fill('2020-12-31');
    await page.waitForURL('**/explore/city/bochum?asOf=2020-12-31&lang=en');
    const onDay = (
      await api().query(
        '{ node(id: "bochum") { ... on City { orgUnits(asOf: "2020-12-31") { node { key } } } } }',
      )
    ).data.node.orgUnits.map((u: { node: { key: string } }) => u.node.key);
    expect(onDay).toEqual(['bochum-rat', 'bochum-stabsstelle-leben-im-alter']);
    await page.locator('.notice', { hasText: '2020-12-31' }).waitFor({ timeout: READY_MS });
    // The page's own day: the list shrinks to the units valid on it.
    await waitForCount(page, units, onDay.length);
    expect(await linkedKeys(page, units)).toEqual(onDay);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('compares three seed cities: the downloaded CSV holds the rows of compareCities', async () => {
    const ids = ['bochum', 'bremerhaven', 'castrop-rauxel'];
    const { page, problems } = await open(`/explore/compare?cities=${ids.join(',')}&lang=en`);
    await page.locator('table.matrix button.cell').first().waitFor({ timeout: READY_MS });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download matrix (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('comparison.csv');
    const [header, ...rows] = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));

    const names =
      '... on OrgUnit { name } ... on Programme { name } ... on Person { name } ... on Event { name }';
    const matrix = (
      await api().query(
        `query($ids: [ID!]!) { compareCities(ids: $ids) {
           cities { key name ags }
           rows { theme { key labelEn } cells { city { key } addressed evidenceCount
             units { node { ${names} } } programmes { node { ${names} } }
             posts { node { ${names} } } events { node { ${names} } } } }
           ranking { city { name } } } }`,
        { ids },
      )
    ).data.compareCities;
    type Named = { node: { name: string } }[];
    const cities = new Map(
      (matrix.cities as { key: string; name: string; ags: string }[]).map((c) => [c.key, c]),
    );
    const expected = matrix.rows.flatMap(
      (row: {
        theme: { key: string; labelEn: string };
        cells: {
          city: { key: string };
          addressed: boolean;
          evidenceCount: number;
          units: Named;
          programmes: Named;
          posts: Named;
          events: Named;
        }[];
      }) =>
        row.cells.map((cell) => {
          const city = cities.get(cell.city.key)!;
          const lists = [cell.units, cell.programmes, cell.posts, cell.events];
          return [
            row.theme.key,
            row.theme.labelEn,
            city.key,
            city.name,
            city.ags,
            String(cell.addressed),
            String(cell.evidenceCount),
            ...lists.map((list) => String(list.length)),
            ...lists.map((list) => list.map((e) => e.node.name).join('\n')),
          ];
        }),
    );
    expect(header).toEqual(MATRIX_HEADER);
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(4 * 3);
    // Every city covers some theme in the seeds, so the matrix is not trivially empty.
    expect(new Set(rows.filter((r) => r[5] === 'true').map((r) => r[2]))).toEqual(new Set(ids));

    // A cell's evidence opens on click; the ranking is the API's order.
    await page.locator('button.cell[data-cell="ageing~bochum"]').click();
    await page.waitForURL('**cell=ageing~bochum**');
    const ageing = matrix.rows.find((r: { theme: { key: string } }) => r.theme.key === 'ageing');
    const cell = ageing.cells.find((c: { city: { key: string } }) => c.city.key === 'bochum');
    const panel = page.locator('.cell-evidence');
    expect(
      await panel.locator('.evidence-group').first().locator('li .entity-link a').allTextContents(),
    ).toEqual((cell.units as Named).map((u) => u.node.name));
    expect(await page.locator('table.ranking tbody th').allTextContents()).toEqual(
      matrix.ranking.map((r: { city: { name: string } }) => r.city.name),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a dashboard bar, clicked or chosen by keyboard, lists its members', async () => {
    const { page, problems } = await open('/explore/dashboard?lang=en');
    const stats = (
      await api().query(`{ stats {
          byTheme: orgUnits(groupBy: [THEME], orderBuckets: COUNT, membersPerBucket: 100) {
            buckets { keys { key } count members { key } } }
          byYear: orgUnits(groupBy: [YEAR], membersPerBucket: 100) { buckets { keys { key } members { key } } } } }`)
    ).data.stats;
    type Bucket = { keys: { key: string | null }[]; count: number; members: { key: string }[] };
    const membersOf = (buckets: Bucket[], key: string | null) =>
      buckets
        .find((b) => b.keys[0]!.key === key)!
        .members.map((m) => m.key)
        .sort();

    const bar = page.locator('#units-theme rect.bar[data-bucket="ageing"]');
    await bar.waitFor({ timeout: READY_MS });
    await bar.click();
    await page.waitForURL('**sel=units-theme:ageing**');
    const ageing = await linkedKeys(page, '#units-theme .members a');
    expect(ageing.sort()).toEqual(membersOf(stats.byTheme.buckets, 'ageing'));
    expect(ageing.length).toBeGreaterThan(0);

    // Keyboard: focus the "none stated" column of the year chart and press Enter.
    await page.locator('#units-year rect.bar[data-bucket="-"]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**sel=units-year:-**');
    const undated = await linkedKeys(page, '#units-year .members a');
    expect(undated.sort()).toEqual(membersOf(stats.byYear.buckets, null));

    // The chart's CSV is its table: one row per bar with the count and the members' keys.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#units-theme').getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const [header, ...rows] = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));
    expect(header).toEqual(['theme', 'theme_label', 'count', 'members']);
    expect(rows.map((r) => [r[0], r[2], r[3]!.split('\n').sort().join(' ')])).toEqual(
      (stats.byTheme.buckets as Bucket[]).map((b) => [
        b.keys[0]!.key ?? '',
        String(b.count),
        b.members
          .map((m) => m.key)
          .sort()
          .join(' '),
      ]),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
