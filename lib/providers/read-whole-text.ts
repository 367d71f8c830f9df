import { reduce, type OperatorFunction } from 'rxjs';
import { decodeUtf8 } from '../sse/decode-utf8.js';

/**
 * Collects a whole response body as UTF-8 text, for the non-streaming endpoints.
 *
 * @returns an operator from bytes to the body's text, emitted once at the end.
 */
export function readWholeText(): OperatorFunction<Uint8Array, string> {
  return (bytes$) =>
    bytes$.pipe(
      decodeUtf8(),
      reduce((text, chunk) => text + chunk, ''),
    );
}
