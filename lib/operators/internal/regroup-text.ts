import {
  Observable,
  Subscription,
  type Observer,
  type OperatorFunction,
  type Subscriber,
} from 'rxjs';
import type { TextSplitter } from './text-splitter.js';

/**
 * The subscriber `regroupText` gives its source. It is a `Subscription` that is also an
 * `Observer`, which RxJS uses as the subscriber itself rather than wrapping it: added to the
 * destination before subscribing, it is closed as soon as the consumer unsubscribes, so a
 * synchronous source that checks `closed` stops at once.
 */
class RegroupSubscriber extends Subscription implements Observer<string> {
  constructor(
    private readonly destination: Subscriber<string>,
    private readonly splitter: TextSplitter,
  ) {
    super();
  }

  next(chunk: string): void {
    if (this.closed) return;
    let pieces: string[];
    try {
      pieces = this.splitter.push(chunk);
    } catch (error: unknown) {
      this.error(error);
      return;
    }
    for (const piece of pieces) this.destination.next(piece);
  }

  error(error: unknown): void {
    if (this.closed) return;
    this.flush();
    this.destination.error(error);
    this.unsubscribe();
  }

  complete(): void {
    if (this.closed) return;
    this.flush();
    this.destination.complete();
    this.unsubscribe();
  }

  private flush(): void {
    const rest = this.splitter.flush();
    if (rest !== '') this.destination.next(rest);
  }
}

/**
 * The machinery shared by `bufferLines`, `bufferSentences` and `smoothText`: text chunks
 * regrouped into the pieces a {@link TextSplitter} finds, in order, with nothing dropped or
 * altered.
 *
 * Each subscription has its own splitter. Every chunk is pushed to it and the pieces it
 * completes are emitted one by one. When the source completes, or errors, the rest (if any)
 * is emitted before the completion or the error: the joined output always equals the joined
 * input. Empty strings are never emitted. An error thrown by the splitter is handled as a
 * source error (the rest first, then the error), and the source is unsubscribed.
 *
 * Unsubscribing mid-stream, even from a synchronous source, stops the source at once.
 *
 * @param createSplitter - makes one subscription's splitter.
 * @returns an operator from text chunks to pieces.
 * @internal
 */
export function regroupText(createSplitter: () => TextSplitter): OperatorFunction<string, string> {
  return (source) =>
    new Observable<string>((destination) => {
      const subscriber = new RegroupSubscriber(destination, createSplitter());
      destination.add(subscriber);
      source.subscribe(subscriber);
    });
}
