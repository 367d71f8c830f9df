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
    if (this.closed) return;
    if (this.queue === undefined) this.fail(error);
    else this.queue.push({ kind: 'E', error });
  }

  complete(): void {
    if (this.closed) return;
    if (this.queue === undefined && this.forward(this.decoder.end())) this.finish();
    else this.queue?.push({ kind: 'C' }); // after a stalled end, completes once the names load
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
    this.queue = [];
    loadUnicodeNameLookup().then(
      () => {
        if (!this.closed) this.replay();
      },
      (error: unknown) => {
        if (!this.closed) this.fail(error);
      },
    );
  }

  /** Resumes the stalled step, then delivers the notifications queued meanwhile, in order. */
  private replay(): void {
    const queued = this.queue ?? [];
    this.queue = undefined;
    this.forward(this.decoder.resume());
    for (const notification of queued) {
      if (notification.kind === 'N') this.next(notification.value);
      else if (notification.kind === 'E') this.error(notification.error);
      else this.complete();
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
