import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';
import { describeTarget, type RequestTarget } from './request-target.js';

/** What was unexpected about a response that was not an HTTP error. */
export type UnexpectedResponseReason =
  /** A status that carries no reply: 204, 205, 206, 304, 1xx. */
  | 'status'
  /** A `content-type` that is not the protocol's (an HTML page, JSON where SSE was asked). */
  | 'content-type';

/** What an {@link UnexpectedResponseError} is built from. */
export interface UnexpectedResponseErrorInit extends RequestTarget {
  /** What was unexpected. */
  readonly reason: UnexpectedResponseReason;
  /** The response status. */
  readonly status: number;
  /** The response's `content-type`, `''` when there was none. */
  readonly contentType: string;
  /** The start of the body, decoded as UTF-8 (bounded like `HttpStatusError.bodyExcerpt`). */
  readonly bodyExcerpt: string;
  /** The server's own message, when the body was a JSON `{"error": ...}`. */
  readonly serverMessage?: string | undefined;
}

/**
 * A response that is neither an HTTP error nor the reply the protocol promises: a 204, a 304,
 * a captive portal's or a challenge's HTML page, a JSON body where an event stream was asked.
 * It is never emitted as the reply; the error carries a bounded excerpt of what arrived.
 *
 * @example
 * ```ts
 * completion$.subscribe({
 *   error: (e: unknown) =>
 *     UnexpectedResponseError.isInstance(e) && console.error(e.contentType, e.bodyExcerpt),
 * });
 * ```
 */
export class UnexpectedResponseError extends CompletionError {
  /** What was unexpected. */
  readonly reason: UnexpectedResponseReason;
  /** The response status. */
  readonly status: number;
  /** The response's `content-type` (`''` when none). */
  readonly contentType: string;
  /** The start of the body. */
  readonly bodyExcerpt: string;
  /** The server's message from a JSON `error`, when there was one. */
  readonly serverMessage: string | undefined;
  /** The provider whose request it was. */
  readonly provider: string;
  /** The request method. */
  readonly method: string;
  /** The request URL, without credentials or query string. */
  readonly url: string;

  /** @param init - the reason, status, content type, excerpt and the request's target. */
  constructor(init: UnexpectedResponseErrorInit) {
    const type = init.contentType === '' ? 'no content-type' : init.contentType;
    const said = init.serverMessage ?? init.bodyExcerpt.trim().slice(0, 200);
    super(
      'UNEXPECTED_RESPONSE',
      `${describeTarget(init)} answered ${init.status} (${type}), not a reply${said ? `: ${said}` : ''}`,
    );
    this.name = 'UnexpectedResponseError';
    this.reason = init.reason;
    this.status = init.status;
    this.contentType = init.contentType;
    this.bodyExcerpt = init.bodyExcerpt;
    this.serverMessage = init.serverMessage;
    this.provider = init.provider;
    this.method = init.method;
    this.url = init.url;
  }

  /** Whether `value` is an {@link UnexpectedResponseError}, also across copies of the package. */
  static override isInstance(value: unknown): value is UnexpectedResponseError {
    return isCompletionErrorWithCode(value, 'UNEXPECTED_RESPONSE');
  }
}
