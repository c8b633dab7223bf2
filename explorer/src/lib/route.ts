/**
 * Everything a page shows is in its URL, so any view can be shared: the page and its own state in
 * the path and query, and the view every page shares — language, the `asOf` day and its mode.
 */

export type Lang = 'de' | 'en';
export type AsOfMode = 'CERTAIN' | 'POSSIBLE';

/** The state every page shares. */
export interface View {
  lang: Lang;
  /** "As the graph describes the world on" this day (YYYY-MM-DD); null: every fact. */
  asOf: string | null;
  /** CERTAIN: proven by the stated dates; POSSIBLE: not ruled out by them. */
  mode: AsOfMode;
}

export type Page =
  | { page: 'search'; q: string; types: string[] }
  | {
      page: 'entity';
      /** The entity's type when the URL names it (`/explore/city/bochum`), else null. */
      type: string | null;
      /** Readable key, global id or AGS, as the API's `node(id:)` takes it. */
      id: string;
      /** The other entity of the "explain the connection" box. */
      with: string | null;
      /** Steps of the neighbourhood graph (1 or 2). */
      depth: 1 | 2;
    }
  | {
      page: 'compare';
      /** City ids in column order (keys, AGS or global ids). */
      cities: string[];
      /** Theme keys in row order; none: the API's default (the top concepts). */
      themes: string[];
      /** The cell whose evidence is open: `themeKey~cityKey`. */
      cell: string | null;
    }
  | {
      page: 'dashboard';
      /** The bar whose members are open: `chartId:bucketId`. */
      selected: string | null;
    }
  | { page: 'not-found'; path: string };

export interface Route {
  page: Page;
  view: View;
}

/** Where the server mounts the explorer (Vite's `base`). */
export const BASE = '/explore/';

const ENTITY_TYPES = [
  'City',
  'County',
  'District',
  'Event',
  'OrgUnit',
  'Organisation',
  'Person',
  'Programme',
  'SourceDocument',
  'State',
  'Theme',
  'Venue',
] as const;

/** `OrgUnit` → `org-unit`: the path segment of a type's pages. */
export function typeSlug(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

const TYPE_BY_SLUG = new Map<string, string>(ENTITY_TYPES.map((t) => [typeSlug(t), t]));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Reads a URL (path below BASE and query string) into a route; `fallbackLang` applies when the
 * URL names no language (the browser's).
 */
export function parseRoute(pathname: string, search: string, fallbackLang: Lang): Route {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  const asOf = params.get('asOf');
  const view: View = {
    lang: lang === 'de' || lang === 'en' ? lang : fallbackLang,
    asOf: asOf && DAY.test(asOf) ? asOf : null,
    mode: params.get('mode') === 'POSSIBLE' ? 'POSSIBLE' : 'CERTAIN',
  };
  const rest = pathname.startsWith(BASE)
    ? pathname.slice(BASE.length)
    : pathname === BASE.slice(0, -1)
      ? ''
      : null;
  const segments = (rest ?? '').split('/').filter((s) => s.length > 0);
  const [first, second, ...more] = segments;
  let page: Page;
  if (rest === null) {
    page = { page: 'not-found', path: pathname };
  } else if (first === undefined || (first === 'search' && second === undefined)) {
    page = { page: 'search', q: params.get('q') ?? '', types: list(params.get('types')) };
  } else if (first === 'compare' && second === undefined) {
    page = {
      page: 'compare',
      cities: list(params.get('cities')),
      themes: list(params.get('themes')),
      cell: params.get('cell'),
    };
  } else if (first === 'dashboard' && second === undefined) {
    page = { page: 'dashboard', selected: params.get('sel') };
  } else if (
    second !== undefined &&
    more.length === 0 &&
    (first === 'entity' || TYPE_BY_SLUG.has(first))
  ) {
    page = {
      page: 'entity',
      type: TYPE_BY_SLUG.get(first) ?? null,
      id: safeDecode(second),
      with: params.get('with'),
      depth: params.get('depth') === '2' ? 2 : 1,
    };
  } else {
    page = { page: 'not-found', path: pathname };
  }
  return { page, view };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URL of a route: path below BASE, then the page's parameters, then the shared view. */
export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  const { page, view } = route;
  let path: string;
  switch (page.page) {
    case 'search':
      path = '';
      if (page.q) params.set('q', page.q);
      if (page.types.length > 0) params.set('types', page.types.join(','));
      break;
    case 'entity':
      path = `${page.type ? typeSlug(page.type) : 'entity'}/${encodeURIComponent(page.id)}`;
      if (page.with) params.set('with', page.with);
      if (page.depth !== 1) params.set('depth', String(page.depth));
      break;
    case 'compare':
      path = 'compare';
      if (page.cities.length > 0) params.set('cities', page.cities.join(','));
      if (page.themes.length > 0) params.set('themes', page.themes.join(','));
      if (page.cell) params.set('cell', page.cell);
      break;
    case 'dashboard':
      path = 'dashboard';
      if (page.selected) params.set('sel', page.selected);
      break;
    case 'not-found':
      return page.path;
  }
  if (view.asOf) {
    params.set('asOf', view.asOf);
    if (view.mode !== 'CERTAIN') params.set('mode', view.mode);
  }
  params.set('lang', view.lang);
  // Commas, tildes and colons stay readable in shared links; URLSearchParams would escape them.
  const query = params.toString().replace(/%2C/g, ',').replace(/%7E/g, '~').replace(/%3A/g, ':');
  return `${BASE}${path}${query ? `?${query}` : ''}`;
}

/** The URL of an entity's page under the same view. */
export function entityUrl(type: string | null, id: string, view: View): string {
  return formatRoute({ page: { page: 'entity', type, id, with: null, depth: 1 }, view });
}
