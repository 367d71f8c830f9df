/** How a backoff delay is spread (see `RetryCompletionConfig.jitter`). */
export type Jitter = 'full' | 'none' | ((delayMs: number) => number);

/** The normalised backoff settings of `retryCompletion`. */
export interface Backoff {
  /** The delay before the first retry, in milliseconds. */
  readonly delay: number;
  /** The cap of every backoff delay, in milliseconds. */
  readonly maxDelay: number;
  /** How the capped delay is spread. */
  readonly jitter: Jitter;
}

/**
 * The wait before retry number `retry` (1 for the first retry), in milliseconds: exponential
 * backoff `delay * 2 ** (retry - 1)` capped at `maxDelay`, then spread by `jitter` — `'full'`
 * draws uniformly from `[0, capped)` ("full jitter"), `'none'` keeps it, a function maps it.
 * The result is clamped to `[0, maxDelay]`.
 *
 * @param retry - 1 for the first retry, 2 for the second...
 * @param backoff - the normalised settings.
 * @param random - a source of numbers in `[0, 1)`.
 * @returns a delay in milliseconds.
 * @internal
 */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number): number {
  // MAX_VALUE, not Infinity, for a huge retry number: 0 × Infinity would be NaN.
  const growth = Math.min(2 ** (retry - 1), Number.MAX_VALUE);
  const capped = Math.min(backoff.maxDelay, backoff.delay * growth);
  const spread =
    backoff.jitter === 'full'
      ? random() * capped
      : backoff.jitter === 'none'
        ? capped
        : backoff.jitter(capped);
  return Number.isNaN(spread) ? capped : Math.min(backoff.maxDelay, Math.max(0, spread));
}
