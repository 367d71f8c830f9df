import {
  catchError,
  concat,
  concatWith,
  defer,
  mergeMap,
  throwError,
  type OperatorFunction,
} from 'rxjs';
import type { PieceDetector } from './piece-detector.js';
import { scanSteps } from './scan-steps.js';

/**
 * The machinery shared by `bufferLines`, `bufferSentences` and `smoothText`: text chunks
 * regrouped into the pieces `detectPiece` finds, in order, with nothing dropped or altered.
 *
 * Each subscription has its own buffer. Every chunk is appended to it and whole pieces are
 * taken from its start for as long as `detectPiece` finds one. When the source completes,
 * or errors, the rest of the buffer (if any) is emitted before the completion or the error:
 * the joined output always equals the joined input. Empty strings are never emitted. An
 * error thrown by `detectPiece` is handled as a source error.
 *
 * Built from `mergeMap`, `concatWith` and `catchError`, so unsubscribing mid-stream, even from
 * a synchronous source, stops the source at once.
 *
 * @param detectPiece - finds the first whole piece of the buffer; an empty string counts as none.
 * @returns an operator from text chunks to pieces.
 * @internal
 */
export function regroupText(detectPiece: PieceDetector): OperatorFunction<string, string> {
  return (source) =>
    defer(() => {
      let buffer = '';
      const takePieces = (chunk: string): string[] => {
        buffer += chunk;
        const pieces: string[] = [];
        const detect = (text: string) => {
          scanSteps.count += text.length;
          return detectPiece(text);
        };
        for (let piece = detect(buffer); piece; piece = detect(buffer)) {
          pieces.push(piece);
          buffer = buffer.slice(piece.length);
        }
        return pieces;
      };
      const takeRest = (): string[] => {
        const rest = buffer;
        buffer = '';
        return rest === '' ? [] : [rest];
      };
      return source.pipe(
        mergeMap((chunk) => takePieces(chunk)),
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
