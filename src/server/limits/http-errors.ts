import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';

/**
 * A GraphQL-style JSON error body for refusals made outside GraphQL (body parser, rate limit).
 * Written with Node's own response API: `/graphql` does not go through Express.
 */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
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
 * Answers an error raised before GraphQL ran: body-parser failures become JSON errors with their
 * status (413 names the limit and the size), anything else is logged and answered as INTERNAL.
 * Never Express's HTML page, which carries a stack trace with file paths.
 */
export function answerHttpError(
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
): void {
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
    // Express strips a route's mount path from `url`; `originalUrl` keeps it.
    const url = (req as { originalUrl?: string }).originalUrl ?? req.url;
    logger.error({ err: error, url }, 'unexpected error in an HTTP request');
    sendJsonError(res, 500, ErrorCode.INTERNAL, 'Internal server error');
  }
}

/** The last Express handler: `answerHttpError` for the routes Express serves. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    answerHttpError(error, req, res, logger);
  };
}
