import type { ErrorRequestHandler, Response } from 'express';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';

/** A GraphQL-style JSON error body for refusals made outside GraphQL (body parser, rate limit). */
export function sendJsonError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}

/** What body-parser's failures mean to a client; its messages are safe to show. */
const BODY_ERRORS: Record<string, { status: number; code: ErrorCode }> = {
  'entity.too.large': { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE },
  'entity.parse.failed': { status: 400, code: ErrorCode.BAD_REQUEST },
  'entity.verify.failed': { status: 400, code: ErrorCode.BAD_REQUEST },
  'charset.unsupported': { status: 415, code: ErrorCode.BAD_REQUEST },
  'encoding.unsupported': { status: 415, code: ErrorCode.BAD_REQUEST },
  'request.size.invalid': { status: 400, code: ErrorCode.BAD_REQUEST },
  'request.aborted': { status: 400, code: ErrorCode.BAD_REQUEST },
};

interface BodyParserError {
  type?: unknown;
  limit?: unknown;
  length?: unknown;
  message?: unknown;
}

/**
 * The last Express handler: body-parser failures become JSON errors with their status (413 names
 * the limit and the size), anything else is logged and answered as INTERNAL. Never Express's
 * HTML page, which carries a stack trace with file paths.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, limit, length, message } = (error ?? {}) as BodyParserError;
    const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
    if (known?.code === ErrorCode.PAYLOAD_TOO_LARGE) {
      sendJsonError(
        res,
        known.status,
        known.code,
        `Request body size limit of ${String(limit)} bytes exceeded, found ${String(length)}.`,
        { limit: 'bodyBytes', max: limit, actual: length },
      );
    } else if (known) {
      sendJsonError(res, known.status, known.code, `Invalid request body: ${String(message)}`);
    } else {
      logger.error({ err: error, url: req.originalUrl }, 'unexpected error in an HTTP request');
      sendJsonError(res, 500, ErrorCode.INTERNAL, 'Internal server error');
    }
  };
}
