import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { createLogger } from '../common/logger';
import { graphqlRoute, isGraphqlPath } from './graphql-handler';
import type { NodeMiddleware } from './limits/rate-limit';

describe('isGraphqlPath', () => {
  it('matches /graphql and below it, in any case, with a query string', () => {
    const matched = [
      '/graphql',
      '/graphql?query=%7B__typename%7D',
      '/graphql/',
      '/GraphQL',
      '/graphql/x?y=1',
    ];
    const unmatched = ['/', '/graphiql', '/graphqlx', '/export/graph.jsonld', '/x/graphql', ''];
    expect(matched.filter((url) => isGraphqlPath(url))).toEqual(matched);
    expect(unmatched.filter((url) => isGraphqlPath(url))).toEqual([]);
    expect(isGraphqlPath(undefined)).toBe(false);
  });
});

/** Runs the route once; resolves with the response when it has ended. */
async function run(
  middlewares: NodeMiddleware[],
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ res: ServerResponse; body: string }> {
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  req.url = '/graphql';
  const res = new ServerResponse(req);
  const chunks: string[] = [];
  const end = res.end.bind(res);
  const ended = new Promise<void>((resolve) => {
    res.end = ((chunk?: unknown) => {
      if (typeof chunk === 'string') chunks.push(chunk);
      end();
      resolve();
      return res;
    }) as typeof res.end;
  });
  graphqlRoute(middlewares, handler, createLogger('silent'))(req, res);
  await ended;
  return { res, body: chunks.join('') };
}

const answer =
  (text: string) =>
  async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.end(text);
  };

describe('graphqlRoute', () => {
  it('runs the middlewares in order, then the handler', async () => {
    const seen: string[] = [];
    const step =
      (name: string): NodeMiddleware =>
      (_req, _res, next) => {
        seen.push(name);
        next();
      };
    const asyncStep: NodeMiddleware = async (_req, _res, next) => {
      await Promise.resolve();
      seen.push('async');
      next();
    };
    const { body } = await run([step('a'), asyncStep, step('b')], answer('done'));
    expect(seen).toEqual(['a', 'async', 'b']);
    expect(body).toBe('done');
  });

  it('stops at a middleware that answers', async () => {
    const handler = jest.fn(answer('handler'));
    const refuse: NodeMiddleware = (_req, res) => {
      res.statusCode = 429;
      res.end('refused');
    };
    const { res, body } = await run([refuse], handler);
    expect([res.statusCode, body]).toEqual([429, 'refused']);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a body parser's error with its status and a JSON error", async () => {
    const tooLarge: NodeMiddleware = (_req, _res, next) =>
      next(
        Object.assign(new Error('too large'), { type: 'entity.too.large', limit: 10, length: 20 }),
      );
    const { res, body } = await run([tooLarge], answer('handler'));
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(body)).toEqual({
      errors: [
        {
          message: 'Request body size limit of 10 bytes exceeded, found 20.',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'bodyBytes', max: 10, actual: 20 },
        },
      ],
    });
  });

  it('answers INTERNAL, with nothing of the error, when a middleware or the handler fails', async () => {
    const secret = new Error('bolt://db.internal:7687 refused');
    const throwing: NodeMiddleware = () => {
      throw secret;
    };
    const rejecting: NodeMiddleware = () => Promise.reject(secret);
    const failingHandler = () => Promise.reject(secret);
    for (const [middlewares, handler] of [
      [[throwing], answer('handler')],
      [[rejecting], answer('handler')],
      [[], failingHandler],
    ] as const) {
      const { res, body } = await run([...middlewares], handler);
      expect(res.statusCode).toBe(500);
      expect(JSON.parse(body)).toEqual({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }],
      });
    }
  });
});
