import {
  asyncScheduler,
  defer,
  Observable,
  timer,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import {
  AllProvidersFailedError,
  type ProviderFailure,
} from '../errors/all-providers-failed-error.js';
import { OperatorSubscriber } from '../operators/internal/operator-subscriber.js';
import { whenAnswered } from './when-answered.js';

/** One way to get the answer: a name (for errors and logs) and a cold source. */
export interface Candidate<T> {
  /** The name errors and `onWinner` use. */
  readonly name: string;
  /** Starts it: called once, when the candidate's turn comes. */
  readonly start: () => Observable<T>;
}

/** How {@link raceFirstValue} paces its candidates. */
export interface RaceOptions {
  /** Start the next candidate when the running ones have not emitted for this long (ms). */
  readonly after?: number | undefined;
  /** The scheduler of the hedge timer. */
  readonly scheduler?: SchedulerLike | undefined;
  /**
   * Told which candidate won (emitted first, or completed empty: see `whenAnswered`), before
   * its first value. If it throws, the output errors with that exception after the first value.
   */
  readonly onWinner?: ((name: string) => void) | undefined;
  /**
   * Errors that end the race at once instead of making way for the next candidate (the
   * caller's own mistakes, which every candidate would repeat).
   */
  readonly isFinal?: ((error: unknown) => boolean) | undefined;
}

/**
 * Starts candidates one after another until one emits: the next starts when a running one
 * fails before its first value (fallback) or, with `after`, when none has emitted within
 * `after` ms (hedging). The first to emit wins: the others are unsubscribed, and from then on
 * the winner's values, error and completion are the output's. Errors of losers are dropped;
 * when every candidate has failed, the output errors with `AllProvidersFailedError`.
 * An exception thrown by `onWinner` or `isFinal` is the output's error, never unhandled.
 *
 * @internal the engine of `fallback`, `hedge` and the `createCompletion` facade.
 */
export function raceFirstValue<T>(
  candidates: readonly Candidate<T>[],
  options: RaceOptions = {},
): Observable<T> {
  const { after, scheduler = asyncScheduler, onWinner, isFinal } = options;
  return new Observable<T>((subscriber) => {
    const running = new Map<number, Subscription>();
    const failures: ProviderFailure[] = [];
    let hedgeTimer: Subscription | undefined;
    let started = 0;
    let winner: number | undefined;

    const win = (index: number, name: string): void => {
      winner = index;
      hedgeTimer?.unsubscribe();
      for (const [other, subscription] of running) if (other !== index) subscription.unsubscribe();
      onWinner?.(name);
    };

    const startNext = (): void => {
      hedgeTimer?.unsubscribe();
      const index = started;
      const candidate = candidates[index];
      if (!candidate) {
        if (running.size === 0) subscriber.error(new AllProvidersFailedError(failures));
        return;
      }
      started += 1;
      if (after !== undefined && started < candidates.length) {
        hedgeTimer = timer(after, scheduler).subscribe(startNext);
      }
      // Linked to `subscriber` before its source runs, so an unsubscribe reaches even a source
      // that emits synchronously while being subscribed; a throwing handler errors the output.
      const inner = new OperatorSubscriber<T, T>(subscriber, {
        next: (value) => {
          subscriber.next(value);
        },
        error: (error: unknown) => {
          running.delete(index);
          if (winner === index || isFinal?.(error) === true) {
            subscriber.error(error);
            return;
          }
          failures.push({ provider: candidate.name, error });
          // A failure before the first value is a fallback: the next candidate starts now.
          startNext();
        },
        complete: () => {
          running.delete(index);
          subscriber.complete();
        },
      });
      running.set(index, inner);
      defer(candidate.start)
        .pipe(
          whenAnswered(() => {
            win(index, candidate.name);
          }),
        )
        .subscribe(inner);
    };

    // Added before the first start: a synchronous winner may be unsubscribed (`take(n)`)
    // before this function returns.
    subscriber.add(() => hedgeTimer?.unsubscribe());
    startNext();
  });
}
