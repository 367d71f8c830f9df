import {
  asyncScheduler,
  throwError,
  timeout,
  type MonoTypeOperatorFunction,
  type SchedulerLike,
  type TimeoutInfo,
} from 'rxjs';
import { TimeoutError } from '../errors/timeout-error.js';
import { checkedNumber } from './internal/checked-number.js';

/** The deadlines of {@link timeoutCompletion}, in milliseconds; at least one is required. */
export interface TimeoutCompletionConfig {
  /**
   * The longest wait for the first chunk, counted from subscription (from sending the request).
   * @default `each`, when only `each` is given (as RxJS `timeout`); otherwise no limit
   * @example `{ first: 10_000 }`
   */
  readonly first?: number;
  /**
   * The longest wait for each next chunk, counted from the previous one.
   * @default no limit
   * @example `{ first: 10_000, each: 2_000 }`
   */
  readonly each?: number;
  /**
   * The scheduler that times the deadlines.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/**
 * Errors with a {@link TimeoutError} when the first chunk, or the next one, is late — and
 * unsubscribes from the source, which aborts the request.
 *
 * ```
 * source:                                   --a------------b--|
 * timeoutCompletion({ first: 5, each: 6 }): --a------#         TimeoutError('each', 6)
 * ```
 *
 * A number is the deadline for the first chunk. With `{ first, each }` every next chunk must
 * also come within `each` ms of the one before; with `{ each }` alone, `each` applies to the
 * first chunk too (as in RxJS `timeout`). The error says which wait ran out: `limit: 'first'`
 * when no chunk had arrived yet, `'each'` after one had, and `afterMs` is the deadline that
 * fired. The chunks that arrived before the timeout have been emitted. Placed before
 * {@link retryCompletion}, a first-chunk timeout is retried; a later one never is.
 * Deadlines are checked when the operator is created: at least one is required, and each
 * must be a positive finite number. Built on RxJS `timeout({ first, each, with })`; this is
 * what providers' `timeout` option applies.
 *
 * @example
 * ```ts
 * import { timeoutCompletion, TimeoutError, Aivvm } from 'rx-completions';
 *
 * Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true)
 *   .pipe(timeoutCompletion({ first: 10_000, each: 2_000 }))
 *   .subscribe({
 *     next: (chunk) => process.stdout.write(chunk),
 *     error: (e: unknown) => TimeoutError.isInstance(e) && console.error(e.message),
 *   });
 * ```
 *
 * @see {@link retryCompletion} to send a request again after a first-chunk timeout.
 * @see RxJS `timeout`, on which it is built.
 * @param config - the first-chunk deadline in ms, or `{ first, each }`.
 * @returns an operator that bounds the waits for chunks.
 */
export function timeoutCompletion<T>(
  config: number | TimeoutCompletionConfig,
): MonoTypeOperatorFunction<T> {
  const options = typeof config === 'number' ? { first: config } : config;
  const { first, each, scheduler = asyncScheduler } = options;
  const eachMs =
    each === undefined ? undefined : checkedNumber(each, 'positive', 'timeoutCompletion: each');
  const firstMs =
    first === undefined ? eachMs : checkedNumber(first, 'positive', 'timeoutCompletion: first');
  if (firstMs === undefined) {
    throw new TypeError('timeoutCompletion: give a `first` or an `each` deadline, in ms');
  }
  return timeout({
    ...(first === undefined ? {} : { first: firstMs }),
    ...(eachMs === undefined ? {} : { each: eachMs }),
    scheduler,
    with: (info: TimeoutInfo<T>) =>
      throwError(() =>
        info.seen === 0
          ? new TimeoutError('first', firstMs)
          : new TimeoutError('each', eachMs ?? firstMs),
      ),
  });
}
