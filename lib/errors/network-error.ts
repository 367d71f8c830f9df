import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';
import { describeTarget, type RequestTarget } from './request-target.js';

/** What a {@link NetworkError} is built from. */
export interface NetworkErrorInit extends RequestTarget {
  /** What went wrong, e.g. `connect ECONNREFUSED 127.0.0.1:9` or `aborted`. */
  readonly reason: string;
  /** The system error code when there is one (`ECONNREFUSED`, `ECONNRESET`...). */
  readonly errno?: string | undefined;
  /** How many bytes of the body had arrived (and were emitted) before the failure. */
  readonly bytesReceived: number;
}

/**
 * The connection failed: refused, reset before or during the body, a truncated chunked body,
 * a DNS failure.
 *
 * Every byte that arrived before the failure has been emitted before this error;
 * `bytesReceived` says how many.
 *
 * @example
 * ```ts
 * completion$.subscribe({ error: (e: unknown) => NetworkError.isInstance(e) && console.error(e.errno) });
 * ```
 */
export class NetworkError extends CompletionError {
  /** The system error code, when there is one. */
  readonly errno: string | undefined;
  /** Bytes of the body received (and emitted) before the failure. */
  readonly bytesReceived: number;
  /** The provider whose request failed. */
  readonly provider: string;
  /** The request method. */
  readonly method: string;
  /** The request URL, without credentials or query string. */
  readonly url: string;

  /** @param init - the failure's reason and code and the request's target. */
  constructor(init: NetworkErrorInit) {
    super('NETWORK', `${describeTarget(init)} failed: ${init.reason}`);
    this.name = 'NetworkError';
    this.errno = init.errno;
    this.bytesReceived = init.bytesReceived;
    this.provider = init.provider;
    this.method = init.method;
    this.url = init.url;
  }

  /** Whether `value` is a {@link NetworkError}, also across copies of the package. */
  static override isInstance(value: unknown): value is NetworkError {
    return isCompletionErrorWithCode(value, 'NETWORK');
  }
}
