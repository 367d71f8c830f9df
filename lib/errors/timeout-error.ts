import { CompletionError, isCompletionErrorWithCode } from './completion-error.js';

/**
 * Which deadline fired: the wait for the first chunk (`'first'`), for the next one (`'each'`),
 * or the whole completion (`'total'`).
 */
export type TimeoutLimit = 'first' | 'each' | 'total';

const MESSAGES: Record<TimeoutLimit, (ms: number) => string> = {
  first: (ms) => `Timed out waiting for the first chunk after ${ms} ms`,
  each: (ms) => `Timed out waiting for the next chunk after ${ms} ms`,
  total: (ms) => `Timed out: the completion took longer than ${ms} ms in total`,
};

/**
 * A completion was too slow: its first chunk (`limit: 'first'`) or the next chunk
 * (`limit: 'each'`) did not arrive in time, or the whole completion took longer than its
 * `total` deadline (`limit: 'total'`). The source was unsubscribed, so the request is aborted.
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
    super('TIMEOUT', MESSAGES[limit](afterMs));
    this.name = 'TimeoutError';
    this.limit = limit;
    this.afterMs = afterMs;
  }

  /** Whether `value` is a {@link TimeoutError}, also across copies of the package. */
  static override isInstance(value: unknown): value is TimeoutError {
    return isCompletionErrorWithCode(value, 'TIMEOUT');
  }
}
