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

function cacheKey(query: string, variables: Record<string, unknown>): string {
  return `${query}\n${JSON.stringify(variables)}`;
}

function initial<T>(key: string): QueryState<T> {
  return cache.has(key)
    ? { data: cache.get(key) as T, error: undefined, loading: false }
    : { data: undefined, error: undefined, loading: true };
}

/**
 * Runs several queries with the same variables in parallel, each answer on its own as it
 * arrives; they run again when a query or a variable changes.
 */
export function useQueries<T>(
  queries: string[],
  variables: Record<string, unknown>,
): QueryState<T>[] {
  const keys = queries.map((query) => cacheKey(query, variables));
  const joined = keys.join('\n\n');
  const [state, setState] = useState<{ joined: string; states: QueryState<T>[] }>(() => ({
    joined,
    states: keys.map((key) => initial<T>(key)),
  }));
  useEffect(() => {
    const controller = new AbortController();
    setState({ joined, states: keys.map((key) => initial<T>(key)) });
    keys.forEach((key, i) => {
      if (cache.has(key)) return;
      const settle = (next: QueryState<T>) =>
        setState((current) =>
          current.joined === joined
            ? { joined, states: current.states.map((s, j) => (j === i ? next : s)) }
            : current,
        );
      graphql<T>(queries[i]!, variables, controller.signal).then(
        (data) => {
          remember(key, data);
          settle({ data, error: undefined, loading: false });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const apiError =
            error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK_ERROR');
          settle({ data: undefined, error: apiError, loading: false });
        },
      );
    });
    return () => controller.abort();
    // `joined` stands for the queries and their variables.
  }, [joined]);
  // Until the effect runs for new queries, the state still belongs to the old ones.
  return state.joined === joined ? state.states : keys.map((key) => initial<T>(key));
}

/** Runs `query` whenever it or its variables change; null runs nothing. */
export function useQuery<T>(
  query: string | null,
  variables: Record<string, unknown>,
): QueryState<T> {
  const [result] = useQueries<T>(query === null ? [] : [query], variables);
  return result ?? { data: undefined, error: undefined, loading: false };
}
