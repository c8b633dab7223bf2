import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BoundedCache } from '../../common/bounded-cache';
import { ErrorCode } from '../../common/errors';
import { sendJsonError } from './http-errors';

class TokenLimitExceeded extends Error {}

/**
 * Documents remembered as within the limit: clients send the same few documents again and again,
 * and counting means lexing and parsing the whole text. Only documents up to this length are
 * remembered, so the cache holds at most ACCEPTED_ENTRIES × this many characters.
 */
const ACCEPTED_ENTRIES = 500;
const ACCEPTED_MAX_LENGTH = 16_384;

/** The query text of a GraphQL POST body (parsed by then) or GET request, when there is one. */
function queryText(req: IncomingMessage & { body?: unknown }): string | undefined {
  if (req.method === 'GET') {
    return new URLSearchParams(req.url?.split('?')[1] ?? '').get('query') ?? undefined;
  }
  const body = req.body;
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  return typeof query === 'string' ? query : undefined;
}

/**
 * Refuses a query document of more than `maxTokens` lexical tokens with 400 QUERY_TOO_COMPLEX,
 * before Apollo parses it: graphql-armor's counting parser stops at the first token over the
 * limit. Express middleware rather than armor's Apollo plugin, which throws from
 * `parsingDidStart` and so turns the refusal into a 500. Documents that fail to parse for other
 * reasons go on to Apollo, which reports the syntax error. A document found within the limit is
 * remembered (the same text always has the same tokens), so repeated documents are counted once.
 */
export function tokenLimit(maxTokens: number) {
  const accepted = new BoundedCache<string, true>(ACCEPTED_ENTRIES);
  return (
    req: IncomingMessage & { body?: unknown },
    res: ServerResponse,
    next: () => void,
  ): void => {
    const query = queryText(req);
    if (query === undefined || accepted.get(query)) {
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
      // Another parse error: Apollo reports it; such a document is not remembered.
      next();
      return;
    }
    if (query.length <= ACCEPTED_MAX_LENGTH) accepted.set(query, true);
    next();
  };
}
