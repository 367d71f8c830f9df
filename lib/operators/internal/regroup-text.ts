import {
  catchError,
  concat,
  concatWith,
  defer,
  mergeMap,
  throwError,
  type OperatorFunction,
} from 'rxjs';
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
 * source error.
 *
 * Built from `mergeMap`, `concatWith` and `catchError`, so unsubscribing mid-stream, even from
 * a synchronous source, stops the source at once.
 *
 * @param createSplitter - makes one subscription's splitter.
 * @returns an operator from text chunks to pieces.
 * @internal
 */
export function regroupText(createSplitter: () => TextSplitter): OperatorFunction<string, string> {
  return (source) =>
    defer(() => {
      const splitter = createSplitter();
      const takeRest = (): string[] => {
        const rest = splitter.flush();
        return rest === '' ? [] : [rest];
      };
      return source.pipe(
        mergeMap((chunk) => splitter.push(chunk)),
        concatWith(defer(takeRest)),
        catchError((error: unknown) =>
          concat(
            takeRest(),
            throwError(() => error),
          ),
        ),
      );
    });
}
