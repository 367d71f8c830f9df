import type { Observable } from 'rxjs';
import { responseBytes } from './response-bytes.js';
import { responseHeaders, type ResponseOptions } from './response-format.js';
import { toReadableStream } from './to-readable-stream.js';

/**
 * A completion as a web `Response` that streams it, for the hosts whose handlers return one:
 * Next.js route handlers, Hono, Deno, Bun, Cloudflare and other workers.
 *
 * - The completion is subscribed when the host starts reading the body, not before.
 * - When the client goes away the host cancels the body, which unsubscribes: the completion's
 *   request is aborted.
 * - `format: 'text'` (the default) streams the text as `text/plain`; an error cuts the body off.
 *   `format: 'sse'` sends one `data: <JSON>` event per value (so event objects work too), then
 *   `data: [DONE]`, or an `event: error` with `{ code, message }`.
 *
 * @param source - the completion: text chunks (`'text'`), or any values (`'sse'`).
 * @param options - format, status, more headers.
 * @returns the response.
 *
 * @example
 * ```ts
 * export function POST(request: Request): Response {
 *   const completion$ = provider.createCompletion('gpt-4o-mini', messages, true);
 *   return toResponse(completion$, { format: 'sse' });
 * }
 * ```
 */
export function toResponse(source: Observable<string>, options?: ResponseOptions): Response;
export function toResponse(
  source: Observable<unknown>,
  options: ResponseOptions & { readonly format: 'sse' },
): Response;
export function toResponse(source: Observable<unknown>, options?: ResponseOptions): Response {
  const body = toReadableStream(responseBytes(source, options?.format ?? 'text'));
  return new Response(body, { status: options?.status ?? 200, headers: responseHeaders(options) });
}
