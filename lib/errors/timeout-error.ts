import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/** Which limit of `timeoutCompletion` fired. */
export type TimeoutLimit = 'first' | 'each';

/**
 * A completion was too slow: its first chunk (`limit: 'first'`) or the next chunk
 * (`limit: 'each'`) did not arrive in time. The source was unsubscribed, so the request is
 * aborted.
 *
 * @example
 * ```ts
 * completion$.pipe(timeoutCompletion({ first: 10_000, each: 2_000 })).subscribe({
 *   error: (e: unknown) => TimeoutError.isInstance(e) && console.error(e.limit, e.afterMs),
 * });
 * ```
 */
export class TimeoutError extends CompletionError {
  /** Which limit fired. */
  readonly limit: TimeoutLimit;
  /** The limit, in milliseconds. */
  readonly afterMs: number;

  /**
   * @param limit - which limit fired.
   * @param afterMs - the limit in milliseconds.
   */
  constructor(limit: TimeoutLimit, afterMs: number) {
    const what = limit === 'first' ? 'the first chunk' : 'the next chunk';
    super('TIMEOUT', `Timed out waiting for ${what} after ${afterMs} ms`);
    this.name = 'TimeoutError';
    this.limit = limit;
    this.afterMs = afterMs;
  }

  /** Whether `value` is a {@link TimeoutError}, also across copies of the package. */
  static override isInstance(value: unknown): value is TimeoutError {
    return isCompletionErrorWithCode(value, 'TIMEOUT');
  }
}
