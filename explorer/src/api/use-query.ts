import { useEffect, useState } from 'react';
import { ApiError, graphql } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

// Answers of this session, so going back shows a page at once; the API's answers change only
// on import, and a reload starts afresh.
const cache = new Map<string, unknown>();
const CACHE_SIZE = 100;

function remember(key: string, value: unknown) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

/** Runs `query` whenever it or its variables change; null runs nothing. */
export function useQuery<T>(
  query: string | null,
  variables: Record<string, unknown>,
): QueryState<T> {
  const key = query === null ? null : `${query}\n${JSON.stringify(variables)}`;
  const [state, setState] = useState<QueryState<T> & { key: string | null }>(() => ({
    key,
    data: key === null ? undefined : (cache.get(key) as T | undefined),
    error: undefined,
    loading: key !== null && !cache.has(key),
  }));
  useEffect(() => {
    if (key === null || query === null) {
      setState({ key, data: undefined, error: undefined, loading: false });
      return;
    }
    if (cache.has(key)) {
      setState({ key, data: cache.get(key) as T, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState({ key, data: undefined, error: undefined, loading: true });
    graphql<T>(query, variables, controller.signal).then(
      (data) => {
        remember(key, data);
        setState({ key, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK_ERROR');
        setState({ key, data: undefined, error: apiError, loading: false });
      },
    );
    return () => controller.abort();
    // `key` stands for the query and its variables.
  }, [key]);
  // Until the effect runs for a new key, the state still belongs to the old one.
  if (state.key !== key) {
    const cached = key === null ? undefined : (cache.get(key) as T | undefined);
    return { data: cached, error: undefined, loading: key !== null && cached === undefined };
  }
  return state;
}
