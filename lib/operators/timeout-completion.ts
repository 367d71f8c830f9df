import {
  asyncScheduler,
  concatMap,
  concatWith,
  connect,
  identity,
  take,
  takeUntil,
  throwError,
  timeout,
  timer,
  type MonoTypeOperatorFunction,
  type SchedulerLike,
  type TimeoutInfo,
} from 'rxjs';
import { TimeoutError } from '../errors/timeout-error.js';
import { checkedNumber } from './internal/checked-number.js';
import { clampedDelay } from './internal/timer-limit.js';

/**
 * The deadlines of {@link timeoutCompletion}, in milliseconds; at least one is required.
 * `Infinity` means no limit. A deadline over 2³¹ − 1 ms (about 24.8 days, the longest a
 * timer can wait) is clamped to it.
 */
export interface TimeoutCompletionConfig {
  /**
   * The longest wait for the first chunk, counted from subscription (from sending the request).
   * @default `each`, when `each` is given (as RxJS `timeout`); otherwise no limit
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
   * The longest the whole completion may take, from subscription to its last chunk (as the
   * `timeout` of axios, ky and openai-node bounds a whole request).
   * @default no limit
   * @example `{ each: 5_000, total: 120_000 }`
   */
  readonly total?: number;
  /**
   * The scheduler that times the deadlines.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** The deadlines, checked and clamped; `undefined` for none. */
interface Deadlines {
  readonly first: number | undefined;
  readonly each: number | undefined;
  readonly total: number | undefined;
}

function deadline(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = checkedNumber(value, 'deadline', `timeoutCompletion: ${name}`);
  return ms === Infinity ? undefined : clampedDelay(ms);
}

function checkedDeadlines(config: number | TimeoutCompletionConfig): Deadlines {
  const options = typeof config === 'number' ? { first: config } : config;
  if (options.first === undefined && options.each === undefined && options.total === undefined) {
    throw new TypeError('timeoutCompletion: give a `first`, `each` or `total` deadline, in ms');
  }
  const each = deadline(options.each, 'each');
  const first = options.first === undefined ? each : deadline(options.first, 'first');
  return { first, each, total: deadline(options.total, 'total') };
}

/** `first` and `each` on RxJS `timeout`; `each` alone after a `first: Infinity` too. */
function chunkDeadlines<T>(
  { first, each }: Deadlines,
  scheduler: SchedulerLike,
): MonoTypeOperatorFunction<T> {
  const late = (info: TimeoutInfo<T>) =>
    throwError(() =>
      info.seen === 0 && first !== undefined
        ? new TimeoutError('first', first)
        : new TimeoutError('each', each ?? 0),
    );
  if (first !== undefined) {
    return timeout({ first, ...(each === undefined ? {} : { each }), scheduler, with: late });
  }
  if (each === undefined) return identity;
  // No limit for the first chunk: the `each` clock starts when it arrives.
  return connect((shared) =>
    shared.pipe(take(1), concatWith(shared.pipe(timeout({ each, scheduler, with: late })))),
  );
}

/** Errors with `TimeoutError('total')` when the whole completion outlasts `total`. */
function totalDeadline<T>(
  total: number | undefined,
  scheduler: SchedulerLike,
): MonoTypeOperatorFunction<T> {
  if (total === undefined) return identity;
  const expired = timer(total, scheduler).pipe(
    concatMap(() => throwError(() => new TimeoutError('total', total))),
  );
  return takeUntil(expired);
}

/**
 * Errors with a {@link TimeoutError} when the first chunk, or the next one, is late, or when
 * the whole completion takes too long — and unsubscribes from the source, which aborts the
 * request.
 *
 * ```
 * source:                                   --a------------b--|
 * timeoutCompletion({ first: 5, each: 6 }): --a------#         TimeoutError('each', 6)
 * timeoutCompletion({ total: 8 }):          --a-----#          TimeoutError('total', 8)
 * ```
 *
 * A number is the deadline for the first chunk (kept from earlier versions; `{ total }` is
 * the whole-request deadline of axios, ky and openai-node). With `{ first, each }` every next
 * chunk must also come within `each` ms of the one before; with `{ each }` alone, `each`
 * applies to the first chunk too (as in RxJS `timeout`). `total` bounds the time from
 * subscription to completion, however steadily the chunks come. `Infinity` means no limit
 * (`{ first: Infinity, each: 2_000 }` waits for the first chunk for ever, then bounds the
 * gaps); deadlines over 2³¹ − 1 ms are clamped to it. The error says which wait ran out
 * (`limit: 'first'`, `'each'` or `'total'`) and `afterMs` is the deadline that fired. The
 * chunks that arrived before the timeout have been emitted. Placed before
 * {@link retryCompletion}, a first-chunk timeout is retried; the others never are.
 * Deadlines are checked when the operator is created: at least one is required, and each
 * must be a positive number. Built on RxJS `timeout({ first, each, with })`, `timer` and
 * `takeUntil`; this is what providers' `timeout` option applies.
 *
 * @example
 * ```ts
 * import { timeoutCompletion, TimeoutError, Aivvm } from 'rx-completions';
 *
 * Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true)
 *   .pipe(timeoutCompletion({ first: 10_000, each: 2_000, total: 120_000 }))
 *   .subscribe({
 *     next: (chunk) => process.stdout.write(chunk),
 *     error: (e: unknown) => TimeoutError.isInstance(e) && console.error(e.message),
 *   });
 * ```
 *
 * @see {@link retryCompletion} to send a request again after a first-chunk timeout.
 * @see RxJS `timeout`, on which it is built.
 * @param config - the first-chunk deadline in ms, or `{ first, each, total }`.
 * @returns an operator that bounds the waits for chunks.
 */
export function timeoutCompletion<T>(
  config: number | TimeoutCompletionConfig,
): MonoTypeOperatorFunction<T> {
  const deadlines = checkedDeadlines(config);
  const scheduler = (typeof config === 'number' ? undefined : config.scheduler) ?? asyncScheduler;
  const chunks = chunkDeadlines<T>(deadlines, scheduler);
  const total = totalDeadline<T>(deadlines.total, scheduler);
  if (chunks === identity && total === identity) return identity;
  return (source) => source.pipe(chunks, total);
}
