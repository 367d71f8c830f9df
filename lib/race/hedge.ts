import { clampedDelay } from '../operators/internal/timer-limit.js';
import type { Observable, SchedulerLike } from 'rxjs';
import { raceFirstValue, type Candidate } from './race-first-value.js';

/** Options of {@link hedge}. */
export interface HedgeConfig {
  /** Start the next source when none has emitted its first value for this long (ms). */
  readonly after: number;
  /** Told which source won (by its name, or its index as a string). */
  readonly onWinner?: (name: string) => void;
  /**
   * The scheduler of the hedge timer.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** A source for {@link hedge} and {@link fallback}: a factory, or a named one. */
export type SourceFactory<T> = (() => Observable<T>) | Candidate<T>;

/** Names anonymous factories by their index. */
function toCandidates<T>(sources: readonly SourceFactory<T>[]): Candidate<T>[] {
  return sources.map((source, index) =>
    typeof source === 'function' ? { name: String(index), start: source } : source,
  );
}

/**
 * Hedged requests: starts the first source; if it has not emitted within `after` ms, starts
 * the next one as well (and so on). Whichever emits first wins; the others are unsubscribed,
 * which aborts their requests. A source that fails before its first value makes way for the
 * next at once; errors of losers are dropped, the winner's are passed on. When all fail, the
 * error is an `AllProvidersFailedError` listing each.
 *
 * This cuts tail latency without doubling every request: the second request is only sent
 * when the first is slow.
 *
 * ```text
 * source 0:  ---------a--b|          (slow: started at 0, loses)
 * source 1:       --x--y|            (started after `after`, emits first, wins)
 * hedge:     ---------x--y|
 * ```
 *
 * @param sources - factories of cold Observables, tried in order (or `{ name, start }`).
 * @param config - `after` (ms), `onWinner`, `scheduler`.
 * @returns the winner's values.
 *
 * @example
 * ```ts
 * hedge([() => primary.createCompletion(model, messages, true), () => backup.createCompletion(model, messages, true)], { after: 800 })
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 * @see fallback
 */
export function hedge<T>(sources: readonly SourceFactory<T>[], config: HedgeConfig): Observable<T> {
  if (!Number.isFinite(config.after) || config.after < 0) {
    throw new RangeError(`hedge: after must be a finite number of ms >= 0, got ${config.after}`);
  }
  // A timer waits at most 2³¹ − 1 ms; a longer `after` would fire at once.
  return raceFirstValue(toCandidates(sources), { ...config, after: clampedDelay(config.after) });
}

/**
 * Fallback: subscribes to the sources one after another until one emits; a source that fails
 * before its first value makes way for the next. After the first value a failure is passed on
 * (re-sending would duplicate text). When all fail, the error is an `AllProvidersFailedError`.
 *
 * @param sources - factories of cold Observables, tried in order (or `{ name, start }`).
 * @param onWinner - told which source answered.
 * @returns the first answering source's values.
 *
 * @example
 * ```ts
 * fallback([() => local.createCompletion(model, messages, true), () => cloud.createCompletion(model, messages, true)])
 *   .subscribe((chunk) => process.stdout.write(chunk));
 * ```
 * @see hedge
 */
export function fallback<T>(
  sources: readonly SourceFactory<T>[],
  onWinner?: (name: string) => void,
): Observable<T> {
  return raceFirstValue(toCandidates(sources), { onWinner });
}
