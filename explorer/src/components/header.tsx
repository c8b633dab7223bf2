import type { Lang, Page } from '../lib/route';
import { Link, useRouter } from '../router';

/** The view every page shares: the day the graph is read on, and how certain that must be. */
function AsOfControl() {
  const { route, navigate, href, t } = useRouter();
  const { view, page } = route;
  const set = (asOf: string | null, mode = view.mode) =>
    navigate(href(page, { asOf, mode }), { replace: true });
  return (
    <div className="asof" role="group" aria-labelledby="asof-label">
      <label id="asof-label" htmlFor="asof-day">
        {t('asOfLabel')}
      </label>
      <input
        id="asof-day"
        type="date"
        min="0001-01-01"
        max="9999-12-31"
        value={view.asOf ?? ''}
        aria-describedby="asof-help"
        onChange={(e) => set(/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null)}
      />
      <label htmlFor="asof-mode" className="sr-only">
        {t('asOfMode')}
      </label>
      <select
        id="asof-mode"
        value={view.mode}
        disabled={!view.asOf}
        onChange={(e) => set(view.asOf, e.target.value === 'POSSIBLE' ? 'POSSIBLE' : 'CERTAIN')}
      >
        <option value="CERTAIN">{t('modeCERTAIN')}</option>
        <option value="POSSIBLE">{t('modePOSSIBLE')}</option>
      </select>
      {view.asOf && (
        <button type="button" className="link-button" onClick={() => set(null)}>
          {t('asOfClear')}
        </button>
      )}
      <span id="asof-help" className="hint">
        {view.asOf ? t('asOfHelp') : `${t('asOfHelp')} (${t('asOfAny')})`}
      </span>
    </div>
  );
}

function LanguageSwitch() {
  const { route, href, t } = useRouter();
  const langs: [Lang, string][] = [
    ['de', 'Deutsch'],
    ['en', 'English'],
  ];
  return (
    <div className="lang" role="group" aria-label={t('language')}>
      {langs.map(([lang, name]) => (
        <Link
          key={lang}
          to={href(route.page, { lang })}
          replace
          lang={lang}
          aria-current={route.view.lang === lang ? 'true' : undefined}
          // The visible "DE"/"EN" stays part of the name (WCAG 2.5.3, label in name).
          aria-label={`${name} (${lang.toUpperCase()})`}
        >
          {lang.toUpperCase()}
        </Link>
      ))}
    </div>
  );
}

export function Header() {
  const { route, href, t } = useRouter();
  const current = route.page.page;
  const items: [Page, string, boolean][] = [
    [{ page: 'search', q: '', types: [] }, t('navSearch'), current === 'search'],
    [
      { page: 'compare', cities: [], themes: [], cell: null },
      t('navCompare'),
      current === 'compare',
    ],
    [{ page: 'dashboard', selected: null }, t('navDashboard'), current === 'dashboard'],
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="brand">
        <Link to={href({ page: 'search', q: '', types: [] })}>
          Kommunalgraph <span>Explorer</span>
        </Link>
      </div>
      <nav aria-label={t('mainNav')}>
        <ul>
          {items.map(([page, label, isCurrent]) => (
            <li key={page.page}>
              <Link to={href(page)} aria-current={isCurrent ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
          <li>
            <a href="/">{t('navIde')}</a>
          </li>
        </ul>
      </nav>
      <AsOfControl />
      <LanguageSwitch />
    </header>
  );
}
