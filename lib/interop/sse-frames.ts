import { CompletionError } from '../errors/completion-error.js';

/** The frame that ends a stream, as OpenAI-compatible servers end theirs. */
export const SSE_DONE_FRAME = 'data: [DONE]\n\n';

/**
 * One value as a Server-Sent Events frame: `data: <JSON>` and a blank line (WHATWG HTML,
 * "Server-sent events"). JSON keeps a value's newlines inside one `data:` line, so a client
 * reads it back with `JSON.parse(event.data)`.
 *
 * @param value - a text chunk or an event object.
 * @returns the frame.
 * @internal
 */
export function sseDataFrame(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/**
 * An error as an `event: error` frame, with `{ code, message }` for this package's errors
 * (which carry no secrets) and a generic message for anything else, so that an unexpected
 * exception's text never reaches a client.
 *
 * @param error - what the completion failed with.
 * @returns the frame.
 * @internal
 */
export function sseErrorFrame(error: unknown): string {
  const data = CompletionError.isInstance(error)
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: 'The completion failed' };
  return `event: error\n${sseDataFrame(data)}`;
}
