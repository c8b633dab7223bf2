/**
 * A URL as it may appear in logs and error messages: user name and password become `***`, the
 * rest (scheme, host, port, path) stays so an operator can tell which server is meant. A value
 * that does not parse is not echoed at all, since it may be a secret pasted into the wrong place.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(not a URL)';
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '***';
    url.password = '';
  }
  return url.toString();
}
