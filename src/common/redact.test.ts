import { redactUrl } from './redact';

describe('redactUrl', () => {
  it('hides user name and password and keeps where the server is', () => {
    expect(redactUrl('redis://:s3cret@cache.example.org:6380/2')).toBe(
      'redis://***@cache.example.org:6380/2',
    );
    expect(redactUrl('rediss://default:s3cret@cache.example.org')).toBe(
      'rediss://***@cache.example.org',
    );
    expect(redactUrl('redis://kg@127.0.0.1:6379')).toBe('redis://***@127.0.0.1:6379');
  });

  it('leaves a URL without credentials as it is', () => {
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('does not echo a value that is not a URL', () => {
    expect(redactUrl('s3cret')).toBe('(not a URL)');
  });
});
