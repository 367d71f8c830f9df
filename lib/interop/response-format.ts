/**
 * How a completion is written into an HTTP response:
 * - `'text'`: the text chunks as they come, `text/plain; charset=utf-8`; an error cuts the
 *   body off (the client sees an incomplete response, never a clean end).
 * - `'sse'`: one `data: <JSON>` event per value (text chunks or event objects), then
 *   `data: [DONE]`; an error is an `event: error` with `{ code, message }`, and no `[DONE]`.
 */
export type ResponseBodyFormat = 'text' | 'sse';

/** Options of `toResponse` and `pipeToNodeResponse`. */
export interface ResponseOptions {
  /**
   * The body's framing.
   * @default 'text'
   */
  readonly format?: ResponseBodyFormat;
  /**
   * The status code.
   * @default 200
   */
  readonly status?: number;
  /**
   * More response headers (they win over the defaults).
   * @example `{ 'access-control-allow-origin': '*' }`
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The headers of a streamed response: the format's content type, and for SSE no caching and no
 * proxy buffering, then the caller's.
 *
 * @param options - the response options.
 * @returns the headers to send.
 * @internal
 */
export function responseHeaders(options: ResponseOptions | undefined): Record<string, string> {
  const sse = options?.format === 'sse';
  return {
    'content-type': sse ? 'text/event-stream; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    ...(sse ? { 'x-accel-buffering': 'no' } : {}),
    ...options?.headers,
  };
}
