import type { OperatorFunction } from 'rxjs';
import { operate } from './operate.js';
import type { TextSplitter } from './text-splitter.js';

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
  return operate<string, string>((destination) => {
    const splitter = createSplitter();
    const flush = (): void => {
      const rest = splitter.flush();
      if (rest !== '') destination.next(rest);
    };
    return {
      next: (chunk) => {
        let pieces: string[];
        try {
          pieces = splitter.push(chunk);
        } catch (error: unknown) {
          // The rest first, then the error, as for an error of the source.
          flush();
          throw error;
        }
        for (const piece of pieces) destination.next(piece);
      },
      error: (error) => {
        flush();
        destination.error(error);
      },
      complete: () => {
        flush();
        destination.complete();
      },
    };
  });
}
