import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { sendJsonError } from './http-errors';

/** A connect-style middleware on Node's own request and response (Express's work too). */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => unknown;

/**
 * At most `limit` requests per client and window; over it, 429 with `Retry-After` and a
 * RATE_LIMITED error. Counts are kept in memory, per process, unless a `store` shared by the
 * replicas is given (src/store/rate-limit-store.ts). The client is `clientAddress` of the request
 * (behind a reverse proxy every client shares the proxy's address unless it is trusted:
 * TRUST_PROXY), IPv6 addresses grouped by /56 as express-rate-limit does by default. One limiter
 * serves both `/graphql`, which does not go through Express, and the Express routes, so a client
 * has one count.
 */
export function rateLimiter(
  options: { limit: number; windowSeconds: number },
  clientAddress: (req: IncomingMessage) => string,
  logger: Logger,
  store?: Store,
): NodeMiddleware {
  const limiter = rateLimit({
    ...(store ? { store } : {}),
    windowMs: options.windowSeconds * 1000,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(clientAddress(req)),
    // Its warnings about proxy headers go to our log, not to stderr.
    logger: {
      warn: (e: unknown) => logger.warn({ err: e }, 'rate limiter'),
      error: (e: unknown) => logger.error({ err: e }, 'rate limiter'),
    },
    handler: (_req, res) => {
      sendJsonError(
        res,
        429,
        ErrorCode.RATE_LIMITED,
        `Rate limit of ${options.limit} requests per ${options.windowSeconds} s exceeded; retry after the time in the Retry-After header.`,
        { limit: 'requestsPerWindow', max: options.limit, windowSeconds: options.windowSeconds },
      );
    },
  });
  // Typed for Express, it reads of the request only its headers (the key is ours) and writes the
  // response through Node's API; its checks of Express's `trust proxy` run only in its own key
  // generator, replaced here (a permissive TRUST_PROXY is refused at start instead).
  return limiter as unknown as NodeMiddleware;
}
