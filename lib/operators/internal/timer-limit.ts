/**
 * The longest delay a timer can wait, in milliseconds: 2³¹ − 1 (about 24.8 days). Node and
 * browsers store a timer's delay as a signed 32-bit integer; a longer one fires after about
 * 1 ms (Node warns with `TimeoutOverflowWarning`; the HTML Living Standard's timer
 * initialisation steps wrap it likewise).
 * @internal
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * `ms`, or {@link MAX_TIMER_MS} when it is longer: a delay every timer can honour.
 *
 * @param ms - a delay of 0 or more milliseconds (Infinity too).
 * @returns the delay, at most 2³¹ − 1 ms.
 * @example `clampedDelay(3e9) === MAX_TIMER_MS`
 * @internal
 */
export function clampedDelay(ms: number): number {
  return Math.min(ms, MAX_TIMER_MS);
}
