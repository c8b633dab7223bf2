import type { Request, Response } from 'express';
import { tokenLimit } from './token-limit';

/** Runs the middleware on a POST body: 'next' when it lets the request go on, else the status. */
function run(middleware: ReturnType<typeof tokenLimit>, query: string): 'next' | number {
  let outcome: 'next' | number | undefined;
  const res = {
    status(code: number) {
      outcome = code;
      return this;
    },
    json() {
      return this;
    },
  };
  middleware({ method: 'POST', body: { query } } as Request, res as unknown as Response, () => {
    outcome = 'next';
  });
  return outcome!;
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
