/** What a body reader calls as the body arrives. */
export interface BodyCallbacks {
  /** A chunk of the body, in order. */
  readonly chunk: (bytes: Uint8Array) => void;
  /** The body ended normally. */
  readonly end: () => void;
  /** The body failed (a reset, a truncated chunked encoding, a decompression failure). */
  readonly fail: (error: unknown) => void;
}

/** Stops reading and releases the body (and with it the socket). Safe to call twice. */
export type CancelBody = () => void;

interface NodeReadableLike {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  destroy(): unknown;
}

function isWebReadableStream(body: unknown): body is ReadableStream<Uint8Array> {
  return typeof body === 'object' && body !== null && 'getReader' in body;
}

function isNodeReadable(body: unknown): body is NodeReadableLike {
  return typeof body === 'object' && body !== null && 'on' in body && 'destroy' in body;
}

function readNodeStream(stream: NodeReadableLike, callbacks: BodyCallbacks): CancelBody {
  let settled = false;
  const settle = (action: () => void): void => {
    if (settled) return;
    settled = true;
    action();
  };
  stream.on('data', (chunk) => {
    if (!settled) callbacks.chunk(chunk);
  });
  stream.on('end', () => {
    settle(callbacks.end);
  });
  // An error listener stays attached for the stream's whole life: a late error after a
  // cancellation must never become an uncaught exception.
  stream.on('error', (error) => {
    settle(() => {
      callbacks.fail(error);
    });
  });
  stream.on('close', () => {
    settle(() => {
      callbacks.fail(Object.assign(new Error('premature close'), { code: 'ECONNRESET' }));
    });
  });
  return () => {
    settled = true;
    stream.destroy();
  };
}

function readWebStream(stream: ReadableStream<Uint8Array>, callbacks: BodyCallbacks): CancelBody {
  const reader = stream.getReader();
  let cancelled = false;
  const pump = (): void => {
    reader.read().then(
      (result) => {
        if (cancelled) return;
        if (result.done) {
          callbacks.end();
          return;
        }
        callbacks.chunk(result.value);
        pump();
      },
      (error: unknown) => {
        if (!cancelled) callbacks.fail(error);
      },
    );
  };
  pump();
  return () => {
    if (cancelled) return;
    cancelled = true;
    reader.cancel().catch(() => undefined);
  };
}

/**
 * Whether `body` is something {@link readBody} can read: a WHATWG `ReadableStream`, a Node
 * `Readable`, bytes, or nothing (`fetch` gives no body for a 204 or 304). axios's XHR adapter
 * (browsers) gives a string or a `Blob` instead.
 *
 * @param body - `response.data` of a stream request.
 * @returns true when the body can be read as it arrives.
 * @example
 * ```ts
 * if (!isReadableBody(response.data)) throw new Error('use the fetch adapter');
 * ```
 * @internal
 */
export function isReadableBody(body: unknown): boolean {
  return (
    body === null ||
    body === undefined ||
    isWebReadableStream(body) ||
    isNodeReadable(body) ||
    body instanceof Uint8Array
  );
}

/**
 * Whether `body` is a Node `Readable` (axios's `http` adapter): the one kind of body whose
 * bytes are still compressed when the request asked axios not to decompress. `fetch`
 * decompresses its bodies itself.
 *
 * @param body - `response.data` of a stream request.
 * @returns true for a Node stream.
 * @example
 * ```ts
 * const raw = isNodeReadableBody(response.data);
 * ```
 * @internal
 */
export function isNodeReadableBody(body: unknown): boolean {
  return !isWebReadableStream(body) && isNodeReadable(body);
}

/**
 * Reads a response body as it arrives, whichever adapter produced it: a Node `Readable`
 * (axios's `http` adapter) or a WHATWG `ReadableStream` (axios's `fetch` adapter, in browsers).
 *
 * After `end` or `fail`, or after the returned cancel function is called, no callback is
 * called again.
 *
 * @param body - `response.data` of an axios request made with `responseType: 'stream'`.
 * @param callbacks - where chunks, the end and a failure go.
 * @returns a function that stops reading and releases the body.
 */
export function readBody(body: unknown, callbacks: BodyCallbacks): CancelBody {
  if (isWebReadableStream(body)) return readWebStream(body, callbacks);
  if (isNodeReadable(body)) return readNodeStream(body, callbacks);
  if (body === null || body === undefined) {
    callbacks.end();
    return () => undefined;
  }
  if (body instanceof Uint8Array) {
    callbacks.chunk(body);
    callbacks.end();
    return () => undefined;
  }
  callbacks.fail(new TypeError('the response body is not a stream'));
  return () => undefined;
}

/**
 * Releases a body nobody will read (the subscriber left while the headers were on their way).
 *
 * @param body - `response.data` of a stream request.
 */
export function discardBody(body: unknown): void {
  readBody(body, { chunk: () => undefined, end: () => undefined, fail: () => undefined })();
}
