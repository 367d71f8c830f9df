import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';
import { describeTarget, type RequestTarget } from './request-target.js';

/** What an {@link HttpStatusError} is built from. */
export interface HttpStatusErrorInit extends RequestTarget {
  /** The response status, 400 or more. */
  readonly status: number;
  /** The response status text (chatbot-ui puts the upstream failure's reason here). */
  readonly statusText: string;
  /** The start of the response body, decoded as UTF-8, at most the configured number of bytes. */
  readonly bodyExcerpt: string;
  /** Whether the body was longer than the excerpt (the rest was not read). */
  readonly bodyTruncated: boolean;
  /** The response headers, lower-case names (`set-cookie` removed). */
  readonly responseHeaders: Readonly<Record<string, string>>;
}

/**
 * The server answered with a status of 400 or more (SPEC §1 item 5).
 *
 * Carries the status, the status text, a bounded excerpt of the body (no more than that is
 * read: the request is aborted after it) and the response headers, which is where
 * `Retry-After` is found. Never the request headers.
 *
 * @example
 * ```ts
 * completion$.subscribe({
 *   error: (e: unknown) => {
 *     if (HttpStatusError.isInstance(e) && e.status === 429) console.error(e.responseHeaders['retry-after']);
 *   },
 * });
 * ```
 */
export class HttpStatusError extends CompletionError {
  /** The response status. */
  readonly status: number;
  /** The response status text. */
  readonly statusText: string;
  /** The start of the response body (UTF-8, bounded). */
  readonly bodyExcerpt: string;
  /** Whether the body went on past the excerpt. */
  readonly bodyTruncated: boolean;
  /** The response headers, lower-case names. */
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** The provider that answered. */
  readonly provider: string;
  /** The request method. */
  readonly method: string;
  /** The request URL, without credentials or query string. */
  readonly url: string;

  /** @param init - the response's status, text, excerpt and headers and the request's target. */
  constructor(init: HttpStatusErrorInit) {
    const text = init.statusText ? ` ${init.statusText}` : '';
    const excerpt = init.bodyExcerpt.trim() ? `: ${init.bodyExcerpt.trim().slice(0, 200)}` : '';
    super('HTTP_STATUS', `${describeTarget(init)} answered ${init.status}${text}${excerpt}`);
    this.name = 'HttpStatusError';
    this.status = init.status;
    this.statusText = init.statusText;
    this.bodyExcerpt = init.bodyExcerpt;
    this.bodyTruncated = init.bodyTruncated;
    this.responseHeaders = init.responseHeaders;
    this.provider = init.provider;
    this.method = init.method;
    this.url = init.url;
  }

  /** Whether `value` is an {@link HttpStatusError}, also across copies of the package. */
  static override isInstance(value: unknown): value is HttpStatusError {
    return isCompletionErrorWithCode(value, 'HTTP_STATUS');
  }
}
