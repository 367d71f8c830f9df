import type { OperatorFunction } from 'rxjs';
import type { ReplyEnd } from '../../http/reply-end.js';
import type { EventSourceMessage } from 'eventsource-parser';
import { StreamError } from '../../errors/stream-error.js';
import { operate } from '../../operators/internal/operate.js';
import { emitChatCompletionEvents } from './chat-completion-object-events.js';
import type { CompletionEvent } from '../../events/completion-event.js';
import { serverErrorDetail } from '../server-error-detail.js';

/** The detail of an `event: error`: its JSON's message, or its text. */
function errorEventDetail(data: string): string {
  try {
    return serverErrorDetail(JSON.parse(data));
  } catch {
    return data.trim() === '' ? 'error' : data;
  }
}

/**
 * Turns the SSE events of an OpenAI-compatible stream into {@link CompletionEvent}s.
 *
 * `data: [DONE]` marks the end: the Observable completes at once, which unsubscribes the
 * source (a server that keeps the connection open after `[DONE]` does not hold the reply up);
 * `replyEnd` is reached first, so that the rest of the body may end and the connection be
 * reused. A body that ends without `[DONE]` is a `StreamError`
 * (`truncated`): the reply may be cut. These are `StreamError`s too, emitted after every delta
 * before them: a `data:` that is not JSON (`invalid-json`), a content that is neither a string
 * nor text parts or a `tool_calls` of the wrong shape (`unexpected-shape`), an `error` field or
 * an `event: error` event (`server-error`, with the server's message). Each chunk gives its
 * reasoning, text and tool-call deltas (see `chatCompletionEvents`).
 *
 * @param provider - the provider's name, for errors.
 * @param replyEnd - reached at `[DONE]` (see `requestBytes`).
 * @returns an operator from SSE events to completion events.
 *
 * @example
 * ```ts
 * bytes$.pipe(decodeUtf8(), parseServerSentEvents({ provider: 'openai' }), chatChunkEvents('openai'));
 * ```
 */
export function chatChunkEvents(
  provider: string,
  replyEnd?: ReplyEnd,
): OperatorFunction<EventSourceMessage, CompletionEvent> {
  return operate<EventSourceMessage, CompletionEvent>((subscriber) => {
    const emit = (completionEvent: CompletionEvent): void => {
      subscriber.next(completionEvent);
    };
    return {
      next: (event) => {
        if (event.event === 'error') {
          const detail = errorEventDetail(event.data);
          throw new StreamError({ kind: 'server-error', provider, detail, excerpt: event.data });
        }
        if (event.data === '[DONE]') {
          replyEnd?.reach();
          subscriber.complete();
          return;
        }
        emitChatCompletionEvents(event.data, provider, emit);
      },
      complete: () => {
        subscriber.error(
          new StreamError({
            kind: 'truncated',
            provider,
            detail: 'the stream ended without data: [DONE]',
          }),
        );
      },
    };
  });
}
