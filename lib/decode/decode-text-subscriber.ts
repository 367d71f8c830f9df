import { Subscription } from 'rxjs';
import type { ObservableNotification, Observer, Subscriber } from 'rxjs';

import { loadUnicodeNameLookup } from './names/load-unicode-name-lookup.js';
import { NAMES_REQUIRED, StreamDecoder } from './stream-decoder.js';
import type { DecodeStep } from './stream-decoder.js';

/**
 * The subscriber `decodeText` gives its source: it feeds a {@link StreamDecoder} and forwards the
 * text to `destination`.
 *
 * It is a `Subscription` that is also an `Observer`, which RxJS uses as the subscriber itself
 * rather than wrapping it: added to `destination` before subscribing, it is closed as soon as
 * the consumer unsubscribes, so a synchronous source that checks `closed` stops at once.
 *
 * While the `\N{...}` name table loads, the source's notifications queue and are replayed in
 * order afterwards. Unsubscribing drops the queue, and the load's outcome is then ignored: no
 * late emission, no unhandled rejection.
 *
 * @example
 * ```ts
 * new Observable<string>((destination) => {
 *   const subscriber = new DecodeTextSubscriber(destination, false);
 *   destination.add(subscriber);
 *   source.subscribe(subscriber);
 * });
 * ```
 */
export class DecodeTextSubscriber extends Subscription implements Observer<Uint8Array> {
  private readonly decoder: StreamDecoder;
  /** Notifications that arrived while the name table was loading. */
  private queue: ObservableNotification<Uint8Array>[] | undefined;

  /**
   * @param destination - where the text goes.
   * @param replace - replace malformed escapes instead of erroring.
   */
  constructor(
    private readonly destination: Subscriber<string>,
    replace: boolean,
  ) {
    super();
    this.decoder = new StreamDecoder(replace);
    this.add(() => (this.queue = undefined));
  }

  next(chunk: Uint8Array): void {
    if (this.closed) return;
    if (this.queue === undefined) this.forward(this.decoder.push(chunk));
    else this.queue.push({ kind: 'N', value: chunk });
  }

  error(error: unknown): void {
    this.receive({ kind: 'E', error });
  }

  complete(): void {
    this.receive({ kind: 'C' });
  }

  /** Handles a notification at once, or queues it while the name table loads. */
  private receive(notification: ObservableNotification<Uint8Array>): void {
    if (this.closed) return;
    if (this.queue === undefined) this.handle(notification);
    else this.queue.push(notification);
  }

  /** Handles one notification; returns whether the stream goes on at once. */
  private handle(notification: ObservableNotification<Uint8Array>): boolean {
    switch (notification.kind) {
      case 'N':
        return this.forward(this.decoder.push(notification.value));
      case 'E': {
        // The held-back bytes come out before the source's error (not a skipped name's: none).
        const rest = this.decoder.salvage();
        if (rest !== '') this.destination.next(rest);
        if (!this.closed) this.fail(notification.error);
        return false;
      }
      case 'C':
        if (this.forward(this.decoder.end())) this.finish();
        else if (!this.closed) this.queue?.push(notification); // end waits for the names too
        return false;
    }
  }

  /** Emits a step's text; returns whether the stream goes on at once. */
  private forward(step: DecodeStep): boolean {
    if (typeof step === 'string') {
      if (step !== '') this.destination.next(step);
      return !this.closed;
    }
    if (step === NAMES_REQUIRED) {
      this.awaitNames();
      return false;
    }
    if (step.text !== '') this.destination.next(step.text);
    this.fail(step.error);
    return false;
  }

  private awaitNames(): void {
    this.queue ??= [];
    loadUnicodeNameLookup().then(
      () => {
        if (!this.closed) this.replay();
      },
      (error: unknown) => {
        if (!this.closed) this.fail(error);
      },
    );
  }

  /**
   * Resumes the stalled step, then handles the queued notifications in order. The queue stays in
   * place while it drains, so that notifications arriving meanwhile (re-entrantly, from the
   * consumer's callbacks) take their turn after it.
   */
  private replay(): void {
    const queue = this.queue ?? [];
    let goesOn = this.forward(this.decoder.resume());
    while (goesOn) {
      const notification = queue.shift();
      if (notification === undefined) {
        this.queue = undefined;
        return;
      }
      goesOn = this.handle(notification);
    }
  }

  private fail(error: unknown): void {
    this.destination.error(error);
    this.unsubscribe();
  }

  private finish(): void {
    this.destination.complete();
    this.unsubscribe();
  }
}
