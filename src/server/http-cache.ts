import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataVersion } from './data-version';

/**
 * HTTP caching of read responses. The graph changes only on import, so every read field carries
 * a default max age, responses say `Cache-Control: max-age=…, public`, and an ETag derived from
 * the data version lets a dashboard revalidate with `If-None-Match` and get a 304 without the
 * query running.
 */
export const DEFAULT_MAX_AGE_SECONDS = 300;

export function cacheControl(maxAgeSeconds: number): string {
  return `max-age=${maxAgeSeconds}, public`;
}

/**
 * A weak ETag over the data version and what else decides the bytes (the build, and the file
 * name for exports). ETags are compared per URL, so the query string need not be in it.
 */
export function weakEtag(...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 20);
  return `W/"${hash}"`;
}

/**
 * Whether `If-None-Match` names this ETag (weak comparison, RFC 9110 §13.1.2). Evaluated here
 * rather than with Express's `req.fresh`, which also honours a request's `Cache-Control:
 * no-cache` — a directive for caches, which `fetch` adds to every conditional request.
 */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** Whether `If-None-Match` holds `*` ("any current representation"). */
export function ifNoneMatchAny(ifNoneMatch: string | undefined): boolean {
  return ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === '*');
}

export function graphqlEtag(dataVersion: string, buildDigest: string): string {
  return weakEtag('graphql', dataVersion, buildDigest);
}

const SIMPLE_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * True when a browser could only have sent this request after a CORS preflight — Apollo's rule
 * for CSRF prevention: a content type other than the three "simple" ones, or a non-empty
 * `apollo-require-preflight` / `x-apollo-operation-name` header. Anything else goes on to Apollo,
 * which refuses it.
 */
export function isPreflighted(req: IncomingMessage): boolean {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined) {
    const essence = contentType.split(';')[0]!.trim().toLowerCase();
    if (essence !== '' && !SIMPLE_CONTENT_TYPES.includes(essence)) return true;
  }
  return PREFLIGHT_HEADERS.some((h) => {
    const value = req.headers[h];
    return typeof value === 'string' && value.length > 0;
  });
}

/**
 * Answers a conditional GraphQL GET with 304 before it runs, when its ETag still matches: the
 * same URL at the same data version and build gives the same answer. Requests that would fail
 * CSRF prevention, have no `If-None-Match`, carry a credential (it must be checked, and the
 * answer may depend on it; such answers get no ETag), or arrive while the database cannot say its
 * version go on to Apollo unchanged.
 */
export function graphqlNotModified(
  dataVersion: DataVersion,
  buildDigest: string,
  maxAgeSeconds: number,
) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    if (
      req.method !== 'GET' ||
      !req.headers['if-none-match'] ||
      req.headers.authorization !== undefined ||
      !isPreflighted(req)
    ) {
      next();
      return;
    }
    let version: string;
    try {
      version = await dataVersion.current();
    } catch {
      // Without a version no ETag can match; `*` must not match an answer it cannot see either.
      if (ifNoneMatchAny(req.headers['if-none-match'])) delete req.headers['if-none-match'];
      next();
      return;
    }
    const etag = graphqlEtag(version, buildDigest);
    if (ifNoneMatchAny(req.headers['if-none-match'])) {
      // `*` asks "is there a current answer?", which only running the query can tell: an invalid
      // query or one that answers errors has none. The query runs, and the header becomes the
      // concrete ETag, which the etag plugin compares with the one a successful answer gets
      // (errors get none), so only a successful answer turns into a 304.
      req.headers['if-none-match'] = etag;
      next();
      return;
    }
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', cacheControl(maxAgeSeconds));
      res.statusCode = 304;
      res.end();
      return;
    }
    // Otherwise only a successful, cacheable answer gets the ETag (set by the Apollo plugin).
    next();
  };
}
