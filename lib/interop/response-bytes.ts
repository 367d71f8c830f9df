import { catchError, endWith, map, of, type Observable } from 'rxjs';
import type { ResponseBodyFormat } from './response-format.js';
import { SSE_DONE_FRAME, sseDataFrame, sseErrorFrame } from './sse-frames.js';

/**
 * The bytes of a streamed response body in `format`: the UTF-8 text chunks as they come
 * (`'text'`), or Server-Sent Events frames ending in `[DONE]` or an `event: error` (`'sse'`).
 *
 * @param source - the completion (text chunks, or any values for `'sse'`).
 * @param format - the body's framing.
 * @returns a cold Observable of the body's bytes.
 * @internal
 */
export function responseBytes(
  source: Observable<unknown>,
  format: ResponseBodyFormat,
): Observable<Uint8Array> {
  const encoder = new TextEncoder();
  const text$ =
    format === 'sse'
      ? source.pipe(
          map(sseDataFrame),
          endWith(SSE_DONE_FRAME),
          catchError((error: unknown) => of(sseErrorFrame(error))),
        )
      : source.pipe(map(String));
  return text$.pipe(map((text) => encoder.encode(text)));
}
