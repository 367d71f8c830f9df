import { Observable, type OperatorFunction, type Subscriber } from 'rxjs';
import { OperatorSubscriber, type OperatorHandlers } from './operator-subscriber.js';

/**
 * Builds an operator from handlers, in the manner of RxJS's internal `operate` and
 * `createOperatorSubscriber`: for each subscription, `setup` is given the destination and
 * returns the handlers of the source's notifications (its state lives in that closure).
 *
 * The source's subscriber is linked to the destination before the source is subscribed, so
 * `take(1)` stops a synchronous source at once; an exception thrown by `setup` or by a handler
 * reaches the destination as `error`; teardown runs in order (the source's, then `finalize`).
 * See {@link OperatorSubscriber}.
 *
 * @param setup - called once per subscription with the destination; returns the handlers.
 * @returns the operator.
 *
 * @example
 * ```ts
 * const lengths = operate<string, number>((destination) => ({
 *   next: (text) => destination.next(text.length),
 * }));
 * of('ab', 'c').pipe(lengths).subscribe(console.log); // 2, then 1
 * ```
 */
export function operate<In, Out>(
  setup: (destination: Subscriber<Out>) => OperatorHandlers<In>,
): OperatorFunction<In, Out> {
  return (source) =>
    new Observable<Out>((destination) => {
      source.subscribe(new OperatorSubscriber<In, Out>(destination, setup(destination)));
    });
}
