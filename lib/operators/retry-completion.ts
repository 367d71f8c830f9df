import {
  asyncScheduler,
  defer,
  identity,
  retry,
  tap,
  throwError,
  timer,
  type MonoTypeOperatorFunction,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { HttpStatusError } from '../errors/http-status-error.js';
import { backoffDelay, type Backoff, type Jitter } from './internal/backoff-delay.js';
import { checkedNumber } from './internal/checked-number.js';
import { isRetryableByDefault } from './internal/is-retryable-by-default.js';
import { parseRetryAfter } from './internal/parse-retry-after.js';
import { MAX_TIMER_MS } from './internal/timer-limit.js';

export type { Jitter } from './internal/backoff-delay.js';

/** What {@link RetryCompletionConfig.shouldRetry} is told about the failed attempt. */
export interface RetryContext {
  /** The number of the retry being considered: 1 for the first. */
  readonly retry: number;
  /** The wait the server asked for (`retry-after-ms` or `Retry-After`), in ms, if it did. */
  readonly retryAfterMs: number | undefined;
}

/** What {@link RetryCompletionConfig.onRetry} is told about a retry about to wait. */
export interface RetryWait extends RetryContext {
  /** How long the retry waits before it re-sends the request, in ms. */
  readonly waitMs: number;
}

/** How {@link retryCompletion} retries. Every field is optional. */
export interface RetryCompletionConfig {
  /**
   * How many times to retry (not counting the first attempt). `0` makes the operator the
   * identity; `Infinity` retries for as long as the policy allows.
   * @default 2 (as openai-node)
   * @example `{ count: 5 }`
   */
  readonly count?: number;
  /**
   * The backoff before the first retry, in ms; it doubles with every retry, up to `maxDelay`.
   * @default 500 (as openai-node)
   * @example `{ delay: 1_000 }`
   */
  readonly delay?: number;
  /**
   * The cap of every backoff delay, in ms (not of a server's `Retry-After`: see `maxRetryAfter`).
   * @default 8_000 (as openai-node)
   * @example `{ maxDelay: 30_000 }`
   */
  readonly maxDelay?: number;
  /**
   * How a backoff delay is spread: `'full'` waits a uniformly random time in
   * `[0, capped delay)` ("full jitter", so that many clients do not retry in step), `'none'`
   * waits the capped delay exactly, and a function maps the capped delay to the wait (the
   * result is clamped to `[0, maxDelay]`). A server's `Retry-After` is never jittered.
   * @default 'full'
   * @example `{ jitter: (ms) => ms / 2 + Math.random() * (ms / 2) }` ("equal jitter")
   */
  readonly jitter?: Jitter;
  /**
   * The longest `Retry-After` (or `retry-after-ms`) that is waited for, in ms. When the server
   * asks for longer, retrying stops and the error passes through, so that the caller can read
   * `error.responseHeaders['retry-after']` and decide (retrying sooner than asked would only
   * earn another 429; waiting minutes inside a subscription is rarely what a UI wants).
   * A wait is never longer than 2³¹ − 1 ms (about 24.8 days, the longest a timer can wait):
   * beyond that the error passes through whatever `maxRetryAfter` says.
   * @default 60_000 (openai-node also ignores a `Retry-After` of 60 s or more)
   * @example `{ maxRetryAfter: Infinity }` to wait as long as asked (up to 2³¹ − 1 ms)
   */
  readonly maxRetryAfter?: number;
  /**
   * Decides whether an error is retried: `true` or `false`, or `undefined` for the default
   * policy. It never overrides the rule that nothing is retried after a chunk was emitted, nor
   * `count`, nor `maxRetryAfter`.
   * @default the policy described on {@link retryCompletion}
   * @example `{ shouldRetry: (e) => (HttpStatusError.isInstance(e) && e.status === 400 ? true : undefined) }`
   */
  readonly shouldRetry?: (error: unknown, context: RetryContext) => boolean | undefined;
  /**
   * Called once per retry, when it is decided and before its wait starts: the error of the
   * failed attempt, the retry's number and the wait. For logging (a CLI's `--verbose`, a UI's
   * "retrying in 2 s"); it does not change what is retried.
   * @example `{ onRetry: (e, { retry, waitMs }) => console.warn(`retry ${retry} in ${waitMs} ms`, e) }`
   */
  readonly onRetry?: (error: unknown, wait: RetryWait) => void;
  /**
   * The scheduler that times the waits and tells the time for an HTTP-date `Retry-After`.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/**
 * Sends a failed completion again — resubscribes to the source — when it failed before its
 * first chunk, with exponential backoff and full jitter, honouring the server's `Retry-After`.
 *
 * ```
 * source (1st attempt): --#                  429, Retry-After: 1
 * source (2nd attempt):          --a--b--|
 * retryCompletion():    ---------- --a--b--| (1000 ms later)
 *
 * source:               --a--#               a chunk, then a failure
 * retryCompletion():    --a--#               passed through: a retry would repeat `a`
 * ```
 *
 * **Only before the first chunk.** Once the source has emitted a chunk, any error passes
 * through unchanged and nothing is re-sent: a new request would stream the reply again from
 * its start and duplicate the text already shown. (Recover from mid-stream failures in the
 * application, e.g. by asking the model to continue.)
 *
 * **What is retried by default**: an `HttpStatusError` with status 408, 409, 429 or 5xx, a
 * `NetworkError`, and a `TimeoutError` for the first chunk (from {@link timeoutCompletion}
 * placed before this operator), and a `StreamError` for an in-stream error of a type whose
 * HTTP twin is retried (Anthropic's `overloaded_error`, as a 529). Never another 4xx, a `ModelNotSupportedError`, a
 * `DecodeError`, or an error that is not this package's. A response's `x-should-retry: true`
 * or `false` (name and value in any case, as openai-node honours it) overrides the status
 * both ways. `shouldRetry` can widen or narrow that.
 *
 * **How long it waits**: the server's `retry-after-ms` (milliseconds, as sent by OpenAI) or
 * `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) when the `HttpStatusError`
 * carries one, exactly; if that is longer than `maxRetryAfter`, it stops retrying and passes
 * the error on. Otherwise `delay * 2 ** (retry - 1)` capped at `maxDelay`, spread by `jitter`.
 * A wait longer than 2³¹ − 1 ms (about 24.8 days; a longer timer would overflow and fire at
 * once) is never waited: the error passes on instead.
 *
 * The error that ends the retrying is the last attempt's, unchanged. Options are checked when
 * the operator is created (a bad value throws at once); `count: 0` is the identity.
 * Unsubscribing during a wait cancels it. Built on RxJS `retry({ count, delay })` and `timer`.
 *
 * @example
 * ```ts
 * import { retryCompletion, timeoutCompletion, Aivvm } from 'rx-completions';
 *
 * Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hi' }], true)
 *   .pipe(timeoutCompletion({ first: 10_000 }), retryCompletion({ count: 3, maxDelay: 4_000 }))
 *   .subscribe({ next: (chunk) => process.stdout.write(chunk), error: console.error });
 * ```
 *
 * @see {@link timeoutCompletion} to turn a stalled request into a retryable `TimeoutError`.
 * @see RxJS `retry`, on which it is built.
 * @param config - a count, or the full configuration.
 * @returns an operator that retries the whole request.
 */
export function retryCompletion<T>(
  config: number | RetryCompletionConfig = {},
): MonoTypeOperatorFunction<T> {
  const options = typeof config === 'number' ? { count: config } : config;
  const count = checkedNumber(options.count ?? 2, 'count', 'retryCompletion: count');
  const backoff: Backoff = {
    delay: checkedNumber(options.delay ?? 500, 'non-negative', 'retryCompletion: delay'),
    maxDelay: checkedNumber(options.maxDelay ?? 8_000, 'non-negative', 'retryCompletion: maxDelay'),
    jitter: checkedJitter(options.jitter ?? 'full'),
  };
  const maxRetryAfter = options.maxRetryAfter ?? 60_000;
  if (!(maxRetryAfter >= 0)) {
    throw new RangeError(`retryCompletion: maxRetryAfter must be 0 or more, got ${maxRetryAfter}`);
  }
  const { shouldRetry, onRetry, scheduler = asyncScheduler } = options;
  if (count === 0) return identity;

  const waitBeforeRetry = (error: unknown, retryNumber: number): Observable<unknown> => {
    const retryAfterMs = HttpStatusError.isInstance(error)
      ? parseRetryAfter(error.responseHeaders, scheduler.now())
      : undefined;
    const verdict =
      shouldRetry?.(error, { retry: retryNumber, retryAfterMs }) ?? isRetryableByDefault(error);
    if (!verdict) return throwError(() => error);
    if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfter) return throwError(() => error);
    const waitMs = retryAfterMs ?? backoffDelay(retryNumber, backoff, Math.random);
    // A longer timer would fire at once (its delay overflows 32 bits): pass the error on.
    if (waitMs > MAX_TIMER_MS) return throwError(() => error);
    onRetry?.(error, { retry: retryNumber, retryAfterMs, waitMs });
    return timer(waitMs, scheduler);
  };

  return (source) =>
    defer(() => {
      let emitted = false;
      return source.pipe(
        tap(() => {
          emitted = true;
        }),
        retry({
          count,
          delay: (error: unknown, retryNumber) =>
            emitted ? throwError(() => error) : waitBeforeRetry(error, retryNumber),
        }),
      );
    });
}

function checkedJitter(jitter: unknown): Jitter {
  if (jitter === 'full' || jitter === 'none' || typeof jitter === 'function') {
    return jitter as Jitter;
  }
  throw new TypeError(
    `retryCompletion: jitter must be 'full', 'none' or a function, got ${String(jitter)}`,
  );
}
