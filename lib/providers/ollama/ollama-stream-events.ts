import type { OperatorFunction } from 'rxjs';
import type { ReplyEnd } from '../../http/reply-end.js';
import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { operate } from '../../operators/internal/operate.js';
import { ollamaObjectEvents } from './ollama-response-events.js';

/**
 * Turns the parsed lines of Ollama's NDJSON stream into {@link CompletionEvent}s (see
 * `ollamaObjectEvents`), numbering tool calls across the reply.
 *
 * The object with `done: true` ends the reply: the Observable completes at once, which
 * unsubscribes the source; `replyEnd` is reached first, so that the connection may be reused. A body that ends without it is a
 * `StreamError` (`truncated`); an `{"error":"..."}` line is a `StreamError` (`server-error`),
 * emitted after every event before it.
 *
 * @param provider - the provider's name, for errors.
 * @param replyEnd - reached at `done: true` (see `requestBytes`).
 * @returns an operator from parsed lines to completion events.
 * @example
 * ```ts
 * bytes$.pipe(decodeUtf8(), parseJsonLines({ provider }), ollamaStreamEvents(provider));
 * ```
 */
export function ollamaStreamEvents(
  provider: string,
  replyEnd?: ReplyEnd,
): OperatorFunction<unknown, CompletionEvent> {
  return operate<unknown, CompletionEvent>((destination) => {
    let nextToolIndex = 0;
    return {
      next: (line) => {
        const { events, done } = ollamaObjectEvents(line, {
          provider,
          nextToolIndex,
          whole: false,
        });
        for (const event of events) {
          if (event.type === 'tool-call-delta') nextToolIndex = event.index + 1;
          destination.next(event);
        }
        if (done) {
          replyEnd?.reach();
          destination.complete();
        }
      },
      complete: () => {
        destination.error(
          new StreamError({
            kind: 'truncated',
            provider,
            detail: 'the stream ended without an object with done: true',
          }),
        );
      },
    };
  });
}
