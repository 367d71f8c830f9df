import { Observable, type OperatorFunction } from 'rxjs';
import type { EventSourceMessage } from 'eventsource-parser';
import { StreamError } from '../../errors/stream-error.js';
import type { CompletionEvent } from './completion-event.js';

interface ChatChoice {
  readonly delta?: { readonly content?: string | null } | null;
  readonly message?: { readonly content?: string | null } | null;
  readonly finish_reason?: string | null;
}

interface ChatChunk {
  readonly choices?: readonly ChatChoice[] | null;
  readonly usage?: {
    readonly prompt_tokens?: number;
    readonly completion_tokens?: number;
    readonly total_tokens?: number;
  } | null;
  readonly error?: { readonly message?: string; readonly type?: string; readonly code?: unknown };
}

function parseChunk(data: string, provider: string): ChatChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'data is not JSON',
      excerpt: data,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StreamError({
      kind: 'invalid-json',
      provider,
      detail: 'data is not a JSON object',
      excerpt: data,
    });
  }
  return parsed;
}

/**
 * The events one chat-completion object holds (a streamed `chat.completion.chunk` or a whole
 * `chat.completion`): the text of the first choice, its finish reason, the usage. An `error`
 * object throws a `StreamError` of kind `server-error` with the server's message.
 *
 * @param data - the JSON text of one object.
 * @param provider - the provider's name, for errors.
 * @returns the events, in order (often just one).
 */
export function chatCompletionEvents(data: string, provider: string): CompletionEvent[] {
  const chunk = parseChunk(data, provider);
  if (chunk.error) {
    const detail = chunk.error.message ?? chunk.error.type ?? 'error';
    throw new StreamError({ kind: 'server-error', provider, detail, excerpt: data });
  }
  const events: CompletionEvent[] = [];
  const choice = chunk.choices?.[0];
  const text = choice?.delta?.content ?? choice?.message?.content;
  if (text) events.push({ type: 'text-delta', text });
  if (choice?.finish_reason) events.push({ type: 'finish', reason: choice.finish_reason });
  const usage = chunk.usage;
  if (usage) {
    const promptTokens = usage.prompt_tokens ?? 0;
    const completionTokens = usage.completion_tokens ?? 0;
    events.push({
      type: 'usage',
      usage: {
        promptTokens,
        completionTokens,
        totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
      },
    });
  }
  return events;
}

/**
 * Turns the SSE events of an OpenAI-compatible stream into {@link CompletionEvent}s.
 *
 * `data: [DONE]` marks the end: events after it are ignored, and the Observable completes
 * when the body ends (so a keep-alive socket is reused rather than torn down). A body that
 * ends without `[DONE]` is a `StreamError` (`truncated`): the reply may be cut. A `data:`
 * that is not JSON, or carries an `error` object, is a `StreamError` after every delta before it.
 *
 * @param provider - the provider's name, for errors.
 * @returns an operator from SSE events to completion events.
 */
export function chatChunkEvents(
  provider: string,
): OperatorFunction<EventSourceMessage, CompletionEvent> {
  return (source) =>
    new Observable<CompletionEvent>((subscriber) => {
      let done = false;
      return source.subscribe({
        next: (event) => {
          if (done) return;
          if (event.data === '[DONE]') {
            done = true;
            return;
          }
          let events: CompletionEvent[];
          try {
            events = chatCompletionEvents(event.data, provider);
          } catch (error: unknown) {
            subscriber.error(error);
            return;
          }
          for (const completionEvent of events) subscriber.next(completionEvent);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          if (done) subscriber.complete();
          else
            subscriber.error(
              new StreamError({
                kind: 'truncated',
                provider,
                detail: 'the stream ended without data: [DONE]',
              }),
            );
        },
      });
    });
}
