import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/** One ready-made operation, opened as its own tab in the IDE. */
export interface IdeExample {
  /** Tab title. */
  name: string;
  /** The operation text shown in the query editor. */
  query: string;
  /** JSON text for the variables editor. */
  variables?: string;
  /**
   * A write (mutation): its tab comes after every read, so the IDE never opens on it, its title
   * is marked, and its headers editor holds the credential header to fill in.
   */
  writes?: boolean;
}

/** The headers a write tab opens with: a credential placeholder the server refuses as it is. */
export const WRITE_HEADERS = '{\n  "Authorization": "Bearer <your API key>"\n}';
/** The mark before a write tab's title. */
export const WRITE_MARK = '✎ Write: ';

// Below the router's mount path.
const IDE_ASSET_PREFIX = '/ide-assets/';

// Every asset URL carries a version or content hash, so browsers may keep it for good.
const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;

interface Asset {
  /** Path below IDE_ASSET_PREFIX. */
  url: string;
  /** The package directory, and the file within it. */
  root: string;
  file: string;
}

/**
 * Serves a GraphiQL IDE at `/` and `/graphiql` (below wherever the router is mounted) that needs
 * no internet: React, ReactDOM and GraphiQL come from their packages' UMD builds in node_modules,
 * served under `/ide-assets/`, and GraphiQL's stylesheet inlines its fonts as data URLs. A
 * Content-Security-Policy on the page makes the browser refuse anything from another origin, so a
 * CDN reference slipping in later shows up as an error rather than a silent dependency.
 *
 * The IDE opens with one tab per example, titled with the example's name (reads first; write
 * examples last, marked, with a credential header to fill in), and sends operations to
 * `endpoint` (default `/graphql`) with POST. Edits persist in the browser until the examples or
 * the endpoint change; then the tabs start afresh from the new examples.
 */
export function ideRouter(options: {
  endpoint?: string;
  examples: IdeExample[];
  title?: string;
}): express.Router {
  const endpoint = options.endpoint ?? '/graphql';
  const title = options.title ?? 'GraphQL IDE';
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const graphiql = packageDir('graphiql');

  const scripts: Asset[] = [
    asset(react, 'umd/react.production.min.js'),
    asset(reactDom, 'umd/react-dom.production.min.js'),
    // dist/ rather than the identical root copy, so that its sourceMappingURL resolves too.
    asset(graphiql, 'dist/index.umd.js'),
  ];
  const sourceMap = asset(graphiql, 'dist/index.umd.js.map');
  const stylesheet = asset(graphiql, 'dist/style.css');
  const boot = inlineAsset('ide', 'js', BOOT_SCRIPT);
  // Without one the browser asks for /favicon.ico, which the app may not have.
  const favicon = inlineAsset('favicon', 'svg', FAVICON);

  // Reads first: the tab the IDE opens on (the first) is never a write.
  const ordered = [
    ...options.examples.filter((e) => !e.writes),
    ...options.examples.filter((e) => e.writes),
  ];
  const config = {
    endpoint,
    examples: ordered.map(({ name, query, variables, writes }) => ({
      name: writes ? `${WRITE_MARK}${name}` : name,
      query,
      variables: variables ?? null,
      headers: writes ? WRITE_HEADERS : null,
    })),
    storageKey: sha256(JSON.stringify([endpoint, options.examples])).slice(0, 16),
  };
  const configJson = scriptSafeJson(config);
  const csp = contentSecurityPolicy(endpoint);

  const router = express.Router();
  router.get(['/', '/graphiql'], (req, res) => {
    const assets = `${req.baseUrl}${IDE_ASSET_PREFIX}`;
    const src = (url: string) => escapeHtml(assets + url);
    res
      .type('html')
      .set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      })
      .send(
        [
          '<!doctype html>',
          '<html lang="en">',
          '<head>',
          '<meta charset="utf-8">',
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
          `<title>${escapeHtml(title)}</title>`,
          `<link rel="icon" type="image/svg+xml" href="${src(favicon.url)}">`,
          `<link rel="stylesheet" href="${src(stylesheet.url)}">`,
          '<style>html,body,#graphiql{height:100%;margin:0}</style>',
          '</head>',
          '<body>',
          '<div id="graphiql">Loading…</div>',
          `<script type="application/json" id="ide-config">${configJson}</script>`,
          ...scripts.map((script) => `<script src="${src(script.url)}"></script>`),
          `<script src="${src(boot.url)}"></script>`,
          '</body>',
          '</html>',
        ].join('\n'),
      );
  });

  for (const { url, root, file } of [...scripts, sourceMap, stylesheet]) {
    router.get(IDE_ASSET_PREFIX + url, (_req, res, next) => {
      // With `root`, only the part below the package directory is checked for dot-segments;
      // an absolute path under e.g. ~/.cache would otherwise be refused.
      const options = { root, maxAge: ASSET_MAX_AGE_SECONDS * 1000, immutable: true };
      res.sendFile(file, options, (error) => {
        if (error) next(error);
      });
    });
  }
  for (const { url, type, body } of [boot, favicon]) {
    router.get(IDE_ASSET_PREFIX + url, (_req, res) => {
      res
        .type(type)
        .set('Cache-Control', `public, max-age=${ASSET_MAX_AGE_SECONDS}, immutable`)
        .send(body);
    });
  }
  return router;
}

