/** The most bytes read and dropped after the reply's end before the connection is closed. */
export const RELEASE_MAX_BYTES = 64 * 1024;

/** The longest wait for the body's end after the reply's end before the connection is closed. */
export const RELEASE_MAX_MS = 1000;

/** A Node body as axios's `http` adapter gives it (an `http.IncomingMessage`). */
interface NodeBodyLike {
  readonly complete?: unknown;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  once(event: 'end' | 'close', listener: () => void): unknown;
  removeListener(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
}

function isNodeBody(body: unknown): body is NodeBodyLike {
  return (
    typeof body === 'object' &&
    body !== null &&
    'once' in body &&
    'removeListener' in body &&
    !('getReader' in body)
  );
}

/**
 * Lets a Node response body that nobody reads any more run to its end, dropping its bytes, so
 * that Node's keep-alive agent gets the connection back for the next request (a connection
 * goes back to the pool only once its response has been read whole). The body must already be
 * flowing (a `'data'` listener attached). When it goes on for more than
 * {@link RELEASE_MAX_BYTES} bytes or {@link RELEASE_MAX_MS} ms, `close` is called (which
 * destroys it, and the connection with it). The timer does not keep the process alive.
 *
 * @param body - `response.data` of an axios `http` adapter request.
 * @param close - destroys the body and aborts the request.
 * @returns false when `body` is not a Node body (a WHATWG stream): nothing was done, close it.
 * @example
 * ```ts
 * if (!releaseBody(response.data, abort)) abort();
 * ```
 * @internal
 */
export function releaseBody(body: unknown, close: () => void): boolean {
  if (!isNodeBody(body)) return false;
  if (body.complete === true) return true;
  let bytes = 0;
  let done = false;
  const finish = (giveUp: boolean): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    body.removeListener('data', count);
    if (giveUp) close();
  };
  const count = (chunk: Uint8Array): void => {
    bytes += chunk.length;
    if (bytes > RELEASE_MAX_BYTES) finish(true);
  };
  const timer = setTimeout(() => {
    finish(true);
  }, RELEASE_MAX_MS);
  (timer as { unref?: () => void }).unref?.();
  body.on('data', count);
  body.once('end', () => {
    finish(false);
  });
  body.once('close', () => {
    finish(false);
  });
  return true;
}
