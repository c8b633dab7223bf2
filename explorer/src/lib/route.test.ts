import { entityUrl, formatRoute, parseRoute, typeSlug, type Route } from './route';

describe('routes', () => {
  it('reads every page and the shared view from a URL', () => {
    expect(parseRoute('/explore/', '', 'en')).toEqual({
      page: { page: 'search', q: '', types: [] },
      view: { lang: 'en', asOf: null, mode: 'CERTAIN' },
    });
    expect(
      parseRoute('/explore/search', '?q=Senioren&types=City,OrgUnit&lang=de&asOf=2020-12-31', 'en'),
    ).toEqual({
      page: { page: 'search', q: 'Senioren', types: ['City', 'OrgUnit'] },
      view: { lang: 'de', asOf: '2020-12-31', mode: 'CERTAIN' },
    });
    expect(
      parseRoute('/explore/org-unit/bochum-rat', '?with=janina-kandt&depth=2', 'de').page,
    ).toEqual({
      page: 'entity',
      type: 'OrgUnit',
      id: 'bochum-rat',
      with: 'janina-kandt',
      depth: 2,
    });
    expect(parseRoute('/explore/entity/Q2l0eTpib2NodW0', '', 'de').page).toEqual({
      page: 'entity',
      type: null,
      id: 'Q2l0eTpib2NodW0',
      with: null,
      depth: 1,
    });
    expect(
      parseRoute(
        '/explore/compare',
        '?cities=bochum,05911000&themes=ageing&cell=ageing~bochum',
        'de',
      ).page,
    ).toEqual({
      page: 'compare',
      cities: ['bochum', '05911000'],
      themes: ['ageing'],
      cell: 'ageing~bochum',
    });
    expect(
      parseRoute(
        '/explore/dashboard',
        '?sel=units-theme:family&asOf=2021-01-01&mode=POSSIBLE',
        'en',
      ),
    ).toEqual({
      page: { page: 'dashboard', selected: 'units-theme:family' },
      view: { lang: 'en', asOf: '2021-01-01', mode: 'POSSIBLE' },
    });
  });

  it('takes `/explore` without its slash as the search page', () => {
    expect(parseRoute('/explore', '', 'de').page).toEqual({ page: 'search', q: '', types: [] });
  });

  it('answers unknown paths, types and malformed view values without failing', () => {
    expect(parseRoute('/explore/atlantis/x', '', 'de').page).toEqual({
      page: 'not-found',
      path: '/explore/atlantis/x',
    });
    expect(parseRoute('/explore/city/a/b', '', 'de').page.page).toBe('not-found');
    expect(parseRoute('/elsewhere', '', 'de').page.page).toBe('not-found');
    expect(parseRoute('/explore/', '?lang=fr&asOf=2020-13&mode=MAYBE', 'de').view).toEqual({
      lang: 'de',
      asOf: null,
      mode: 'CERTAIN',
    });
    expect(parseRoute('/explore/city/%E0%A4%A', '', 'de').page).toMatchObject({ id: '%E0%A4%A' });
  });

  it('writes a URL that reads back as the same route', () => {
    const routes: Route[] = [
      {
        page: { page: 'search', q: 'Familie Bochum', types: ['City'] },
        view: { lang: 'de', asOf: null, mode: 'CERTAIN' },
      },
      {
        page: {
          page: 'entity',
          type: 'SourceDocument',
          id: 'bochum-leben-im-alter-2020',
          with: 'bochum',
          depth: 2,
        },
        view: { lang: 'en', asOf: '2020-12-31', mode: 'POSSIBLE' },
      },
      {
        page: {
          page: 'compare',
          cities: ['bochum', 'bremerhaven'],
          themes: [],
          cell: 'family~bochum',
        },
        view: { lang: 'en', asOf: '2021-06-01', mode: 'CERTAIN' },
      },
      {
        page: { page: 'dashboard', selected: 'funding:bmfsfj~2021' },
        view: { lang: 'de', asOf: null, mode: 'CERTAIN' },
      },
    ];
    for (const route of routes) {
      const url = new URL(formatRoute(route), 'http://localhost');
      expect(parseRoute(url.pathname, url.search, 'de')).toEqual(route);
    }
  });

  it('keeps shared links readable', () => {
    expect(
      formatRoute({
        page: {
          page: 'compare',
          cities: ['bochum', 'bremerhaven'],
          themes: ['ageing'],
          cell: null,
        },
        view: { lang: 'de', asOf: '2020-12-31', mode: 'CERTAIN' },
      }),
    ).toBe('/explore/compare?cities=bochum,bremerhaven&themes=ageing&asOf=2020-12-31&lang=de');
    expect(entityUrl('OrgUnit', 'bochum-rat', { lang: 'en', asOf: null, mode: 'POSSIBLE' })).toBe(
      '/explore/org-unit/bochum-rat?lang=en',
    );
    expect(
      formatRoute({
        page: { page: 'dashboard', selected: 'units-year:-' },
        view: { lang: 'en', asOf: null, mode: 'CERTAIN' },
      }),
    ).toBe('/explore/dashboard?sel=units-year:-&lang=en');
    expect(typeSlug('SourceDocument')).toBe('source-document');
  });
});
