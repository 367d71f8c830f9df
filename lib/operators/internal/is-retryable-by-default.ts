import { HttpStatusError } from '../../errors/http-status-error.js';
import { NetworkError } from '../../errors/network-error.js';
import { StreamError } from '../../errors/stream-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';

/** Statuses under 500 that are worth sending again: timeout, conflict, rate limit. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 409, 429]);

/**
 * In-stream error types whose HTTP twins (429, 500, 504, 529) are retried: Anthropic's
 * `rate_limit_error`, `api_error`, `timeout_error` and `overloaded_error`.
 */
const RETRYABLE_STREAM_ERROR_TYPES = new Set([
  'rate_limit_error',
  'api_error',
  'timeout_error',
  'overloaded_error',
]);

/**
 * The server's `x-should-retry` verdict: `true` or `false` (header name and value in any
 * case), or `undefined` when it sent none or something else.
 */
function serverVerdict(headers: Readonly<Record<string, string>>): boolean | undefined {
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'x-should-retry');
  const value = name === undefined ? undefined : headers[name]?.trim().toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * Whether `retryCompletion` retries `error` when no `shouldRetry` decides otherwise.
 *
 * Yes for an `HttpStatusError` with status 408, 409, 429 or 500 and above, a `NetworkError`,
 * a `TimeoutError` waiting for the first chunk, and a `StreamError` whose in-stream error type
 * is one an HTTP status retried here stands for (`overloaded_error` as 529, `api_error` as
 * 500, `timeout_error` as 504, `rate_limit_error` as 429). The server's `x-should-retry: true` or
 * `false` (any case) decides an `HttpStatusError` whatever its status, as openai-node does.
 * No for everything else: other 4xx, `ModelNotSupportedError`, `DecodeError` (the same bytes
 * would fail the same way), `RedirectError`, `UnexpectedResponseError`,
 * `ResponseTooLargeError`, `ConfigurationError`, `InterceptorError` (the caller's own code
 * threw: not a network failure) and errors
 * that are not this package's. Recognises errors by brand, across copies of the package.
 *
 * @param error - what the attempt failed with.
 * @returns whether the default policy retries it.
 * @internal
 */
export function isRetryableByDefault(error: unknown): boolean {
  if (HttpStatusError.isInstance(error)) {
    return (
      serverVerdict(error.responseHeaders) ??
      (error.status >= 500 || RETRYABLE_CLIENT_STATUSES.has(error.status))
    );
  }
  if (TimeoutError.isInstance(error)) return error.limit === 'first';
  if (StreamError.isInstance(error)) {
    return error.errorType !== undefined && RETRYABLE_STREAM_ERROR_TYPES.has(error.errorType);
  }
  return NetworkError.isInstance(error);
}
