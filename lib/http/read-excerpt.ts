import type { BodyCallbacks, CancelBody } from './body-reader.js';

/**
 * Reads the start of a body, at most `limit` bytes, and hands it over decoded as UTF-8.
 *
 * `truncated` is true only when bytes past the limit arrived: a body of exactly `limit` bytes
 * that then ends is not truncated, so at the limit the reader waits for the next event.
 * A body that fails hands over what arrived (the status is the news, not the break).
 *
 * @param open - starts reading the body into the given callbacks.
 * @param limit - the most bytes kept.
 * @param done - receives the excerpt and whether the body went on past it.
 * @returns a function that stops reading.
 * @example
 * ```ts
 * readExcerpt((sink) => readBody(response.data, sink), 8192, (text, truncated) => report(text, truncated));
 * ```
 * @internal
 */
export function readExcerpt(
  open: (sink: BodyCallbacks) => CancelBody,
  limit: number,
  done: (excerpt: string, truncated: boolean) => void,
): CancelBody {
  const parts: Uint8Array[] = [];
  let length = 0;
  let finished = false;
  const finish = (truncated: boolean): void => {
    if (finished) return;
    finished = true;
    const excerpt = new Uint8Array(Math.min(length, limit));
    let offset = 0;
    for (const part of parts) {
      const take = part.subarray(0, excerpt.length - offset);
      excerpt.set(take, offset);
      offset += take.length;
    }
    done(new TextDecoder().decode(excerpt), truncated);
  };
  return open({
    chunk: (bytes) => {
      if (finished) return;
      parts.push(bytes);
      length += bytes.length;
      // Past the limit: stop here (the caller's teardown aborts the request).
      if (length > limit) finish(true);
    },
    end: () => {
      finish(false);
    },
    fail: () => {
      finish(false);
    },
  });
}
