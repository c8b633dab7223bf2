import type { Request } from 'express';
import { isPreflighted, matchesIfNoneMatch, weakEtag } from './http-cache';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

describe('HTTP caching helpers', () => {
  it('compares ETags weakly, in lists and with *', () => {
    const tag = weakEtag('graphql', 'v1', 's1');
    expect(tag).toMatch(/^W\/"[0-9a-f]{20}"$/);
    expect(weakEtag('graphql', 'v2', 's1')).not.toBe(tag);
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(tag.slice(2), tag)).toBe(true);
    expect(matchesIfNoneMatch(`W/"other", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('W/"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });

  it("follows Apollo's CSRF rule: a non-simple content type or a preflight header", () => {
    expect(isPreflighted(request({}))).toBe(false);
    expect(isPreflighted(request({ 'content-type': 'text/plain' }))).toBe(false);
    expect(isPreflighted(request({ 'content-type': 'multipart/form-data; boundary=x' }))).toBe(
      false,
    );
    expect(isPreflighted(request({ 'apollo-require-preflight': '' }))).toBe(false);
    expect(isPreflighted(request({ 'content-type': 'application/json' }))).toBe(true);
    expect(isPreflighted(request({ 'apollo-require-preflight': 'true' }))).toBe(true);
    expect(isPreflighted(request({ 'x-apollo-operation-name': 'Cities' }))).toBe(true);
  });
});
