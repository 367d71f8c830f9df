import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';
import { describeTarget, type RequestTarget } from './request-target.js';
import { parseServerError } from './server-error-body.js';

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
 * The server answered with a status of 400 or more.
 *
 * Carries the status, the status text, a bounded excerpt of the body (no more than that is
 * read: the request is aborted after it) and the response headers, which is where
 * `Retry-After` is found. Never the request headers. When the body is an OpenAI-style error
 * (`{"error":{"message","type","code","param"}}`, or `{"error":"text"}`), its fields are
 * `serverMessage`, `errorType`, `errorCode` and `param`, and the message quotes the server's.
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
  /** `error.message` of an OpenAI-style error body (or `error` when it is a string). */
  readonly serverMessage: string | undefined;
  /** `error.type` of an OpenAI-style error body, e.g. `invalid_request_error`. */
  readonly errorType: string | undefined;
  /** `error.code` of an OpenAI-style error body, e.g. `model_not_found`. */
  readonly errorCode: string | undefined;
  /** `error.param` of an OpenAI-style error body: the request field at fault. */
  readonly param: string | undefined;
  /** The provider that answered. */
  readonly provider: string;
  /** The request method. */
  readonly method: string;
  /** The request URL, without credentials or query string. */
  readonly url: string;

  /** @param init - the response's status, text, excerpt and headers and the request's target. */
  constructor(init: HttpStatusErrorInit) {
    const text = init.statusText ? ` ${init.statusText}` : '';
    const fields = parseServerError(init.bodyExcerpt);
    const said = (fields.serverMessage ?? init.bodyExcerpt).trim().slice(0, 200);
    // A server that puts its reason in both the status text and the body is quoted once.
    const excerpt = said && said !== init.statusText.trim() ? `: ${said}` : '';
    super('HTTP_STATUS', `${describeTarget(init)} answered ${init.status}${text}${excerpt}`);
    this.name = 'HttpStatusError';
    this.status = init.status;
    this.statusText = init.statusText;
    this.bodyExcerpt = init.bodyExcerpt;
    this.bodyTruncated = init.bodyTruncated;
    this.responseHeaders = init.responseHeaders;
    this.serverMessage = fields.serverMessage;
    this.errorType = fields.errorType;
    this.errorCode = fields.errorCode;
    this.param = fields.param;
    this.provider = init.provider;
    this.method = init.method;
    this.url = init.url;
  }

  /** Whether `value` is an {@link HttpStatusError}, also across copies of the package. */
  static override isInstance(value: unknown): value is HttpStatusError {
    return isCompletionErrorWithCode(value, 'HTTP_STATUS');
  }
}
