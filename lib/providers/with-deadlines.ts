import { identity, type MonoTypeOperatorFunction } from 'rxjs';
import { timeoutCompletion } from '../operators/timeout-completion.js';
import type { CompletionOptions } from './provider.js';

/**
 * The operator a provider applies for its `timeout` option: `timeoutCompletion` when a limit
 * is given, the identity otherwise. Built once per call, so a bad limit throws at once.
 *
 * @param timeout - the provider option: a first-chunk limit in ms, or `{ first, each }`.
 * @returns the operator to pipe the chunks through.
 */
export function withDeadlines<T>(
  timeout: CompletionOptions['timeout'],
): MonoTypeOperatorFunction<T> {
  return timeout === undefined ? identity : timeoutCompletion<T>(timeout);
}
