import { rateLimit, type Store } from 'express-rate-limit';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { sendJsonError } from './http-errors';

/**
 * At most `limit` requests per client IP address and window; over it, 429 with `Retry-After` and
 * a RATE_LIMITED error. Counts are kept in memory, per process, unless a `store` shared by the
 * replicas is given (src/store/rate-limit-store.ts). Behind a reverse proxy every client shares
 * the proxy's address unless Express is told to trust it (TRUST_PROXY).
 */
export function rateLimiter(
  options: { limit: number; windowSeconds: number },
  logger: Logger,
  store?: Store,
) {
  return rateLimit({
    ...(store ? { store } : {}),
    windowMs: options.windowSeconds * 1000,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
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
}
