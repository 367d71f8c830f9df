import { CREDENTIAL_HEADER_NAMES, isCredentialHeader } from '../secrets/credential-header.js';
import { RedirectError } from '../errors/redirect-error.js';
import type { RequestTarget } from '../errors/request-target.js';

/** The most redirects followed in a row. */
export const MAX_REDIRECTS = 5;

/** The statuses that redirect (RFC 9110 §15.4): 300, 304, 305 and 306 do not. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe the body, dropped with it when a redirect turns a POST into a GET. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

/**
 * One request of a redirect chain. A header set to `false` is removed from what axios sends,
 * also when the axios instance's defaults or an interceptor would add it.
 */
export interface Hop {
  /** The method. */
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  /** The headers to send. */
  readonly headers: Readonly<Record<string, string | false>>;
  /** The body, when the method has one. */
  readonly body: Uint8Array | undefined;
  /** How many redirects led here. */
  readonly redirects: number;
}

/**
 * Whether `status` asks the client to go elsewhere (301, 302, 303, 307, 308).
 *
 * @param status - the response status.
 * @returns true for the redirect statuses.
 * @example
 * ```ts
 * isRedirectStatus(307); // true
 * isRedirectStatus(304); // false
 * ```
 * @internal
 */
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function withoutHeaders(
  headers: Readonly<Record<string, string | false>>,
  drop: (name: string) => boolean,
): Record<string, string | false> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop(name.toLowerCase())));
}

/**
 * The request a redirect leads to (RFC 9110 §15.4), or why it is not followed.
 *
 * - 301 and 302 after a POST, and 303 always, become a GET without body; 307 and 308 keep
 *   the method and the body.
 * - Followed only within the origin (scheme, host, port), or to an origin `allowed` names;
 *   `https:` to `http:` is another origin, named `downgrade` when refused.
 * - Crossing an origin drops every credential header (`authorization`, `proxy-authorization`,
 *   `x-api-key`, `api-key`, `x-goog-api-key`, `cookie`) for the rest of the chain.
 * - At most {@link MAX_REDIRECTS} in a row; a redirect without a usable `Location` is refused.
 *
 * @param hop - the request that was redirected.
 * @param status - its redirect status.
 * @param location - the `Location` header, if any.
 * @param allowed - origins the caller allows redirects to.
 * @param target - the request, as errors name it.
 * @returns the next request, or the error to report.
 * @example
 * ```ts
 * const next = nextHop(hop, 307, '/v2/chat', [], target);
 * if (RedirectError.isInstance(next)) subscriber.error(next);
 * ```
 * @internal
 */
export function nextHop(
  hop: Hop,
  status: number,
  location: string | undefined,
  allowed: readonly string[],
  target: RequestTarget,
): Hop | RedirectError {
  const refuse = (refusal: RedirectError['refusal'], targetOrigin?: string): RedirectError =>
    new RedirectError({ ...target, status, refusal, targetOrigin });
  let to: URL;
  try {
    if (location === undefined || location === '') return refuse('missing-location');
    to = new URL(location, hop.url);
  } catch {
    return refuse('missing-location');
  }
  const from = new URL(hop.url);
  const crossing = to.origin !== from.origin;
  if (crossing && !allowed.map(originOf).includes(to.origin)) {
    const downgrade = from.protocol === 'https:' && to.protocol === 'http:';
    return refuse(downgrade ? 'downgrade' : 'cross-origin', to.origin);
  }
  if (hop.redirects >= MAX_REDIRECTS) return refuse('too-many', to.origin);
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === 'POST');
  let headers = toGet ? withoutHeaders(hop.headers, (name) => BODY_HEADERS.has(name)) : hop.headers;
  if (crossing) {
    // Credentials never cross an origin: ours are dropped, and the well-known ones an axios
    // instance's defaults or an interceptor would add are suppressed (`false`).
    headers = withoutHeaders(headers, isCredentialHeader);
    for (const name of CREDENTIAL_HEADER_NAMES) headers[name] = false;
  }
  return {
    method: toGet && hop.method !== 'HEAD' ? 'GET' : hop.method,
    url: to.toString(),
    headers,
    body: toGet ? undefined : hop.body,
    redirects: hop.redirects + 1,
  };
}
