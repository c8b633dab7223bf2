import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import vm from 'node:vm';
import express from 'express';
import { ideRouter, WRITE_HEADERS, WRITE_MARK, type IdeExample } from './ide';

const examples: IdeExample[] = [
  // A write listed first still never becomes the tab the IDE opens on.
  { name: 'Einheit anlegen', query: 'mutation { create { ok } }', writes: true },
  { name: 'Kommunen in Bremen', query: 'query Kommunen { territories { key } }' },
  {
    name: 'Programme nach Thema',
    query: 'query Programmes($theme: String!) { programmes(theme: $theme) { key } }',
    variables: '{\n  "theme": "housing"\n}',
  },
  // Must stay inert text inside the page's JSON, not end the script element.
  { name: 'Böse </script><script>alert(1)</script>', query: '{ hello } # <!-- </SCRIPT>' },
];

// Hosts a GraphiQL page typically pulls from at run time; none may appear in what we serve.
const CDN_HOSTS = [
  'unpkg.com',
  'cdn.jsdelivr.net',
  'esm.sh',
  'cdnjs.cloudflare.com',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
];

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(ideRouter({ endpoint: '/graphql', examples, title: 'Kommunalgraph <IDE>' }));
  app.use('/tools', ideRouter({ examples: [] }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function page(path: string): Promise<{ response: Response; html: string }> {
  const response = await fetch(base + path);
  return { response, html: await response.text() };
}

/** Every URL the page could make the browser load: attributes, ES imports and CSS url(). */
function references(html: string): string[] {
  const patterns = [
    /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi,
    /\bimport\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']/g,
    /\burl\(\s*["']?([^"')]+)/gi,
  ];
  return patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1]!));
}

function tagAttributes(html: string, tag: 'script' | 'link'): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map((match) =>
    Object.fromEntries(
      [...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((attribute) => [
        attribute[1]!,
        attribute[2]!,
      ]),
    ),
  );
}

function config(html: string): { endpoint: string; examples: unknown[] } {
  const match = /<script type="application\/json" id="ide-config">([^]*?)<\/script>/.exec(html);
  return JSON.parse(match![1]!) as { endpoint: string; examples: unknown[] };
}

describe('ideRouter', () => {
  it.each(['/', '/graphiql'])('serves the IDE page at %s', async (path) => {
    const { response, html } = await page(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<title>Kommunalgraph &lt;IDE&gt;</title>');
    expect(html).toContain('Kommunen in Bremen');
    expect(html).toContain('Programme nach Thema');
    const reads = examples.filter((e) => !e.writes);
    expect(config(html)).toEqual({
      endpoint: '/graphql',
      examples: [
        ...reads.map(({ name, query, variables }) => ({
          name,
          query,
          variables: variables ?? null,
          headers: null,
        })),
        {
          name: `${WRITE_MARK}Einheit anlegen`,
          query: 'mutation { create { ok } }',
          variables: null,
          headers: WRITE_HEADERS,
        },
      ],
      storageKey: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('keeps example text from closing the embedded JSON script', async () => {
    const { html } = await page('/');
    const opened = html.match(/<script\b/gi)!.length;
    expect(html.match(/<\/script/gi)!.length).toBe(opened);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('alert(1)</script>');
  });

  it('refers only to same-origin paths', async () => {
    const { html } = await page('/');
    expect(html).not.toMatch(/https?:\/\//i);
    const refs = references(html);
    expect(refs.length).toBeGreaterThanOrEqual(6);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(?:[a-z][a-z\d+.-]*:|\/\/)/i);
      expect(new URL(ref, `${base}/`).origin).toBe(base);
    }
  });

  it('tells the browser to load nothing from other origins', async () => {
    const { response } = await page('/graphiql');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
  });

  it('serves every referenced script, stylesheet and icon from node_modules, cached for good', async () => {
    const { html } = await page('/');
    const scripts = tagAttributes(html, 'script').filter((script) => script.src);
    const links = tagAttributes(html, 'link');
    const expected = [
      ...scripts.map((script) => [script.src!, /^(?:text|application)\/javascript/] as const),
      ...links.map(
        (link) => [link.href!, link.rel === 'icon' ? /^image\/svg/ : /^text\/css/] as const,
      ),
    ];
    expect(scripts).toHaveLength(4);
    expect(links.map((link) => link.rel).sort()).toEqual(['icon', 'stylesheet']);

    for (const [url, contentType] of expected) {
      expect(url).toMatch(/^\/ide-assets\//);
      const response = await fetch(base + url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.headers.get('content-type')).toMatch(contentType);
      expect(response.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('serves code that fetches nothing from a CDN at run time', async () => {
    const { html } = await page('/');
    const urls = [
      ...tagAttributes(html, 'script').map((script) => script.src),
      ...tagAttributes(html, 'link').map((link) => link.href),
    ].filter((url): url is string => Boolean(url));
    for (const url of urls) {
      const body = await (await fetch(base + url)).text();
      for (const host of CDN_HOSTS) {
        expect({ url, host, found: body.includes(host) }).toEqual({ url, host, found: false });
      }
      expect(body).not.toMatch(/\bimport(?:Scripts)?\(\s*["'`](?:https?:)?\/\//);
      if (!url.endsWith('.css')) continue;
      // GraphiQL inlines its fonts and icons; anything else in the stylesheet would be fetched.
      for (const ref of [...body.matchAll(/\burl\(\s*["']?([^"')]+)/gi)].map((m) => m[1]!)) {
        expect(ref).toMatch(/^data:/);
      }
    }
  });

  it('serves a start-up script the browser can parse', async () => {
    const { html } = await page('/');
    const boot = tagAttributes(html, 'script').at(-1)!.src!;
    expect(boot).toMatch(/^\/ide-assets\/ide-[0-9a-f]{16}\.js$/);
    const code = await (await fetch(base + boot)).text();
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).toContain('GraphiQL.createFetcher');
  });

  it('serves only the listed files below /ide-assets/', async () => {
    const { html } = await page('/');
    const graphiqlDir = /\/ide-assets\/graphiql@[^/]+\//.exec(html)![0];
    expect((await fetch(`${base}${graphiqlDir}package.json`)).status).toBe(404);
    expect((await fetch(`${base}/ide-assets/../package.json`)).status).toBe(404);
  });

  it('works below a mount path, pointing at /graphql by default', async () => {
    const { response, html } = await page('/tools/graphiql');
    expect(response.status).toBe(200);
    expect(config(html)).toMatchObject({ endpoint: '/graphql', examples: [] });
    const urls = tagAttributes(html, 'script')
      .map((script) => script.src)
      .filter((url): url is string => Boolean(url));
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      expect(url).toMatch(/^\/tools\/ide-assets\//);
      expect((await fetch(base + url)).status).toBe(200);
    }
  });
});
