import { isAxiosError } from 'axios';
import type { CompletionError } from '../errors/completion-error.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { InterceptorError } from '../errors/interceptor-error.js';
import type { RequestTarget } from '../errors/request-target.js';
import { toNetworkError } from './to-network-error.js';

/** axios's codes for a request it refused to send as configured. */
const CONFIGURATION_CODES = new Set([
  'ERR_BAD_OPTION_VALUE',
  'ERR_BAD_OPTION',
  'ERR_NOT_SUPPORT',
  'ERR_INVALID_URL',
  'ERR_DEPRECATED',
  'ERR_BAD_REQUEST',
]);

/**
 * Sorts what axios rejected with, before any response:
 *
 * - an `AxiosError` with a configuration code (`ERR_BAD_OPTION_VALUE`, `ERR_INVALID_URL`,
 *   `ERR_NOT_SUPPORT`...): a {@link ConfigurationError}, never retried;
 * - any other `AxiosError` (refused, reset, DNS, TLS, `fetch failed`): a `NetworkError`,
 *   retryable;
 * - anything else was thrown by the caller's own code that axios runs (an interceptor, a
 *   `transformRequest`): an {@link InterceptorError} with it as the cause, never retried.
 *
 * @param error - what `axios.request` rejected with.
 * @param target - the request, as errors name it.
 * @param redact - removes the request's credentials from a text.
 * @returns the typed error.
 * @example
 * ```ts
 * client.request(config).catch((error: unknown) => subscriber.error(toRequestFailure(error, target, redact)));
 * ```
 * @internal
 */
export function toRequestFailure(
  error: unknown,
  target: RequestTarget,
  redact: (text: string) => string,
): CompletionError {
  if (!isAxiosError(error)) return new InterceptorError(target.provider, error);
  if (error.code !== undefined && CONFIGURATION_CODES.has(error.code)) {
    return new ConfigurationError(
      target.provider,
      redact(`axios refused the request: ${error.message}`),
    );
  }
  return toNetworkError(error, target, 0);
}
