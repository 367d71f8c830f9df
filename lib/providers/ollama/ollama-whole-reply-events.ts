import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { ollamaObjectEvents } from './ollama-response-events.js';

/**
 * The events of a whole (`stream: false`) `/api/chat` reply: one JSON object, read by
 * `ollamaObjectEvents` — exactly one `text-delta` (`''` when the reply has no text), then
 * the tool-call deltas, the finish and the usage.
 *
 * @param text - the reply body.
 * @param provider - the provider's name, for errors.
 * @returns the events, in order.
 * @throws StreamError `invalid-json` for a body that is not JSON, and what
 *   `ollamaObjectEvents` throws.
 * @example
 * ```ts
 * ollamaWholeReplyEvents('{"message":{"role":"assistant","content":"Hi"},"done":true}', 'Ollama');
 * ```
 */
export function ollamaWholeReplyEvents(text: string, provider: string): CompletionEvent[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'the reply is not JSON',
      excerpt: text,
    });
  }
  return ollamaObjectEvents(value, { provider, nextToolIndex: 0, whole: true }).events;
}
