import { Subscription, type Observer, type Subscriber } from 'rxjs';

/**
 * What an operator does with each notification of its source. `next` is required; a missing
 * `error` or `complete` forwards the notification as it is.
 */
export interface OperatorHandlers<In> {
  /** Handles a value of the source (emits to the destination, or not). */
  readonly next: (value: In) => void;
  /** Handles the source's error; it ends the destination (`error`), now or later. */
  readonly error?: (error: unknown) => void;
  /** Handles the source's completion; it ends the destination, now or later. */
  readonly complete?: () => void;
  /** Runs once when this subscriber closes, after the source's own teardown. */
  readonly finalize?: () => void;
}

/**
 * The subscriber an operator gives its source, in the manner of RxJS's internal
 * `OperatorSubscriber`:
 *
 * - it is linked to the destination when it is made, before the source is subscribed, so a
 *   consumer that unsubscribes (`take(1)`) closes it at once, and a synchronous source that
 *   checks `closed` stops emitting;
 * - an exception thrown by a handler is sent to the destination as its `error` (never left
 *   unhandled), and the source is unsubscribed;
 * - once the destination has ended, or it has been unsubscribed, later notifications are ignored;
 * - teardown runs in order: the source's, then `finalize`.
 *
 * It is a `Subscription` that is also an `Observer`, which `Observable.subscribe` uses as the
 * subscriber itself rather than wrapping it.
 *
 * @example
 * ```ts
 * new Observable<string>((destination) => {
 *   source.subscribe(
 *     new OperatorSubscriber<number, string>(destination, {
 *       next: (value) => destination.next(String(value)),
 *     }),
 *   );
 * });
 * ```
 */
export class OperatorSubscriber<In, Out> extends Subscription implements Observer<In> {
  /**
   * @param destination - the downstream subscriber; this one is added to it at once.
   * @param handlers - what to do with each notification.
   */
  constructor(
    private readonly destination: Subscriber<Out>,
    private readonly handlers: OperatorHandlers<In>,
  ) {
    super();
    destination.add(this);
  }

  /** @param value - a value of the source. */
  next(value: In): void {
    if (this.closed) return;
    try {
      this.handlers.next(value);
    } catch (error: unknown) {
      this.fail(error);
    }
  }

  /** @param error - the source's error. */
  error(error: unknown): void {
    if (this.closed) return;
    const { error: handle } = this.handlers;
    try {
      if (handle) handle(error);
      else this.destination.error(error);
    } catch (thrown: unknown) {
      this.destination.error(thrown);
    }
    this.unsubscribe();
  }

  /** Called when the source completes. */
  complete(): void {
    if (this.closed) return;
    const { complete: handle } = this.handlers;
    try {
      if (handle) handle();
      else this.destination.complete();
    } catch (thrown: unknown) {
      this.destination.error(thrown);
    }
    this.unsubscribe();
  }

  /** Closes it: the source's teardown first, then the handlers' `finalize`. */
  override unsubscribe(): void {
    if (this.closed) return;
    super.unsubscribe();
    this.handlers.finalize?.();
  }

  private fail(error: unknown): void {
    this.destination.error(error);
    this.unsubscribe();
  }
}