function packageDir(name: string): { name: string; version: string; dir: string } {
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { name, version, dir: path.dirname(manifest) };
}

function asset(pkg: { name: string; version: string; dir: string }, relative: string): Asset {
  // graphiql 5 dropped the UMD build and React 19 its UMD builds: fail at start-up, not in a browser.
  if (!existsSync(path.join(pkg.dir, relative))) {
    throw new Error(
      `The IDE needs ${pkg.name}/${relative}, which ${pkg.name}@${pkg.version} lacks`,
    );
  }
  return {
    url: `${pkg.name}@${pkg.version}/${path.basename(relative)}`,
    root: pkg.dir,
    file: relative,
  };
}

// Named after a hash of its content, so that the long cache never serves a stale copy.
function inlineAsset(
  name: string,
  type: string,
  body: string,
): { url: string; type: string; body: string } {
  return { url: `${name}-${sha256(body).slice(0, 16)}.${type}`, type, body };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// Escaped so that JSON inside a <script> element can never close it or open a comment, while
// JSON.parse still reads back the original text.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function contentSecurityPolicy(endpoint: string): string {
  let connect = "'self'";
  // A caller may point the IDE at an absolute endpoint; only that origin is opened up.
  if (/^https?:\/\//i.test(endpoint)) connect += ` ${new URL(endpoint).origin}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    // GraphiQL and CodeMirror set style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#e10098"/>' +
  '<path d="M16 5l9.5 5.5v11L16 27l-9.5-5.5v-11z" fill="none" stroke="#fff" stroke-width="2.5"/>' +
  '</svg>';

/**
 * Runs in the browser after the UMD bundles have set the `React`, `ReactDOM` and `GraphiQL`
 * globals. Kept out of the HTML so that the CSP can forbid inline scripts.
 */
const BOOT_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('ide-config').textContent);
  var ROOT = 'graphql-ide:';
  var prefix = ROOT + config.storageKey + ':';
  // "graphiql:" is GraphiQL's own namespace inside whatever storage it is given.
  var TAB_STATE = 'graphiql:tabState';
  var store = pickStore();

  // State saved for an older example set would hide the new examples.
  keysWith(ROOT).forEach(function (key) {
    if (key.indexOf(prefix) !== 0) store.removeItem(key);
  });

  var names = {};
  var tabs = config.examples.map(function (example, index) {
    names['example-' + index] = example.name;
    return {
      id: 'example-' + index,
      title: example.name,
      query: example.query,
      variables: example.variables,
      headers: example.headers,
      operationName: null,
      response: null
    };
  });

  var storage = {
    getItem: function (key) {
      var value = store.getItem(prefix + key);
      return key === TAB_STATE && value !== null ? retitleJson(value) : value;
    },
    setItem: function (key, value) { store.setItem(prefix + key, value); },
    removeItem: function (key) { store.removeItem(prefix + key); },
    get length() { return keysWith(prefix).length; },
    clear: function () { keysWith(prefix).forEach(function (key) { store.removeItem(key); }); }
  };

  // defaultTabs would get random ids, and titles only from operation names. Saved tab state keeps
  // its ids, so seeding it is how the example tabs become recognisable for retitle().
  // GraphiQL restores the tab whose query and variables match the saved editor contents, so
  // those are written to match the first tab.
  if (tabs.length > 0 && storage.getItem(TAB_STATE) === null) {
    storage.setItem(TAB_STATE, JSON.stringify({ activeTabIndex: 0, tabs: tabs }));
    storage.setItem('graphiql:query', tabs[0].query);
    if (tabs[0].variables) storage.setItem('graphiql:variables', tabs[0].variables);
    else storage.removeItem('graphiql:variables');
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    storage: storage,
    defaultTabs: tabs.length > 0 ? tabs : undefined,
    // GraphiQL retitles the active tab by operation name on every edit, and hands the new state
    // to onTabChange before it becomes React state: renaming in place there keeps example names.
    onTabChange: retitle,
    defaultEditorToolsVisibility: tabs.some(function (tab) { return tab.variables; })
      ? 'variables'
      : undefined
  }));

  function retitle(state) {
    if (state && Array.isArray(state.tabs)) {
      state.tabs.forEach(function (tab) {
        if (tab && Object.prototype.hasOwnProperty.call(names, tab.id)) tab.title = names[tab.id];
      });
    }
    return state;
  }

  function retitleJson(json) {
    try {
      return JSON.stringify(retitle(JSON.parse(json)));
    } catch (error) {
      return json;
    }
  }

  function keysWith(start) {
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key !== null && key.indexOf(start) === 0) keys.push(key);
    }
    return keys;
  }

  // Private modes and sandboxed frames may refuse localStorage; the tabs then last for the visit.
  function pickStore() {
    try {
      var probe = ROOT + 'probe';
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      var items = new Map();
      return {
        get length() { return items.size; },
        key: function (i) { return Array.from(items.keys())[i] || null; },
        getItem: function (key) { return items.has(key) ? items.get(key) : null; },
        setItem: function (key, value) { items.set(key, String(value)); },
        removeItem: function (key) { items.delete(key); }
      };
    }
  }
})();
`;
