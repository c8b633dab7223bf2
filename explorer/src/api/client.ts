/** An error the API answered with (its message and `extensions.code`), or a failed request. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** The API of the same origin: the explorer is served by the process that serves /graphql. */
export const GRAPHQL_ENDPOINT = '/graphql';

/** Sends one operation and returns its data; any error in the answer rejects with ApiError. */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, null);
  }
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (body.data === undefined) throw new ApiError(`HTTP ${response.status}`, null);
  return body.data;
}
