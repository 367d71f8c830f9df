import {
  asyncScheduler,
  identity,
  type MonoTypeOperatorFunction,
  type SchedulerAction,
  type SchedulerLike,
} from 'rxjs';
import { TimeoutError } from '../../errors/timeout-error.js';
import { operate } from './operate.js';
import { clampedDelay } from './timer-limit.js';

/**
 * Errors with `TimeoutError('first', ms)` when nothing arrives within `ms` of subscribing, or
 * `TimeoutError('each', ms)` when `ms` pass without a value after one; the source is then
 * unsubscribed (which aborts a request). What RxJS `timeout({ each })` does, at a lower cost
 * per value: a value only records the time it came, and one timer, set for `ms`, looks at that
 * time when it fires; if a value came meanwhile, it is set again for what is left. A body of
 * thousands of chunks re-arms a timer a few times in all instead of once per chunk.
 *
 * @param ms - the longest quiet spell, in ms; `Infinity` for none (the source as it is). Over
 *   2³¹ − 1 ms it is clamped to that, the longest a timer can wait.
 * @param scheduler - the clock and the timer (virtual time in tests).
 * @returns the operator.
 * @example
 * ```ts
 * requestBytes(request).pipe(idleDeadline(600_000), decodeText());
 * ```
 * @internal
 */
export function idleDeadline<T>(
  ms: number,
  scheduler: SchedulerLike = asyncScheduler,
): MonoTypeOperatorFunction<T> {
  if (ms === Infinity) return identity;
  const limit = clampedDelay(ms);
  return operate<T, T>((destination) => {
    let seen = false;
    let lastAt = scheduler.now();
    function check(this: SchedulerAction<undefined>): void {
      const quiet = scheduler.now() - lastAt;
      if (quiet < limit) {
        this.schedule(undefined, limit - quiet);
        return;
      }
      destination.error(new TimeoutError(seen ? 'each' : 'first', limit));
    }
    destination.add(scheduler.schedule(check, limit));
    return {
      next: (value) => {
        seen = true;
        lastAt = scheduler.now();
        destination.next(value);
      },
    };
  });
}
