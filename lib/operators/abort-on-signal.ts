import { Observable, type MonoTypeOperatorFunction } from 'rxjs';
import { AbortedError } from '../errors/aborted-error.js';

/**
 * Ends the Observable with an {@link AbortedError} when `signal` aborts, unsubscribing from the
 * source (for a completion: aborting its request). A signal already aborted at subscribe time
 * errors at once, and the source is never subscribed (no request is sent). Without a signal it
 * is the identity.
 *
 * ```
 * source:        --a--b--c--d--|
 * signal aborts:        ^
 * result:        --a--b-#          AbortedError
 * ```
 *
 * The `abort` listener is removed when the Observable ends or is unsubscribed, so a long-lived
 * signal (one per page, say) does not keep finished completions alive.
 *
 * @param signal - the signal that stops it, or `undefined` for none.
 * @returns an operator that stops the source when the signal aborts.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * completion$.pipe(abortOnSignal(controller.signal)).subscribe(render);
 * controller.abort(); // the request is aborted, the subscriber gets AbortedError
 * ```
 */
export function abortOnSignal<T>(signal: AbortSignal | undefined): MonoTypeOperatorFunction<T> {
  if (signal === undefined) return (source) => source;
  return (source) =>
    new Observable<T>((subscriber) => {
      if (signal.aborted) {
        subscriber.error(new AbortedError(signal.reason));
        return undefined;
      }
      const onAbort = (): void => {
        subscriber.error(new AbortedError(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      subscriber.add(() => {
        signal.removeEventListener('abort', onAbort);
      });
      source.subscribe(subscriber);
      return undefined;
    });
}
