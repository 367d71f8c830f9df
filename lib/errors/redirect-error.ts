import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';
import { describeTarget, type RequestTarget } from './request-target.js';

/** Why a redirect was not followed. */
export type RedirectRefusal =
  /** The target is another origin (scheme, host or port) that `allowedRedirectOrigins` does not name. */
  | 'cross-origin'
  /** The target is `http:` while the request was `https:`: credentials would travel in clear. */
  | 'downgrade'
  /** A 3xx response without a `Location` header (or one that is not a URL). */
  | 'missing-location'
  /** More redirects in a row than the bound (5). */
  | 'too-many'
  /** The `fetch` adapter in a browser hides redirects (`opaqueredirect`): nothing can be followed. */
  | 'opaque';

/** What a {@link RedirectError} is built from. */
export interface RedirectErrorInit extends RequestTarget {
  /** The 3xx status (0 for a browser's opaque redirect). */
  readonly status: number;
  /** Why it was not followed. */
  readonly refusal: RedirectRefusal;
  /** The origin the server redirected to (`https://host:port`), without path, query or user info. */
  readonly targetOrigin?: string | undefined;
}

/**
 * The server redirected and the redirect was not followed (RFC 9110 §15.4).
 *
 * Same-origin redirects are followed (at most 5 in a row); a redirect to another origin, or
 * from `https:` to `http:`, is not, unless `allowedRedirectOrigins` names the target origin.
 * Credential headers never cross an origin, even an allowed one.
 *
 * @example
 * ```ts
 * completion$.subscribe({
 *   error: (e: unknown) => RedirectError.isInstance(e) && console.error(e.status, e.targetOrigin),
 * });
 * ```
 */
export class RedirectError extends CompletionError {
  /** The 3xx status. */
  readonly status: number;
  /** Why it was not followed. */
  readonly refusal: RedirectRefusal;
  /** The redirect's origin, when there was a `Location`. */
  readonly targetOrigin: string | undefined;
  /** The provider whose request it was. */
  readonly provider: string;
  /** The request method. */
  readonly method: string;
  /** The request URL, without credentials or query string. */
  readonly url: string;

  /** @param init - the status, the refusal, the target origin and the request's target. */
  constructor(init: RedirectErrorInit) {
    const to = init.targetOrigin === undefined ? '' : ` to ${init.targetOrigin}`;
    super(
      'REDIRECT',
      `${describeTarget(init)} answered ${init.status}${to}: redirect not followed (${init.refusal})`,
    );
    this.name = 'RedirectError';
    this.status = init.status;
    this.refusal = init.refusal;
    this.targetOrigin = init.targetOrigin;
    this.provider = init.provider;
    this.method = init.method;
    this.url = init.url;
  }

  /** Whether `value` is a {@link RedirectError}, also across copies of the package. */
  static override isInstance(value: unknown): value is RedirectError {
    return isCompletionErrorWithCode(value, 'REDIRECT');
  }
}
