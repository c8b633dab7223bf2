import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { translator, type Translate } from './lib/i18n';
import { formatRoute, parseRoute, type Lang, type Page, type Route, type View } from './lib/route';

interface RouterValue {
  route: Route;
  /** Opens a URL of the explorer: a new history entry, or in place (`replace`). */
  navigate(url: string, options?: { replace?: boolean }): void;
  /** The URL of a page under the current view. */
  href(page: Page, view?: Partial<View>): string;
  t: Translate;
}

const RouterContext = createContext<RouterValue | null>(null);

function browserLang(): Lang {
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

function currentLocation() {
  return { pathname: window.location.pathname, search: window.location.search };
}

/** Keeps the route in step with the address bar (history API; no page reloads). */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const onPop = () => setLocation(currentLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const route = useMemo(
    () => parseRoute(location.pathname, location.search, browserLang()),
    [location],
  );
  // The address bar always carries the whole state (the language too), so it can be shared.
  useEffect(() => {
    const canonical = formatRoute(route);
    if (canonical !== location.pathname + location.search) {
      window.history.replaceState(null, '', canonical);
    }
    document.documentElement.lang = route.view.lang;
  }, [route, location]);
  const navigate = useCallback((url: string, options: { replace?: boolean } = {}) => {
    if (options.replace) {
      window.history.replaceState(null, '', url);
    } else {
      window.history.pushState(null, '', url);
      window.scrollTo(0, 0);
    }
    setLocation(currentLocation());
  }, []);
  const value = useMemo<RouterValue>(
    () => ({
      route,
      navigate,
      href: (page, view) => formatRoute({ page, view: { ...route.view, ...view } }),
      t: translator(route.view.lang),
    }),
    [route, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** A link inside the explorer: a real `<a href>` (open in new tab, copy link), routed in place. */
export function Link({
  to,
  replace,
  children,
  ...rest
}: { to: string; replace?: boolean; children: ReactNode } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href'
>) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(to, { replace });
  };
  return (
    <a {...rest} href={to} onClick={onClick}>
      {children}
    </a>
  );
}
