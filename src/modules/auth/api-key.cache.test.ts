import type { Principal } from './principal';
import { VerifiedKeyCache } from './api-key.cache';
import { cacheDigest } from './api-key.secret';

const principal = (id: string): Principal => ({ id, name: id, role: 'EDITOR', via: 'API_KEY' });

describe('the cache of verified API keys', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('answers for the same key string until the TTL has passed, then forgets it', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    cache.set('a', cacheDigest('kg_a_secret'), principal('a'));
    now += 29_999;
    expect(cache.get('a', cacheDigest('kg_a_secret'))).toEqual(principal('a'));
    now += 1;
    expect(cache.get('a', cacheDigest('kg_a_secret'))).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('never answers for another string with the same key id', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    cache.set('a', cacheDigest('kg_a_secret'), principal('a'));
    expect(cache.get('a', cacheDigest('kg_a_wrong'))).toBeNull();
    expect(cache.get('b', cacheDigest('kg_a_secret'))).toBeNull();
  });

  it('holds nothing with a TTL of 0', () => {
    const cache = new VerifiedKeyCache(0, 10, clock);
    cache.set('a', cacheDigest('x'), principal('a'));
    expect([cache.size, cache.get('a', cacheDigest('x'))]).toEqual([0, null]);
  });

  it('drops a key it is told to forget (a revocation through this process)', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    cache.set('a', cacheDigest('x'), principal('a'));
    cache.forget('a');
    expect(cache.get('a', cacheDigest('x'))).toBeNull();
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new VerifiedKeyCache(30_000, 2, clock);
    cache.set('a', cacheDigest('a'), principal('a'));
    cache.set('b', cacheDigest('b'), principal('b'));
    // Using a makes b the least recently used.
    expect(cache.get('a', cacheDigest('a'))).toEqual(principal('a'));
    cache.set('c', cacheDigest('c'), principal('c'));
    expect(cache.size).toBe(2);
    expect(['a', 'b', 'c'].map((id) => cache.get(id, cacheDigest(id))?.id ?? null)).toEqual([
      'a',
      null,
      'c',
    ]);
  });
});
