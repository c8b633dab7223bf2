import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../common/logger';
import { answerHttpError } from './limits/http-errors';
import type { NodeMiddleware } from './limits/rate-limit';

/** A request once the body parser has run. */
export type GraphqlRequest = IncomingMessage & { body?: unknown };

/**
 * Whether a request is for `/graphql` (or below it), as Express's `app.use('/graphql')` matched:
 * case-insensitively, with any query string.
 */
export function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]!.toLowerCase();
  return path === '/graphql' || path.startsWith('/graphql/');
}

/**
 * The last step of `/graphql`: hands the request to Apollo and writes its answer. In place of
 * `@as-integrations/express5`, whose `res.send` turns the body into a Buffer and hashes it for an
 * ETag nobody uses (answers that can be cached carry the data version's ETag from the etag
 * plugin; others are `no-store`).
 */
export function graphqlHandler<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: (req: GraphqlRequest) => Promise<C>,
) {
  apollo.assertStarted('graphqlHandler()');
  return async (req: GraphqlRequest, res: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body: req.body,
      },
      context: () => context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      // A 304 has no body.
      if (res.statusCode === 304) {
        res.end();
        return;
      }
      // A string goes out with the headers in one write.
      res.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/**
 * `/graphql` on Node's own request and response: the middlewares in order (each calls `next` to
 * go on, or answers and stops), then the handler. Express stays for the other routes; for every
 * GraphQL request it would swap the prototypes of the request and the response to its own,
 * which makes V8 treat both as dictionaries for the rest of the request, and on a small machine
 * doubled the server's CPU time per request (bench/README "The HTTP stack").
 */
export function graphqlRoute(
  middlewares: readonly NodeMiddleware[],
  handler: (req: GraphqlRequest, res: ServerResponse) => Promise<void>,
  logger: Logger,
) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const fail = (error: unknown) => {
      if (res.headersSent) {
        logger.error({ err: error }, 'error after a GraphQL answer had started');
        res.destroy();
        return;
      }
      answerHttpError(error, req, res, logger);
    };
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined) {
        fail(error);
        return;
      }
      const middleware = middlewares[index++];
      try {
        if (middleware) {
          const running = middleware(req, res, next);
          if (running instanceof Promise) running.catch(fail);
        } else {
          handler(req, res).catch(fail);
        }
      } catch (caught) {
        fail(caught);
      }
    };
    next();
  };
}
