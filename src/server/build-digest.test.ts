import { buildDigest } from './build-digest';

describe('build digest', () => {
  it('is stable for the same code and changes with what else shapes answers', () => {
    const digest = buildDigest(['schema A']);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(buildDigest(['schema A'])).toBe(digest);
    expect(buildDigest(['schema B'])).not.toBe(digest);
  });
});
