/**
 * What a request error names: the provider, the method and the URL (with any credentials and
 * query string removed, since proxies sometimes take a key there).
 */
export interface RequestTarget {
  /** The provider's name, e.g. `Aivvm`. */
  readonly provider: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The URL without user info and query string. */
  readonly url: string;
}

/**
 * Removes user info, query string and fragment from a URL, so that a key placed there never
 * reaches an error message.
 *
 * @param url - any absolute URL; a string that does not parse is returned up to its first `?`.
 * @returns the URL safe to print.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

/** `POST http://host/path (Provider)`: how errors name a request. */
export function describeTarget(target: RequestTarget): string {
  return `${target.method} ${target.url} (${target.provider})`;
}
