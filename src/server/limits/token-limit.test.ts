import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { tokenLimit } from './token-limit';

/**
 * Runs the middleware on a POST body (or a GET URL): 'next' when it lets the request go on,
 * else the status it answered with.
 */
function run(
  middleware: ReturnType<typeof tokenLimit>,
  query: string,
  method: 'POST' | 'GET' = 'POST',
): 'next' | number {
  const req = Object.assign(new IncomingMessage(new Socket()), {
    method,
    url: `/graphql?${new URLSearchParams({ query }).toString()}`,
    ...(method === 'POST' ? { body: { query } } : {}),
  });
  const res = new ServerResponse(req);
  let outcome: 'next' | number | undefined;
  middleware(req, res, () => {
    outcome = 'next';
  });
  if (outcome === undefined) {
    expect(res.getHeader('content-type')).toBe('application/json; charset=utf-8');
    outcome = res.statusCode;
  }
  return outcome;
}

describe('tokenLimit', () => {
  // `{ a b c }`: 5 tokens.
  const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}`).join(' ')} }`;

  it('refuses a document over the limit every time, also after one under it was accepted', () => {
    const limit = tokenLimit(5);
    expect(run(limit, fields(3))).toBe('next');
    expect(run(limit, fields(3))).toBe('next');
    expect(run(limit, fields(4))).toBe(400);
    expect(run(limit, fields(4))).toBe(400);
    expect(run(limit, fields(3))).toBe('next');
  });

  it('counts the query of a GET request from its URL', () => {
    const limit = tokenLimit(5);
    expect(run(limit, fields(3), 'GET')).toBe('next');
    expect(run(limit, fields(4), 'GET')).toBe(400);
  });

  it('lets a document with a syntax error go on to Apollo, every time', () => {
    const limit = tokenLimit(5);
    expect(run(limit, '{ a')).toBe('next');
    expect(run(limit, '{ a')).toBe('next');
  });

  it('keeps one limit per middleware: a document accepted under a high limit is counted again', () => {
    expect(run(tokenLimit(100), fields(10))).toBe('next');
    expect(run(tokenLimit(5), fields(10))).toBe(400);
  });
});
