import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../../common/errors';
import { sendJsonError } from './http-errors';

class TokenLimitExceeded extends Error {}

/** The query text of a GraphQL POST body or GET request, when there is one. */
function queryText(req: Request): string | undefined {
  const body: unknown = req.method === 'GET' ? req.query : req.body;
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  return typeof query === 'string' ? query : undefined;
}

/**
 * Refuses a query document of more than `maxTokens` lexical tokens with 400 QUERY_TOO_COMPLEX,
 * before Apollo parses it: graphql-armor's counting parser stops at the first token over the
 * limit. Express middleware rather than armor's Apollo plugin, which throws from
 * `parsingDidStart` and so turns the refusal into a 500. Documents that fail to parse for other
 * reasons go on to Apollo, which reports the syntax error.
 */
export function tokenLimit(maxTokens: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = queryText(req);
    if (query === undefined) {
      next();
      return;
    }
    try {
      new MaxTokensParserWLexer(query, {
        n: maxTokens,
        propagateOnRejection: false,
        onReject: [
          () => {
            throw new TokenLimitExceeded();
          },
        ],
      }).parseDocument();
    } catch (error) {
      if (error instanceof TokenLimitExceeded) {
        sendJsonError(
          res,
          400,
          ErrorCode.QUERY_TOO_COMPLEX,
          `Token limit of ${maxTokens} exceeded.`,
          { limit: 'tokens', max: maxTokens },
        );
        return;
      }
    }
    next();
  };
}
