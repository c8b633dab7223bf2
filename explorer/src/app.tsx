import { useEffect } from 'react';
import { Header } from './components/header';
import { ComparePage } from './pages/compare-page';
import { DashboardPage } from './pages/dashboard-page';
import { EntityPage } from './pages/entity-page';
import { SearchPage } from './pages/search-page';
import { Link, RouterProvider, useRouter } from './router';

function NotFound({ path }: { path: string }) {
  const { href, t } = useRouter();
  return (
    <>
      <h1>{t('notFound')}</h1>
      <p>{t('notFoundText', { path })}</p>
      <p>
        <Link to={href({ page: 'search', q: '', types: [] })}>{t('backToSearch')}</Link>
      </p>
    </>
  );
}

function CurrentPage() {
  const { route, t } = useRouter();
  const { page } = route;
  useEffect(() => {
    const titles = {
      search: t('navSearch'),
      entity: '',
      compare: t('compareTitle'),
      dashboard: t('dashboardTitle'),
      'not-found': t('notFound'),
    };
    // Entity pages set their own title once they know the entity's name.
    if (page.page !== 'entity') document.title = `${titles[page.page]} · ${t('appTitle')}`;
  }, [page, t]);
  switch (page.page) {
    case 'search':
      return <SearchPage q={page.q} types={page.types} />;
    case 'entity':
      return <EntityPage page={page} />;
    case 'compare':
      return <ComparePage page={page} />;
    case 'dashboard':
      return <DashboardPage selected={page.selected} />;
    case 'not-found':
      return <NotFound path={page.path} />;
  }
}

export function App() {
  return (
    <RouterProvider>
      <Header />
      <main id="main" tabIndex={-1}>
        <CurrentPage />
      </main>
    </RouterProvider>
  );
}
