import type { EventSourceMessage } from 'eventsource-parser';
import type { OperatorFunction } from 'rxjs';
import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { operate } from '../../operators/internal/operate.js';
import { geminiResponseEvents, type GeminiReplyState } from './gemini-response-events.js';

const newState = (): GeminiReplyState => ({
  toolCalls: 0,
  finishReason: undefined,
  usage: undefined,
});

/**
 * Turns the SSE events of `streamGenerateContent?alt=sse` into {@link CompletionEvent}s: each
 * `data:` is one `GenerateContentResponse` (see `geminiResponseEvents`).
 *
 * Gemini sends no end marker: the stream is whole when a finish reason came before the body
 * ended. Then the last usage the server reported is emitted (once: Gemini repeats it in every
 * response) and the Observable completes. A body that ends with no finish reason is a
 * `StreamError` (`truncated`): the reply may be cut. Blocks are `ContentBlockedError`s, an
 * `error` object in the stream a `StreamError` (`server-error`), each after the events before it.
 *
 * @param provider - the provider's name, for errors.
 * @returns an operator from SSE events to completion events.
 * @example
 * ```ts
 * bytes$.pipe(decodeUtf8(), parseServerSentEvents({ provider: 'Gemini' }), geminiStreamEvents('Gemini'));
 * ```
 */
export function geminiStreamEvents(
  provider: string,
): OperatorFunction<EventSourceMessage, CompletionEvent> {
  return operate<EventSourceMessage, CompletionEvent>((subscriber) => {
    const state = newState();
    const emit = (event: CompletionEvent): void => {
      subscriber.next(event);
    };
    return {
      next: (event) => {
        if (event.data.trim() === '') return;
        geminiResponseEvents(event.data, state, provider, emit);
      },
      complete: () => {
        if (state.finishReason === undefined) {
          const detail = 'the stream ended before a candidate gave a finishReason';
          subscriber.error(new StreamError({ kind: 'truncated', provider, detail }));
          return;
        }
        if (state.usage !== undefined) subscriber.next({ type: 'usage', usage: state.usage });
        subscriber.complete();
      },
    };
  });
}

/**
 * The events of a whole `generateContent` reply: its text in one `text-delta` (`''` when it
 * has none, so that a non-streaming completion emits exactly one string), its thoughts in one
 * `reasoning-delta`, one `tool-call-delta` per call, the `finish` and the `usage`.
 *
 * @param text - the response body.
 * @param provider - the provider's name, for errors.
 * @returns the events, in order.
 * @throws ContentBlockedError, StreamError as `geminiStreamEvents` emits them; a reply without a
 *   finish reason is a `StreamError` (`unexpected-shape`).
 * @example
 * ```ts
 * geminiReplyEvents('{"candidates":[{"content":{"parts":[{"text":"Hi"}]},"finishReason":"STOP"}]}', 'Gemini');
 * // [{ type: 'text-delta', text: 'Hi' }, { type: 'finish', reason: 'stop' }]
 * ```
 */
export function geminiReplyEvents(text: string, provider: string): CompletionEvent[] {
  const state = newState();
  const parts: CompletionEvent[] = [];
  geminiResponseEvents(text, state, provider, (event) => parts.push(event));
  const join = (type: 'text-delta' | 'reasoning-delta'): string =>
    parts.map((event) => (event.type === type ? event.text : '')).join('');
  const reasoning = join('reasoning-delta');
  const events: CompletionEvent[] = [
    ...(reasoning === '' ? [] : [{ type: 'reasoning-delta' as const, text: reasoning }]),
    { type: 'text-delta', text: join('text-delta') },
    ...parts.filter((event) => event.type === 'tool-call-delta' || event.type === 'finish'),
  ];
  if (state.finishReason === undefined) {
    const detail = 'the reply has no candidate with a finishReason';
    throw new StreamError({ kind: 'unexpected-shape', provider, detail, excerpt: text });
  }
  if (state.usage !== undefined) events.push({ type: 'usage', usage: state.usage });
  return events;
}
