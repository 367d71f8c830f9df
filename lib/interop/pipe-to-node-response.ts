import type { Observable, Subscription } from 'rxjs';
import { responseBytes } from './response-bytes.js';
import { responseHeaders, type ResponseOptions } from './response-format.js';

/**
 * What {@link pipeToNodeResponse} needs of a response: the members of Node's
 * `http.ServerResponse` it calls (Express's `res` and Fastify's `reply.raw` are one), described
 * structurally so that this module imports nothing from Node.
 */
export interface NodeResponseLike {
  /** Whether the head was sent already. */
  readonly headersSent: boolean;
  /** Whether `end()` has been called. */
  readonly writableEnded: boolean;
  /** Sends the status line and headers. */
  writeHead(statusCode: number, headers: Record<string, string>): unknown;
  /** Sends the head at once, before the first chunk (for SSE clients). */
  flushHeaders?(): void;
  /** Writes part of the body. */
  write(chunk: Uint8Array): boolean;
  /** Ends the body. */
  end(): unknown;
  /** Closes the connection at once, without ending the body. */
  destroy(error?: Error): unknown;
  /** The connection: ended (after what was written is flushed) to cut a body off. */
  readonly socket?: { end(): unknown } | null;
  /** Listens for the connection's close (the client went away, or the response ended). */
  once(event: 'close', listener: () => void): unknown;
  /** Stops listening. */
  removeListener(event: 'close', listener: () => void): unknown;
}

/**
 * Streams a completion into a Node response (`node:http`, Express, Fastify's `reply.raw`) and
 * aborts the completion when the client goes away.
 *
 * - Sends the head at once (status and the format's headers), then each chunk as it comes.
 * - `format: 'text'` (the default): the text; an error destroys the connection, so the client
 *   sees an incomplete response, never a clean end. `format: 'sse'`: `data: <JSON>` events, then
 *   `data: [DONE]`, or an `event: error` with `{ code, message }` and a clean end.
 * - A client that closes the connection unsubscribes the completion: its request is aborted.
 * - Chunks are written as they come; Node buffers what the client has not read yet.
 *
 * @param source - the completion: text chunks (`'text'`), or any values (`'sse'`).
 * @param response - the response to write.
 * @param options - format, status, more headers.
 * @returns the subscription (unsubscribing stops the completion and destroys the response).
 *
 * @example
 * ```ts
 * app.post('/chat', (req, res) => {
 *   pipeToNodeResponse(provider.createCompletion('gpt-4o-mini', req.body.messages, true), res);
 * });
 * ```
 */
export function pipeToNodeResponse(
  source: Observable<unknown>,
  response: NodeResponseLike,
  options?: ResponseOptions,
): Subscription {
  let finished = false;
  const onClose = (): void => {
    if (!finished) subscription.unsubscribe();
  };
  if (!response.headersSent) {
    response.writeHead(options?.status ?? 200, responseHeaders(options));
    response.flushHeaders?.();
  }
  const subscription = responseBytes(source, options?.format ?? 'text').subscribe({
    next: (bytes) => {
      response.write(bytes);
    },
    error: () => {
      finished = true;
      // The connection ends after what was written is flushed, without the body's end (no last
      // chunk, RFC 9112 §7.1): the client gets the text before the error, then sees the cut.
      if (response.socket) response.socket.end();
      else response.destroy();
    },
    complete: () => {
      finished = true;
      response.end();
    },
  });
  subscription.add(() => {
    response.removeListener('close', onClose);
    if (!finished && !response.writableEnded) response.destroy();
  });
  if (!subscription.closed) response.once('close', onClose);
  return subscription;
}
