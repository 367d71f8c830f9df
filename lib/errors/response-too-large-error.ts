import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';
import { describeTarget, type RequestTarget } from './request-target.js';

/** What a {@link ResponseTooLargeError} is built from. */
export interface ResponseTooLargeErrorInit extends RequestTarget {
  /** The bound that was passed, in decompressed bytes (`maxResponseBytes`). */
  readonly limit: number;
}

/**
 * A response read whole (`stream: false`, `listModels()`) went past `maxResponseBytes`
 * decompressed bytes: the request was aborted there, so a huge or decompression-bomb body
 * costs no more memory than the bound.
 *
 * @example
 * ```ts
 * provider.listModels().subscribe({
 *   error: (e: unknown) => ResponseTooLargeError.isInstance(e) && console.error(e.limit),
 * });
 * ```
 */
export class ResponseTooLargeError extends CompletionError {
  /** The bound, in decompressed bytes. */
  readonly limit: number;
  /** The provider whose request it was. */
  readonly provider: string;
  /** The request method. */
  readonly method: string;
  /** The request URL, without credentials or query string. */
  readonly url: string;

  /** @param init - the bound and the request's target. */
  constructor(init: ResponseTooLargeErrorInit) {
    super(
      'RESPONSE_TOO_LARGE',
      `${describeTarget(init)}: the response is larger than maxResponseBytes (${init.limit} bytes)`,
    );
    this.name = 'ResponseTooLargeError';
    this.limit = init.limit;
    this.provider = init.provider;
    this.method = init.method;
    this.url = init.url;
  }

  /** Whether `value` is a {@link ResponseTooLargeError}, also across copies of the package. */
  static override isInstance(value: unknown): value is ResponseTooLargeError {
    return isCompletionErrorWithCode(value, 'RESPONSE_TOO_LARGE');
  }
}
