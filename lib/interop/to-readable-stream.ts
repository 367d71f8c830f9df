import type { Observable } from 'rxjs';
import type { PullOptions } from './max-buffered.js';
import { toAsyncIterable } from './to-async-iterable.js';

/**
 * An Observable as a web `ReadableStream` (WHATWG Streams), for `Response` bodies, `pipeTo`,
 * `pipeThrough(new TextEncoderStream())` and every API that takes one.
 *
 * - Cold stays cold: the Observable is subscribed on the first read, not before.
 * - `cancel()` (a reader's, or a `Response` body's when the client goes away) unsubscribes: for
 *   a completion, the request is aborted.
 * - The Observable's error errors the stream after every value before it has been read (values
 *   are handed over one read at a time, so none is dropped by the error).
 * - Values not read yet wait in memory, at most `maxBuffered` (65,536 by default); past that the
 *   source is unsubscribed and the stream errors with `BufferOverflowError`.
 *
 * @param source - any Observable, e.g. a completion.
 * @param options - the buffering bound.
 * @returns a readable stream of the values.
 * @throws RangeError at once for a `maxBuffered` that is not a whole number of 1 or more.
 *
 * @example
 * ```ts
 * const body = toReadableStream(completion$).pipeThrough(new TextEncoderStream());
 * return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
 * ```
 */
export function toReadableStream<T>(
  source: Observable<T>,
  options?: PullOptions,
): ReadableStream<T> {
  const values = toAsyncIterable(source, options);
  return new ReadableStream<T>(
    {
      pull: async (controller) => {
        const result = await values.next();
        if (result.done === true) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: async () => {
        await values.return?.();
      },
    },
    // No read-ahead: the source is subscribed only when a reader asks.
    { highWaterMark: 0 },
  );
}
